package io.phantomdb.kernel.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key of the form {@code storage.<engine>.<option>}: an option of one storage engine, handed to
 * it without the prefix and checked against the options the engine declares.
 *
 * @param engine the engine name, such as {@code lsm}
 * @param option the option, such as {@code block-cache-size}
 */
public record EngineOptionKey(String engine, String option) {
  /** How engine option keys are written, for messages and documentation. */
  public static final String PATTERN = "storage.<engine>.<option>";

  private static final Pattern KEY =
      Pattern.compile("storage\\.([a-z0-9][a-z0-9-]*)\\.([A-Za-z0-9][A-Za-z0-9._-]*)");

  /**
   * Recognizes an engine option key.
   *
   * @param key a configuration key
   * @return the engine and option, or empty if the key does not have the form
   */
  public static Optional<EngineOptionKey> parse(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches() || m.group(1).equals("engine")) {
      return Optional.empty();
    }
    return Optional.of(new EngineOptionKey(m.group(1), m.group(2)));
  }

  /**
   * The full key.
   *
   * @return {@code storage.<engine>.<option>}
   */
  public String key() {
    return "storage." + engine + "." + option;
  }
}
