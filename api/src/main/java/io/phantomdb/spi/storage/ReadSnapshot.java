package io.phantomdb.spi.storage;

/**
 * A consistent, frozen view of every keyspace of a {@link StorageEngine} at the moment {@link
 * StorageEngine#snapshot()} returned: reads through it never see a batch written afterwards and
 * always see every batch written before, whole.
 *
 * <p>A keyspace created after the snapshot was taken reads as empty through it. A keyspace
 * dropped after the snapshot was taken may still be readable through it, or may throw {@link
 * UnknownKeyspaceException}, as the engine documents.
 *
 * <p><b>Threading:</b> thread-safe; several threads may read one snapshot at once.
 *
 * <p><b>Lifecycle:</b> a snapshot pins old data (versions, pages) until closed, so close it as
 * soon as it is no longer needed, and before its engine. {@code close()} is idempotent. Cursors
 * opened from a snapshot must be closed before it. Reading a closed snapshot throws {@link
 * StorageClosedException}.
 */
public interface ReadSnapshot extends KeyValueReader, AutoCloseable {

  /** Releases the snapshot. Idempotent; never throws. */
  @Override
  void close();
}
