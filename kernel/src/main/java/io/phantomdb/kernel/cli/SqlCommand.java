package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.cli.sql.EmbeddedSql;
import io.phantomdb.kernel.cli.sql.InteractiveShell;
import io.phantomdb.kernel.cli.sql.ResultPrinter;
import io.phantomdb.kernel.cli.sql.SqlRunner;
import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import io.phantomdb.kernel.error.OperatorException;
import io.phantomdb.kernel.info.BuildInfo;
import io.phantomdb.kernel.plugin.ExtensionRegistry;
import io.phantomdb.kernel.plugin.PluginSettings;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.storage.DataDirectory;
import io.phantomdb.kernel.storage.SelectedStorage;
import io.phantomdb.kernel.storage.StorageSelector;
import io.phantomdb.kernel.txn.gc.GcSettings;
import io.phantomdb.spi.storage.StorageEngine;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code phantomdb sql}: the SQL engine in this process on the configured storage engine, fed
 * from {@code -c} texts, then a {@code -f} file, or else standard input: a script when it is not
 * a terminal, the interactive shell when it is. Results go to standard output as psql prints
 * them, errors to standard error.
 *
 * <p>Exit code: 0, even if statements failed (as psql without {@code ON_ERROR_STOP}); with
 * {@code --stop-on-error}, 1 at the first failure, which ends the run. Failures to start (the
 * configuration, the storage engine, an unreadable file) exit 1 with one line.
 */
@Command(
    name = "sql",
    description = {
      "Run SQL on the data directory, with the SQL engine in this process (no server;",
      "the directory must not be in use). Statements come from -c, then -f, else from",
      "standard input: a script, or a prompt on a terminal (\\? for help, \\q to quit)."
    })
final class SqlCommand implements Callable<Integer> {
  @ParentCommand PhantomDbCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "the data directory (the same as --set data.dir=DIR)")
  Path dataDir;

  @Option(
      names = {"-c", "--command"},
      paramLabel = "SQL",
      description = "run these statements (separated by ';'; repeatable, run in order)")
  List<String> commands = new ArrayList<>();

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "run the statements in FILE ('-' for standard input), after any -c")
  String file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "how to print rows: aligned (a table, the default) or csv")
  String format = "aligned";

  @Option(
      names = "--stop-on-error",
      description = "stop at the first failed statement and exit 1 (default: go on, exit 0)")
  boolean stopOnError;

  @Override
  public Integer call() throws IOException {
    ResultPrinter.Format fmt;
    try {
      fmt = ResultPrinter.Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
    Path script = file == null || file.equals("-") ? null : Path.of(file);
    if (script != null && !Files.isReadable(script)) {
      throw new OperatorException("cannot read " + script.toAbsolutePath()
          + (Files.exists(script) ? ": permission denied" : ": no such file"));
    }
    List<String> extra = new ArrayList<>();
    if (dataDir != null) {
      extra.add("data.dir=" + dataDir);
    }
    Config config = parent.loadConfig(extra);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean interactive = commands.isEmpty() && file == null && System.console() != null;
    try (ExtensionRegistry registry = ExtensionRegistry.load(PluginSettings.from(config))) {
      SelectedStorage storage = StorageSelector.select(config, registry);
      try (DataDirectory dir = DataDirectory.open(config.get(ConfigKeys.DATA_DIR));
          StorageEngine engine = storage.open();
          EmbeddedSql sql = startSql(engine, config);
          Session session = sql.newSession()) {
        SqlRunner runner = new SqlRunner(session, new ResultPrinter(fmt, out), out, err,
            stopOnError && !interactive, parent.verbose());
        if (interactive) {
          String banner = "phantomdb sql " + BuildInfo.version() + ", storage engine "
              + storage.name() + " on " + storage.context().dataDirectory()
              + System.lineSeparator() + "Type \\? for help, \\q to quit.";
          Path history = Path.of(System.getProperty("user.home"), InteractiveShell.HISTORY_FILE);
          new InteractiveShell(runner, out, history, banner).run();
        } else {
          run(runner, script);
        }
        out.flush();
        return runner.stopped() ? 1 : 0;
      }
    }
  }

  private static EmbeddedSql startSql(StorageEngine engine, Config config) {
    try {
      return EmbeddedSql.open(engine, config);
    } catch (SqlException e) {
      throw new OperatorException("the SQL engine cannot start: " + e.getMessage(), e);
    }
  }

  private void run(SqlRunner runner, Path script) throws IOException {
    for (String text : commands) {
      if (!runner.runText(text)) {
        return;
      }
    }
    if (script != null) {
      try (Reader r = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
        runner.runScript(r, script.toString());
      } catch (MalformedInputException e) {
        throw new OperatorException("cannot read " + script + ": not valid UTF-8", e);
      } catch (IOException e) {
        throw new OperatorException("cannot read " + script + ": " + e.getMessage(), e);
      }
    } else if (file != null || commands.isEmpty()) {
      runner.runScript(new InputStreamReader(System.in, StandardCharsets.UTF_8), "<stdin>");
    }
  }
}
