package io.phantomdb.spi.storage;

import java.util.Map;
import java.util.Objects;

/**
 * A point-in-time summary of an engine's resource use, for {@code /metrics} and operators.
 * Figures are estimates; an engine that cannot tell one reports {@code -1}.
 *
 * @param diskBytes bytes the engine's files occupy on disk
 * @param memoryBytes bytes of memory the engine holds beyond the Java heap (caches, memtables)
 * @param keyCount estimated number of keys over all keyspaces
 * @param details engine-specific figures by name (for example {@code block-cache-usage}); never
 *     null
 */
public record StorageStats(long diskBytes, long memoryBytes, long keyCount, Map<String, Long> details) {

  /** Copies {@code details}. */
  public StorageStats {
    details = Map.copyOf(Objects.requireNonNull(details, "details"));
  }
}
