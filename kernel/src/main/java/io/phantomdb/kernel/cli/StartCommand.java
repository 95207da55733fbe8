package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.cli.sql.EmbeddedSql;
import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import io.phantomdb.kernel.error.OperatorException;
import io.phantomdb.kernel.info.BuildInfo;
import io.phantomdb.kernel.plugin.ExtensionRegistry;
import io.phantomdb.kernel.plugin.PluginSettings;
import io.phantomdb.kernel.protocol.KernelSessionService;
import io.phantomdb.kernel.protocol.ProtocolServers;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.storage.DataDirectory;
import io.phantomdb.kernel.storage.SelectedStorage;
import io.phantomdb.kernel.storage.StorageSelector;
import io.phantomdb.spi.storage.StorageEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code phantomdb start}: the server. Locks the data directory, opens the storage engine and the
 * SQL engine, starts the protocol servers {@code protocols} names (from plugins), prints one line
 * {@code PhantomDB <version> ready at postgresql://<host>:<port>/} once they accept, and serves
 * until SIGTERM or SIGINT; then it stops accepting, gives statements in progress {@link #GRACE} to
 * finish, closes every session, the SQL engine and the storage engine, and exits 0.
 *
 * <p>Operator mistakes (a busy port, a data directory in use or of another format, a protocol
 * nobody provides) exit 1 with one line.
 */
@Command(
    name = "start",
    description = {
      "Start the server: serve the data directory to clients over the configured protocols",
      "(PostgreSQL's wire protocol: psql, JDBC, ...) until SIGTERM or Ctrl-C."
    })
final class StartCommand implements Callable<Integer> {
  /** How long statements in progress may take to finish at shutdown. */
  static final Duration GRACE = Duration.ofSeconds(10);

  @ParentCommand PhantomDbCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "the data directory (default ./data; the same as --set data.dir=DIR)")
  Path dataDir;

  @Option(
      names = "--pg-port",
      paramLabel = "N",
      description = "the PostgreSQL protocol's port (default 5433; the same as --set pgwire.port=N)")
  Integer pgPort;

  @Override
  public Integer call() throws InterruptedException {
    List<String> extra = new ArrayList<>();
    if (dataDir != null) {
      extra.add("data.dir=" + dataDir);
    }
    if (pgPort != null) {
      extra.add("pgwire.port=" + pgPort);
    }
    Config config = parent.loadConfig(extra);
    PrintWriter out = spec.commandLine().getOut();
    ShutdownSignal shutdown = ShutdownSignal.install();
    try (ExtensionRegistry registry = ExtensionRegistry.load(PluginSettings.from(config))) {
      ProtocolServers servers = ProtocolServers.select(config, registry);
      SelectedStorage storage = StorageSelector.select(config, registry);
      try (DataDirectory dir = DataDirectory.open(config.get(ConfigKeys.DATA_DIR));
          StorageEngine engine = storage.open();
          EmbeddedSql sql = startSql(engine, config);
          ProtocolServers running = servers) {
        List<ProtocolServers.Started> started = running.start(new KernelSessionService(sql.engine()));
        out.println("PhantomDB " + BuildInfo.version() + " ready at "
            + started.stream().map(ProtocolServers.Started::url).collect(Collectors.joining(", ")));
        out.flush();
        shutdown.await();
        running.stop(GRACE);
      }
    } finally {
      shutdown.done();
    }
    return 0;
  }

  private static EmbeddedSql startSql(StorageEngine engine, Config config) {
    try {
      return EmbeddedSql.open(engine, config);
    } catch (SqlException e) {
      throw new OperatorException("the SQL engine cannot start: " + e.getMessage(), e);
    }
  }
}
