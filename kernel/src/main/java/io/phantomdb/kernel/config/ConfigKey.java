package io.phantomdb.kernel.config;

import java.util.Objects;

/**
 * One configuration key: its name, type, default and a one-line description. Every key the
 * kernel reads is defined once, in {@link ConfigKeys}.
 *
 * @param name the key as written in {@code phantomdb.conf}, such as {@code storage.engine}
 * @param type how its value is parsed
 * @param defaultValue the default as text, parsed like any other value (may use {@code <home>})
 * @param doc one line for operators: what the key does
 * @param <T> the type of the value
 */
public record ConfigKey<T>(String name, ValueType<T> type, String defaultValue, String doc) {

  /** Checks the components. */
  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(doc, "doc");
  }
}
