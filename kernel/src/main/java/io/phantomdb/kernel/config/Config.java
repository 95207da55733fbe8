package io.phantomdb.kernel.config;

import io.phantomdb.kernel.config.internal.EnvironmentNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The effective configuration: every known key with its value and origin, plus the engine options
 * ({@code storage.<engine>.<option>}) as written. Built by {@link ConfigLoader}; immutable.
 *
 * <p>Engine options are resolved per engine ({@link #engineOptions}) because only the engine knows
 * which options exist, and so which environment variables to look at.
 */
public final class Config {
  private final Path home;
  private final Map<String, Setting> settings;
  private final Map<String, Object> values;
  private final List<Setting> fileEngineOptions;
  private final List<Setting> commandLineEngineOptions;
  private final Map<String, String> storageEnvironment;
  private final List<Setting> protocolOptions;

  Config(
      Path home,
      Map<String, Setting> settings,
      Map<String, Object> values,
      List<Setting> fileEngineOptions,
      List<Setting> commandLineEngineOptions,
      Map<String, String> storageEnvironment,
      List<Setting> protocolOptions) {
    this.protocolOptions = List.copyOf(protocolOptions);
    this.home = home;
    this.settings = Map.copyOf(settings);
    this.values = Map.copyOf(values);
    this.fileEngineOptions = List.copyOf(fileEngineOptions);
    this.commandLineEngineOptions = List.copyOf(commandLineEngineOptions);
    this.storageEnvironment = Map.copyOf(storageEnvironment);
  }

  /**
   * The installation directory ({@code <home>} in path values).
   *
   * @return an absolute path
   */
  public Path home() {
    return home;
  }

  /**
   * The value of a key.
   *
   * @param key one of {@link ConfigKeys#ALL}
   * @param <T> its type
   * @return the parsed value (the default if nobody set it)
   */
  public <T> T get(ConfigKey<T> key) {
    Object v = values.get(key.name());
    Objects.requireNonNull(v, () -> "not a known key: " + key.name());
    @SuppressWarnings("unchecked")
    T t = (T) v;
    return t;
  }

  /**
   * The effective setting of a key: its text and where it came from.
   *
   * @param key one of {@link ConfigKeys#ALL}
   * @return the setting; its origin is {@link Origin#DEFAULT} if nobody set it
   */
  public Setting setting(ConfigKey<?> key) {
    return settings.get(key.name());
  }

  /**
   * Every {@code storage.<engine>.<option>} setting from the file and {@code --set}, for every
   * engine, in that order (environment variables are matched in {@link #engineOptions}).
   *
   * @return the settings, keys in full
   */
  public List<Setting> engineOptionSettings() {
    List<Setting> all = new ArrayList<>(fileEngineOptions);
    all.addAll(commandLineEngineOptions);
    return List.copyOf(all);
  }

  /**
   * The options for one engine: file, then environment ({@code PHANTOMDB_STORAGE_<ENGINE>_<OPTION>}
   * for the option names given), then {@code --set}, later ones winning.
   *
   * @param engine the engine name
   * @param optionNames the options the engine supports; used to find environment variables
   * @return option name (without prefix) to setting, in no particular order; may hold options the
   *     engine does not support when they were written in the file or with {@code --set}
   */
  public Map<String, Setting> engineOptions(String engine, Collection<String> optionNames) {
    Map<String, Setting> result = new LinkedHashMap<>();
    collect(fileEngineOptions, engine, result);
    for (String option : optionNames) {
      String key = new EngineOptionKey(engine, option).key();
      String env = EnvironmentNames.of(key);
      String value = storageEnvironment.get(env);
      if (value != null) {
        result.put(option, new Setting(key, value.strip(), Origin.environment(env)));
      }
    }
    collect(commandLineEngineOptions, engine, result);
    return result;
  }

  /**
   * Environment variables starting with {@code PHANTOMDB_STORAGE_} that name no kernel key: they
   * may be engine options, which only the engines can tell.
   *
   * @return variable name to value
   */
  public Map<String, String> storageEnvironment() {
    return storageEnvironment;
  }

  private static void collect(List<Setting> from, String engine, Map<String, Setting> into) {
    for (Setting s : from) {
      EngineOptionKey.parse(s.key())
          .filter(k -> k.engine().equals(engine))
          .ifPresent(k -> into.put(k.option(), s));
    }
  }

  /**
   * Every {@code <protocol>.<option>} setting from the file and {@code --set}, in that order.
   *
   * @return the settings, keys in full
   */
  public List<Setting> protocolOptionSettings() {
    return protocolOptions;
  }

  /**
   * The options of one protocol (file, then {@code --set}, later ones winning), {@code host} and
   * {@code port} included.
   *
   * @param protocol the protocol name
   * @return option name (without prefix) to setting
   */
  public Map<String, Setting> protocolOptions(String protocol) {
    Map<String, Setting> result = new LinkedHashMap<>();
    for (Setting s : protocolOptions) {
      ProtocolOptionKey.parse(s.key()).filter(k -> k.protocol().equals(protocol))
          .ifPresent(k -> result.put(k.option(), s));
    }
    return result;
  }
}
