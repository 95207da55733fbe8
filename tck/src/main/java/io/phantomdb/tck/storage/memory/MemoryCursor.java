package io.phantomdb.tck.storage.memory;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.StorageClosedException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A cursor over one keyspace at a fixed sequence number. */
final class MemoryCursor implements Cursor {
  private final Iterator<Map.Entry<byte[], MemoryKeyspace.Version>> it;
  private final long seq;
  private final BooleanSupplier readerOpen;
  private byte[] key;
  private byte[] value;
  private boolean closed;
  private boolean exhausted;

  MemoryCursor(
      Iterator<Map.Entry<byte[], MemoryKeyspace.Version>> it, long seq, BooleanSupplier readerOpen) {
    this.it = it;
    this.seq = seq;
    this.readerOpen = readerOpen;
  }

  @Override
  public boolean next() {
    if (closed || !readerOpen.getAsBoolean()) {
      throw new StorageClosedException("cursor is closed");
    }
    while (!exhausted && it.hasNext()) {
      Map.Entry<byte[], MemoryKeyspace.Version> e = it.next();
      byte[] v = MemoryKeyspace.visible(e.getValue(), seq);
      if (v != null) {
        key = e.getKey().clone(); // the stored arrays are the engine's: hand out copies
        value = v.clone();
        return true;
      }
    }
    exhausted = true;
    key = null;
    value = null;
    return false;
  }

  @Override
  public byte[] key() {
    if (key == null) {
      throw new IllegalStateException("cursor is not on an entry: call next() first");
    }
    return key;
  }

  @Override
  public byte[] value() {
    if (value == null) {
      throw new IllegalStateException("cursor is not on an entry: call next() first");
    }
    return value;
  }

  @Override
  public void close() {
    closed = true;
  }
}
