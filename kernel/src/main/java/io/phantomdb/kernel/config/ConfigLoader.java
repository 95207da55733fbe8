package io.phantomdb.kernel.config;

import io.phantomdb.kernel.config.internal.ConfFileParser;
import io.phantomdb.kernel.config.internal.EnvironmentNames;
import io.phantomdb.kernel.config.internal.KeySuggestions;
import io.phantomdb.kernel.error.OperatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the {@link Config} from its layers, later ones winning: defaults, then the file, then
 * environment variables ({@code PHANTOMDB_} + the key upper-cased, {@code .} and {@code -} as
 * {@code _}), then {@code --set key=value} in order.
 *
 * <p>Every value in every layer is checked, even when a later layer overrides it. Any problem
 * (unknown key, malformed line, bad value) is an {@link OperatorException} naming the origin
 * ({@code file:line}, the variable or the {@code --set}) and the key.
 */
public final class ConfigLoader {
  private static final String STORAGE_ENV_PREFIX = EnvironmentNames.PREFIX + "STORAGE_";

  private final Path home;
  private Path file;
  private boolean fileRequired;
  private Map<String, String> environment = Map.of();
  private List<String> overrides = List.of();

  private ConfigLoader(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /**
   * Starts a loader.
   *
   * @param home the installation directory
   * @return a loader with no file, no environment and no overrides
   */
  public static ConfigLoader forHome(Path home) {
    return new ConfigLoader(Objects.requireNonNull(home, "home"));
  }

  /**
   * Sets the configuration file.
   *
   * @param file the file
   * @param required true if the operator named it (then a missing file is an error); false for
   *     the default location, which may be absent
   * @return this
   */
  public ConfigLoader file(Path file, boolean required) {
    this.file = file;
    this.fileRequired = required;
    return this;
  }

  /**
   * Sets the environment to read {@code PHANTOMDB_*} variables from.
   *
   * @param environment usually {@link System#getenv()}
   * @return this
   */
  public ConfigLoader environment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    return this;
  }

  /**
   * Sets the {@code --set} arguments, each {@code key=value}, applied in order.
   *
   * @param keyValues the arguments
   * @return this
   */
  public ConfigLoader overrides(List<String> keyValues) {
    this.overrides = List.copyOf(keyValues);
    return this;
  }

  /** Protocol option settings of the load in progress. */
  private List<Setting> protocolOptions = new ArrayList<>();

  /**
   * Reads and checks everything.
   *
   * @return the configuration
   * @throws OperatorException on the first problem found
   */
  public Config load() {
    Map<String, Setting> effective = new HashMap<>();
    List<Setting> fileOptions = new ArrayList<>();
    List<Setting> commandLineOptions = new ArrayList<>();
    protocolOptions = new ArrayList<>();
    Map<String, String> storageEnvironment = new TreeMap<>();

    if (file != null && (fileRequired || Files.exists(file))) {
      for (Setting s : ConfFileParser.parse(file)) {
        classify(s, effective, fileOptions);
      }
    }
    readEnvironment(effective, storageEnvironment);
    for (String argument : overrides) {
      int eq = argument.indexOf('=');
      if (eq <= 0) {
        throw new OperatorException(
            "--set " + argument + ": expected key=value, such as --set storage.engine=btree");
      }
      Setting s =
          new Setting(
              argument.substring(0, eq).strip(),
              argument.substring(eq + 1).strip(),
              Origin.commandLine(argument));
      classify(s, effective, commandLineOptions);
    }

    Map<String, Object> values = new HashMap<>();
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      Setting s =
          effective.computeIfAbsent(
              key.name(), n -> new Setting(n, key.defaultValue(), Origin.DEFAULT));
      values.put(key.name(), parse(key, s));
    }
    @SuppressWarnings("unchecked")
    List<String> protocols = (List<String>) values.get(ConfigKeys.PROTOCOLS.name());
    for (Setting s : protocolOptions) {
      if (!protocols.contains(ProtocolOptionKey.parse(s.key()).orElseThrow().protocol())) {
        throw new OperatorException(s.origin() + ": " + unknownKey(s.key()));
      }
    }
    return new Config(
        home, effective, values, fileOptions, commandLineOptions, storageEnvironment, protocolOptions);
  }

  private void classify(Setting s, Map<String, Setting> effective, List<Setting> engineOptions) {
    var known = ConfigKeys.byName(s.key());
    if (known.isPresent()) {
      parse(known.get(), s);
      effective.put(s.key(), s);
    } else if (EngineOptionKey.parse(s.key()).isPresent()) {
      engineOptions.add(s);
    } else if (ProtocolOptionKey.parse(s.key()).isPresent()) {
      protocolOptions.add(s); // file first, then --set: later ones win
    } else {
      throw new OperatorException(s.origin() + ": " + unknownKey(s.key()));
    }
  }

  private void readEnvironment(
      Map<String, Setting> effective, Map<String, String> storageEnvironment) {
    Map<String, ConfigKey<?>> byVariable =
        ConfigKeys.ALL.stream()
            .collect(Collectors.toMap(k -> EnvironmentNames.of(k.name()), k -> k));
    for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(EnvironmentNames.PREFIX) || EnvironmentNames.RESERVED.contains(name)) {
        continue;
      }
      ConfigKey<?> key = byVariable.get(name);
      if (key != null) {
        Setting s = new Setting(key.name(), e.getValue().strip(), Origin.environment(name));
        parse(key, s);
        effective.put(key.name(), s);
      } else if (name.startsWith(STORAGE_ENV_PREFIX)) {
        storageEnvironment.put(name, e.getValue());
      } else {
        throw new OperatorException(
            "environment variable " + name + " names no configuration key; known variables: "
                + String.join(", ", new TreeMap<>(byVariable).keySet())
                + ", PHANTOMDB_STORAGE_<ENGINE>_<OPTION>, PHANTOMDB_JAVA_OPTS (launcher)");
      }
    }
  }

  private Object parse(ConfigKey<?> key, Setting s) {
    try {
      return key.type().parse(s.value(), home);
    } catch (IllegalArgumentException e) {
      throw new OperatorException(s.origin() + ": " + key.name() + ": " + e.getMessage());
    }
  }

  private static String unknownKey(String key) {
    List<String> names = ConfigKeys.ALL.stream().map(ConfigKey::name).toList();
    String hint =
        KeySuggestions.closest(key, names).map(n -> " (did you mean '" + n + "'?)").orElse("");
    return "unknown key '" + key + "'" + hint + "; known keys: " + ConfigKeys.describeKnownKeys()
        + " (for a protocol named in protocols)";
  }
}
