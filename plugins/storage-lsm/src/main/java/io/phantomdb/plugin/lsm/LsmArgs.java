package io.phantomdb.plugin.lsm;

import java.util.Objects;

/** Argument checks as the storage SPI asks: {@link NullPointerException} for null arguments. */
final class LsmArgs {
  private LsmArgs() {}

  /**
   * @param value an argument
   * @param name its name, for the message
   * @throws NullPointerException if {@code value} is null
   */
  static void notNull(Object value, String name) {
    Objects.requireNonNull(value, name);
  }
}
