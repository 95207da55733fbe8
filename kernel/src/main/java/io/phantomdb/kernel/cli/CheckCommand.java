package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import io.phantomdb.kernel.error.OperatorException;
import io.phantomdb.kernel.plugin.ExtensionRegistry;
import io.phantomdb.kernel.plugin.PluginSettings;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.check.CheckReport;
import io.phantomdb.kernel.sql.check.DatabaseCheck;
import io.phantomdb.kernel.storage.SelectedStorage;
import io.phantomdb.kernel.storage.StorageSelector;
import io.phantomdb.spi.storage.StorageEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code phantomdb check}: verifies a whole database offline ({@link DatabaseCheck}) and prints
 * what it checked per table and every damaged row, index entry, catalog entry or sequence state.
 *
 * <p>Exit code: 0 when nothing is damaged, {@value #EXIT_DAMAGED} when something is; an operator
 * mistake (no such directory, not a PhantomDB data directory, in use, another engine's files) is
 * one {@code phantomdb:} line and exit code 1, as every command.
 */
@Command(
    name = "check",
    description = {
      "Verify a database offline: the checksum of every stored row version, index entry and",
      "catalog entry, that rows decode, and that every index agrees with its table. The",
      "directory must not be in use. Exits 0 if nothing is damaged, " + CheckCommand.EXIT_DAMAGED
          + " if something is."
    })
final class CheckCommand implements Callable<Integer> {
  /** The exit code when damage was found. */
  static final int EXIT_DAMAGED = 3;

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
      names = "--storage",
      paramLabel = "NAME",
      description = "the storage engine that wrote it (the same as --set storage.engine=NAME)")
  String storageName;

  @Override
  public Integer call() {
    List<String> extra = new ArrayList<>();
    if (dataDir != null) {
      extra.add("data.dir=" + dataDir);
    }
    if (storageName != null) {
      extra.add("storage.engine=" + storageName);
    }
    Config config = parent.loadConfig(extra);
    Path dir = config.get(ConfigKeys.DATA_DIR).toAbsolutePath().normalize();
    requireDataDirectory(dir);
    PrintWriter out = spec.commandLine().getOut();
    try (ExtensionRegistry registry = ExtensionRegistry.load(PluginSettings.from(config))) {
      SelectedStorage storage = StorageSelector.select(config, registry);
      try (StorageEngine engine = storage.open()) {
        if (!DatabaseCheck.holdsDatabase(engine)) {
          throw new OperatorException(dir + " is not a PhantomDB data directory: its storage holds no SQL catalog");
        }
        out.println("checking " + dir + " (storage engine " + storage.name() + ")");
        CheckReport report;
        try {
          report = DatabaseCheck.run(engine);
        } catch (SqlException e) {
          throw new OperatorException("cannot check " + dir + ": " + e.getMessage(), e);
        }
        print(report, out);
        out.flush();
        return report.clean() ? 0 : EXIT_DAMAGED;
      }
    }
  }

  private static void requireDataDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new OperatorException("data directory " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
    }
    Path storage = dir.resolve(StorageSelector.STORAGE_SUBDIRECTORY);
    boolean empty = true;
    if (Files.isDirectory(storage)) {
      try (Stream<Path> files = Files.list(storage)) {
        empty = files.findAny().isEmpty();
      } catch (IOException e) {
        throw new OperatorException("cannot read " + storage + ": " + e.getMessage(), e);
      }
    }
    if (empty) {
      throw new OperatorException(dir + " is not a PhantomDB data directory (no storage in "
          + StorageSelector.STORAGE_SUBDIRECTORY + "/)");
    }
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static void print(CheckReport report, PrintWriter out) {
    for (CheckReport.TableResult t : report.tables()) {
      StringBuilder line = new StringBuilder("table ").append(t.name()).append(": ")
          .append(count(t.rowVersions(), "row version", "row versions")).append(", ")
          .append(count(t.liveRows(), "live row", "live rows"));
      if (t.indexes() > 0) {
        line.append(", ").append(count(t.indexes(), "index", "indexes")).append(" with ")
            .append(count(t.indexEntries(), "live entry", "live entries"));
      }
      int n = t.problems().size();
      line.append(n == 0 ? ": ok" : ": " + n + (n == 1 ? " problem" : " problems"));
      out.println(line);
      for (CheckReport.Problem p : t.problems()) {
        out.println("  ERROR: " + p);
      }
    }
    for (CheckReport.Problem p : report.problems()) {
      out.println("ERROR: " + p);
    }
    long total = report.problemCount();
    long damagedTables = report.tables().stream().filter(t -> !t.problems().isEmpty()).count();
    if (total == 0) {
      out.println("no damage found (" + report.tables().size() + " tables checked)");
    } else {
      out.println("damage found: " + total + (total == 1 ? " problem" : " problems") + " in " + damagedTables
          + " of " + report.tables().size() + " tables" + (report.problems().isEmpty() ? ""
              : " and " + report.problems().size() + " outside tables"));
    }
  }
}
