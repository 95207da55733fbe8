package io.phantomdb.spi.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the kernel hands a {@link StorageEngineFactory} when it opens an engine: the directory the
 * engine owns and its options.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dataDirectory the directory the engine owns exclusively; it may not exist yet
 * @param options engine-specific options, keys without the {@code storage.<name>.} prefix (see
 *     {@link StorageEngineFactory#supportedOptions()}); values are strings as written in the
 *     configuration
 */
public record StorageContext(Path dataDirectory, Map<String, String> options) {

  /** Validates and copies the arguments. */
  public StorageContext {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    options = Map.copyOf(Objects.requireNonNull(options, "options"));
  }

  /**
   * A context with no options: every engine default applies.
   *
   * @param dataDirectory the directory the engine owns
   * @return the context
   */
  public static StorageContext of(Path dataDirectory) {
    return new StorageContext(dataDirectory, Map.of());
  }

  /**
   * Returns a copy of this context that owns another directory, with the same options.
   *
   * @param directory the other directory
   * @return the new context
   */
  public StorageContext withDataDirectory(Path directory) {
    return new StorageContext(directory, options);
  }

  /**
   * Reads a string option.
   *
   * @param key the option key, without prefix
   * @param defaultValue returned when the option is not set
   * @return the value or the default
   */
  public String option(String key, String defaultValue) {
    return options.getOrDefault(key, defaultValue);
  }

  /**
   * Reads an integer option.
   *
   * @param key the option key, without prefix
   * @param defaultValue returned when the option is not set
   * @return the value or the default
   * @throws IllegalArgumentException if the value is not a decimal integer
   */
  public int intOption(String key, int defaultValue) {
    String v = options.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option '" + key + "' must be a whole number, got '" + v + "'");
    }
  }

  /**
   * Reads a boolean option ({@code true} or {@code false}, any case).
   *
   * @param key the option key, without prefix
   * @param defaultValue returned when the option is not set
   * @return the value or the default
   * @throws IllegalArgumentException if the value is neither {@code true} nor {@code false}
   */
  public boolean booleanOption(String key, boolean defaultValue) {
    String v = options.get(key);
    if (v == null) {
      return defaultValue;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "option '" + key + "' must be true or false, got '" + v + "'");
    };
  }

  /**
   * Reads a size in bytes, written as a number with an optional unit {@code KB}, {@code MB},
   * {@code GB} or {@code TB} (powers of 1024, any case), such as {@code 512MB}.
   *
   * @param key the option key, without prefix
   * @param defaultValue returned when the option is not set
   * @return the size in bytes
   * @throws IllegalArgumentException if the value is not a non-negative size
   */
  public long sizeOption(String key, long defaultValue) {
    String v = options.get(key);
    if (v == null) {
      return defaultValue;
    }
    String s = v.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    long unit = 1;
    String[] suffixes = {"TB", "GB", "MB", "KB", "B"};
    long[] units = {1L << 40, 1L << 30, 1L << 20, 1L << 10, 1};
    for (int i = 0; i < suffixes.length; i++) {
      if (s.endsWith(suffixes[i])) {
        unit = units[i];
        s = s.substring(0, s.length() - suffixes[i].length());
        break;
      }
    }
    try {
      long n = Long.parseLong(s);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "option '" + key + "' must be a size such as 64MB or 2GB, got '" + v + "'");
    }
  }
}
