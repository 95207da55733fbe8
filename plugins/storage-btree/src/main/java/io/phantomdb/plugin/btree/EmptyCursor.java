package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.StorageClosedException;

/**
 * A cursor with nothing to yield: an empty range, or a keyspace newer than the snapshot read.
 * Holds no LMDB resources.
 */
final class EmptyCursor implements Cursor {
  private volatile boolean closed;

  @Override
  public boolean next() {
    if (closed) {
      throw new StorageClosedException("cursor is closed");
    }
    return false;
  }

  @Override
  public byte[] key() {
    throw new IllegalStateException("the cursor is not on an entry");
  }

  @Override
  public byte[] value() {
    throw new IllegalStateException("the cursor is not on an entry");
  }

  @Override
  public void close() {
    closed = true;
  }
}
