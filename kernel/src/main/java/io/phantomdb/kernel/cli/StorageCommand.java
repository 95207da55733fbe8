package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.plugin.ExtensionRegistry;
import io.phantomdb.kernel.plugin.PluginSettings;
import io.phantomdb.kernel.storage.SelectedStorage;
import io.phantomdb.kernel.storage.StorageSelector;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code phantomdb storage}: opens the configured storage engine on the data directory (creating
 * an empty store if there is none), prints its keyspaces with their estimated sizes and the
 * engine's figures, and closes it. Fails with one line if the directory is in use, damaged, or
 * belongs to another engine.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "storage",
    description = {
      "Open the configured storage engine on the data directory (creating an empty store there if",
      "there is none), show its keyspaces and figures, and close it. Fails if the directory is in",
      "use by a running PhantomDB, damaged, or written by another engine."
    })
final class StorageCommand implements Callable<Integer> {
  @ParentCommand PhantomDbCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "the data directory (the same as --set data.dir=DIR)")
  Path dataDir;

  @Override
  public Integer call() {
    List<String> extra = new ArrayList<>();
    if (dataDir != null) {
      extra.add("data.dir=" + dataDir);
    }
    Config config = parent.loadConfig(extra);
    PrintWriter out = spec.commandLine().getOut();
    try (ExtensionRegistry registry = ExtensionRegistry.load(PluginSettings.from(config))) {
      SelectedStorage storage = StorageSelector.select(config, registry);
      try (StorageEngine engine = storage.open()) {
        out.println("engine      " + storage.name() + " (" + storage.providedBy() + ")");
        out.println("directory   " + storage.context().dataDirectory());
        out.println("max key     " + engine.maxKeyLength() + " bytes");
        out.println("max value   " + engine.maxValueLength() + " bytes");
        StorageStats stats = engine.stats();
        out.println("disk        " + figure(stats.diskBytes(), " bytes"));
        out.println("memory      " + figure(stats.memoryBytes(), " bytes"));
        out.println("keys        " + figure(stats.keyCount(), ""));
        for (Map.Entry<String, Long> e : new TreeMap<>(stats.details()).entrySet()) {
          out.printf("  %-28s %d%n", e.getKey(), e.getValue());
        }
        List<String> keyspaces = engine.keyspaces();
        out.println("keyspaces   " + keyspaces.size());
        for (String name : keyspaces) {
          long size = engine.approximateSize(engine.keyspace(name), KeyRange.all());
          out.printf("  %-28s ~%d bytes%n", name, size);
        }
      }
      out.flush();
      return 0;
    }
  }

  private static String figure(long value, String unit) {
    return value < 0 ? "unknown" : value + unit;
  }
}
