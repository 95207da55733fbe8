package io.phantomdb.kernel.plugin.internal;

import io.phantomdb.kernel.plugin.SpiType;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The implementations found so far, per SPI and name, with who provided each. The first provider
 * of a name keeps it.
 */
public final class ProviderTable {

  /**
   * One implementation.
   *
   * @param spi its SPI
   * @param name its name
   * @param instance the implementation
   * @param owner who provides it, for messages, such as {@code plugin storage-lsm}
   */
  public record Provided(SpiType<?> spi, String name, Object instance, String owner) {}

  private final Map<SpiType<?>, Map<String, Provided>> bySpi = new HashMap<>();

  /**
   * Who already provides a name.
   *
   * @param spi the SPI
   * @param name the name
   * @return the provider, or empty if the name is free
   */
  public Optional<Provided> lookup(SpiType<?> spi, String name) {
    return Optional.ofNullable(bySpi.getOrDefault(spi, Map.of()).get(name));
  }

  /**
   * Adds implementations whose names are free (check with {@link #lookup} first).
   *
   * @param provided the implementations
   */
  public void addAll(List<Provided> provided) {
    for (Provided p : provided) {
      bySpi.computeIfAbsent(p.spi(), s -> new TreeMap<>()).putIfAbsent(p.name(), p);
    }
  }

  /**
   * The implementations of one SPI.
   *
   * @param spi the SPI
   * @return name to implementation, names in ascending order
   */
  public Map<String, Provided> of(SpiType<?> spi) {
    return Collections.unmodifiableMap(bySpi.getOrDefault(spi, new TreeMap<>()));
  }
}
