package io.phantomdb.kernel.plugin;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where plugins come from.
 *
 * @param pluginsDir the directory holding plugin zips (and exploded plugin directories); null to
 *     use the class path only, as embedded applications and tests may
 * @param disabledIds plugin ids not to load
 */
public record PluginSettings(Path pluginsDir, Set<String> disabledIds) {

  /** Copies the set. */
  public PluginSettings {
    disabledIds = Set.copyOf(disabledIds);
  }

  /**
   * From {@code plugins.dir} and {@code plugins.disabled}.
   *
   * @param config the configuration
   * @return the settings
   */
  public static PluginSettings from(Config config) {
    return new PluginSettings(
        config.get(ConfigKeys.PLUGINS_DIR), Set.copyOf(config.get(ConfigKeys.PLUGINS_DISABLED)));
  }

  /**
   * No plugins directory: only what {@link java.util.ServiceLoader} finds on the class path.
   *
   * @return the settings
   */
  public static PluginSettings classPathOnly() {
    return new PluginSettings(null, Set.of());
  }
}
