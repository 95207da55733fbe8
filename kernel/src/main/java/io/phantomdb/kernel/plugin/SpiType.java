package io.phantomdb.kernel.plugin;

import java.util.Objects;
import java.util.function.Function;

/**
 * One Service Provider Interface the registry looks up: the interface, how an implementation is
 * named, and how operators call it. Implementations are listed in {@code
 * META-INF/services/<interface>} on the class path or in a plugin.
 *
 * @param label short word for reports, such as {@code storage} (shown as {@code storage: lsm})
 * @param noun what one implementation is called in messages, such as {@code storage engine}
 * @param type the SPI interface
 * @param naming returns an implementation's stable {@code name()}
 * @param <T> the SPI interface
 */
public record SpiType<T>(String label, String noun, Class<T> type, Function<? super T, String> naming) {

  /** Checks the components. */
  public SpiType {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(noun, "noun");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(naming, "naming");
  }

  /**
   * The name of an implementation.
   *
   * @param implementation an instance of {@link #type()}
   * @return its name
   */
  public String nameOf(Object implementation) {
    return naming.apply(type.cast(implementation));
  }
}
