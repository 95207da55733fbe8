package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import io.phantomdb.kernel.config.EngineOptionKey;
import io.phantomdb.kernel.plugin.ExtensionRegistry;
import io.phantomdb.kernel.plugin.KnownSpis;
import io.phantomdb.kernel.plugin.PluginSettings;
import io.phantomdb.kernel.storage.SelectedStorage;
import io.phantomdb.kernel.storage.StorageSelector;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code phantomdb plugins}: loads the plugins as a start would and shows a row per plugin, then
 * the configured storage engine. Fails (after the table) if that engine is not available or an
 * engine option is wrong, exactly as a start would.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "plugins",
    description = {
      "List plugins (id, version, required api, what they provide, LOADED/DISABLED/REFUSED and why)",
      "and the options of every storage engine, and check that storage.engine is available and its",
      "options are valid. Exits non-zero if not."
    })
final class PluginsCommand implements Callable<Integer> {
  @ParentCommand PhantomDbCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config config = parent.loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    Path dir = config.get(ConfigKeys.PLUGINS_DIR);
    try (ExtensionRegistry registry = ExtensionRegistry.load(PluginSettings.from(config))) {
      out.println("plugins.dir     " + dir + (Files.isDirectory(dir) ? "" : " (does not exist)"));
      out.println();
      if (registry.plugins().isEmpty()) {
        out.println("no plugins found");
      } else {
        out.print(PluginTable.render(registry.plugins()));
      }
      for (String id : config.get(ConfigKeys.PLUGINS_DISABLED)) {
        if (registry.plugins().stream().noneMatch(r -> id.equals(r.id()))) {
          out.println("note: plugins.disabled lists '" + id + "', but no plugin has that id");
        }
      }
      printEngineOptions(registry, out);
      printProtocolOptions(registry, out);
      out.println();
      out.flush();
      SelectedStorage storage = StorageSelector.select(config, registry);
      out.println("storage.engine  " + storage.name() + " (available, from " + storage.providedBy()
          + "; set by " + config.setting(ConfigKeys.STORAGE_ENGINE).origin() + ")");
      return 0;
    }
  }

  private static void printEngineOptions(ExtensionRegistry registry, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    for (String engine : registry.names(KnownSpis.STORAGE)) {
      StorageEngineFactory f = registry.find(KnownSpis.STORAGE, engine).orElseThrow();
      f.supportedOptions().forEach((option, doc) ->
          rows.add(new String[] {new EngineOptionKey(engine, option).key(), doc}));
    }
    if (rows.isEmpty()) {
      return;
    }
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    out.println();
    out.println("storage engine options (" + EngineOptionKey.PATTERN + " = value):");
    for (String[] r : rows) {
      out.println("  " + r[0] + " ".repeat(width - r[0].length() + 2) + r[1]);
    }
  }

  private static void printProtocolOptions(ExtensionRegistry registry, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    for (String name : registry.names(KnownSpis.PROTOCOL)) {
      io.phantomdb.spi.protocol.ProtocolServerFactory f = registry.find(KnownSpis.PROTOCOL, name).orElseThrow();
      rows.add(new String[] {name + ".host", "address to listen on (default 127.0.0.1: local clients only)"});
      rows.add(new String[] {name + ".port", "TCP port (default " + f.defaultPort() + ")"});
      f.supportedOptions().forEach((option, doc) -> rows.add(new String[] {name + "." + option, doc}));
    }
    if (rows.isEmpty()) {
      return;
    }
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    out.println();
    out.println("protocol options (" + io.phantomdb.kernel.config.ProtocolOptionKey.PATTERN + " = value):");
    for (String[] r : rows) {
      out.println("  " + r[0] + " ".repeat(width - r[0].length() + 2) + r[1]);
    }
  }
}
