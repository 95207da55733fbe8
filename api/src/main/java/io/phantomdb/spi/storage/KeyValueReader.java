package io.phantomdb.spi.storage;

import jakarta.annotation.Nullable;

/**
 * Read access to the keyspaces of a {@link StorageEngine}: of its latest state (the engine
 * itself) or of a frozen view of it (a {@link ReadSnapshot}).
 *
 * <p><b>Threading:</b> implementations are thread-safe; any number of threads may read at once,
 * also while another thread writes.
 */
public interface KeyValueReader {

  /**
   * Reads one key.
   *
   * @param keyspace a keyspace of this reader's engine
   * @param key the key; may be empty. A key longer than the engine's {@link
   *     StorageEngine#maxKeyLength()} cannot be stored, so reading it returns null.
   * @return a copy of the value the caller owns, or null if the key is absent
   * @throws UnknownKeyspaceException if the keyspace has been dropped (or was dropped before the
   *     snapshot was taken)
   * @throws IllegalArgumentException if the keyspace belongs to another engine
   * @throws NullPointerException if an argument is null
   * @throws StorageClosedException if this reader or its engine is closed
   * @throws StorageCorruptionException if the engine detects damaged data
   * @throws StorageException on any other failure of the store
   */
  @Nullable
  byte[] get(Keyspace keyspace, byte[] key);

  /**
   * Opens a cursor over the keys of {@code range} in {@code order}. An empty range yields an
   * exhausted cursor.
   *
   * @param keyspace a keyspace of this reader's engine
   * @param range the keys to visit; its bounds may be of any length (they need not be storable
   *     keys)
   * @param order ascending or descending
   * @return an open cursor the caller must close
   * @throws UnknownKeyspaceException if the keyspace has been dropped
   * @throws IllegalArgumentException if the keyspace belongs to another engine
   * @throws NullPointerException if an argument is null
   * @throws StorageClosedException if this reader or its engine is closed
   * @throws StorageException on any other failure of the store
   */
  Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order);
}
