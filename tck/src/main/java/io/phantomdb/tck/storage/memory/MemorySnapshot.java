package io.phantomdb.tck.storage.memory;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;

/** A snapshot of the memory engine: reads at a fixed sequence number. */
final class MemorySnapshot implements ReadSnapshot {
  private final MemoryStorageEngine engine;
  private final long seq;
  private volatile boolean closed;

  MemorySnapshot(MemoryStorageEngine engine, long seq) {
    this.engine = engine;
    this.seq = seq;
  }

  private boolean open() {
    return !closed && engine.isOpen();
  }

  private void ensureOpen() {
    if (!open()) {
      throw new StorageClosedException("snapshot is closed");
    }
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    ensureOpen();
    return engine.readAt(keyspace, key, seq);
  }

  @Override
  public Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
    ensureOpen();
    return engine.scanAt(keyspace, range, order, seq, this::open);
  }

  @Override
  public void close() {
    closed = true;
  }
}
