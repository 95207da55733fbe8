package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import java.nio.charset.StandardCharsets;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A keyspace of an {@link LsmStorageEngine}: one RocksDB column family named {@link
 * #CF_PREFIX} + the keyspace name, so that no keyspace maps to RocksDB's own {@code default}
 * column family.
 *
 * <p>Immutable to its users and thread-safe; the engine marks it dropped, after which every use
 * throws {@link UnknownKeyspaceException}.
 */
final class LsmKeyspace implements Keyspace {
  /** Prefix of the column family of every keyspace. */
  static final String CF_PREFIX = "ks.";

  private final LsmStorageEngine engine;
  private final String name;
  private final ColumnFamilyHandle handle;
  private volatile boolean dropped;

  LsmKeyspace(LsmStorageEngine engine, String name, ColumnFamilyHandle handle) {
    this.engine = engine;
    this.name = name;
    this.handle = handle;
  }

  @Override
  public String name() {
    return name;
  }

  /** @return the engine that issued this handle */
  LsmStorageEngine engine() {
    return engine;
  }

  /**
   * The column family, checked not dropped. Call only inside the engine's guard.
   *
   * @return the live column family handle
   * @throws UnknownKeyspaceException if the keyspace was dropped
   */
  ColumnFamilyHandle liveHandle() {
    if (dropped) {
      throw new UnknownKeyspaceException("keyspace '" + name + "' has been dropped");
    }
    return handle;
  }

  /** @return the column family handle, dropped or not */
  ColumnFamilyHandle handle() {
    return handle;
  }

  /** @param dropped whether the keyspace is dropped */
  void setDropped(boolean dropped) {
    this.dropped = dropped;
  }

  /**
   * @param name a keyspace name
   * @return the column family name of that keyspace, UTF-8
   */
  static byte[] columnFamilyName(String name) {
    return (CF_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "lsm keyspace '" + name + "'" + (dropped ? " (dropped)" : "");
  }
}
