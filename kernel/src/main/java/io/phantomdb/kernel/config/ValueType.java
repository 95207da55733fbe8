package io.phantomdb.kernel.config;

import java.nio.file.Path;

/**
 * How the text of a configuration value becomes a typed value.
 *
 * @param <T> the type of the parsed value
 */
public interface ValueType<T> {

  /**
   * Parses a value as written in the file, the environment or {@code --set}.
   *
   * @param text the value, already trimmed
   * @param home the installation directory, for values that may start with {@code <home>}
   * @return the parsed value
   * @throws IllegalArgumentException if the text is not a valid value; the message says what is
   *     expected, without naming the key (the caller adds key and origin)
   */
  T parse(String text, Path home);

  /**
   * What a value of this type looks like, for documentation, such as {@code path}.
   *
   * @return a short noun phrase
   */
  String describe();
}
