package io.phantomdb.kernel.storage;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import io.phantomdb.kernel.config.EngineOptionKey;
import io.phantomdb.kernel.config.Setting;
import io.phantomdb.kernel.config.internal.EnvironmentNames;
import io.phantomdb.kernel.error.OperatorException;
import io.phantomdb.kernel.plugin.ExtensionRegistry;
import io.phantomdb.kernel.plugin.KnownSpis;
import io.phantomdb.kernel.plugin.PluginReport;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the storage engine named by {@code storage.engine} from the registry and checks every
 * engine option ({@code storage.<engine>.<option>}, from the file, {@code --set} or the
 * environment) against the options the engines declare. The chosen engine's options are handed
 * to it without the prefix, in {@code <data.dir>/storage}.
 */
public final class StorageSelector {
  /** The subdirectory of {@code data.dir} the storage engine owns. */
  public static final String STORAGE_SUBDIRECTORY = "storage";

  private StorageSelector() {}

  /**
   * Chooses and checks.
   *
   * @param config the configuration
   * @param registry the implementations available
   * @return the chosen engine and its context
   * @throws OperatorException if the engine is not available, or an engine option is unknown
   */
  public static SelectedStorage select(Config config, ExtensionRegistry registry) {
    String name = config.get(ConfigKeys.STORAGE_ENGINE);
    StorageEngineFactory factory =
        registry.find(KnownSpis.STORAGE, name).orElseThrow(() -> notAvailable(name, registry));
    checkEngineOptions(config, registry);
    Map<String, String> options = new LinkedHashMap<>();
    config.engineOptions(name, factory.supportedOptions().keySet())
        .forEach((option, setting) -> options.put(option, setting.value()));
    Path dir = config.get(ConfigKeys.DATA_DIR).resolve(STORAGE_SUBDIRECTORY);
    String providedBy = registry.providerOf(KnownSpis.STORAGE, name).orElse("?");
    return new SelectedStorage(name, providedBy, factory, new StorageContext(dir, options));
  }

  /**
   * The one-line message for an engine nobody provides.
   *
   * @param name the configured name
   * @param registry the implementations available
   * @return the exception to throw
   */
  public static OperatorException notAvailable(String name, ExtensionRegistry registry) {
    List<String> names = registry.names(KnownSpis.STORAGE);
    StringBuilder sb = new StringBuilder("storage.engine '").append(name)
        .append("' is not available; available engines: ")
        .append(names.isEmpty() ? "none" : String.join(", ", names));
    List<PluginReport> notLoaded = registry.notLoadedDeclaring(KnownSpis.STORAGE);
    if (!notLoaded.isEmpty()) {
      sb.append("; not loaded: ").append(notLoaded.stream()
          .map(r -> r.displayName() + " (" + r.status() + ": " + r.reason() + ")")
          .collect(Collectors.joining(", ")));
    }
    return new OperatorException(sb.toString());
  }

  private static void checkEngineOptions(Config config, ExtensionRegistry registry) {
    List<String> engines = registry.names(KnownSpis.STORAGE);
    for (Setting s : config.engineOptionSettings()) {
      EngineOptionKey key = EngineOptionKey.parse(s.key()).orElseThrow();
      StorageEngineFactory f = registry.find(KnownSpis.STORAGE, key.engine())
          .orElseThrow(() -> new OperatorException(s.origin() + ": " + s.key()
              + ": no storage engine '" + key.engine() + "' is available (available engines: "
              + (engines.isEmpty() ? "none" : String.join(", ", engines)) + ")"));
      Set<String> supported = f.supportedOptions().keySet();
      if (!supported.contains(key.option())) {
        throw new OperatorException(s.origin() + ": unknown option '" + key.option()
            + "' for storage engine '" + key.engine() + "'; "
            + (supported.isEmpty() ? "it takes no options"
                : "its options: " + String.join(", ", supported)));
      }
    }
    Set<String> claimed = new HashSet<>();
    for (String engine : engines) {
      StorageEngineFactory f = registry.find(KnownSpis.STORAGE, engine).orElseThrow();
      for (String option : f.supportedOptions().keySet()) {
        claimed.add(EnvironmentNames.of(new EngineOptionKey(engine, option).key()));
      }
    }
    for (String variable : config.storageEnvironment().keySet()) {
      if (!claimed.contains(variable)) {
        throw new OperatorException("environment variable " + variable
            + " names no configuration key and no option of an available storage engine ("
            + (engines.isEmpty() ? "none available" : String.join(", ", engines)) + ")");
      }
    }
  }
}
