package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

/**
 * A RocksDB snapshot ({@code GetSnapshot}) with read options pinned to it.
 *
 * <p>Thread-safe. Reads hold a reference for the length of the native call; {@link #close()}
 * drops the owner's reference, and whoever drops the last one releases the RocksDB snapshot, so
 * closing while other threads read it never frees memory they use. Cursors opened from a
 * snapshot keep working on their own iterator but fail with {@link StorageClosedException} once
 * the snapshot is closed.
 *
 * <p>A keyspace dropped after the snapshot was taken cannot be read through it: reads throw
 * {@link io.phantomdb.spi.storage.UnknownKeyspaceException}.
 */
final class LsmSnapshot implements ReadSnapshot, LsmResource {
  private final LsmStorageEngine engine;
  private final RocksDB db;
  private final Snapshot snapshot;
  private final ReadOptions readOptions;
  private final AtomicInteger references = new AtomicInteger(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean released = new AtomicBoolean();

  /** Takes a snapshot of {@code db}; call inside the engine's guard. */
  LsmSnapshot(LsmStorageEngine engine, RocksDB db) {
    this.engine = engine;
    this.db = db;
    this.snapshot = db.getSnapshot();
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    LsmKeyspace ks = engine.own(keyspace);
    LsmArgs.notNull(key, "key");
    int token = engine.guard().enter();
    try {
      acquire();
      try {
        return db.get(ks.liveHandle(), readOptions, key);
      } finally {
        unreference();
      }
    } catch (RocksDBException e) {
      throw engine.error(e, "snapshot read");
    } finally {
      engine.guard().exit(token);
    }
  }

  @Override
  public Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
    LsmKeyspace ks = engine.own(keyspace);
    LsmArgs.notNull(range, "range");
    LsmArgs.notNull(order, "order");
    int token = engine.guard().enter();
    try {
      acquire();
      try {
        return engine.openCursor(ks, range, order, this);
      } finally {
        unreference();
      }
    } finally {
      engine.guard().exit(token);
    }
  }

  /** @return the RocksDB snapshot; use only while holding a reference */
  Snapshot rocksSnapshot() {
    return snapshot;
  }

  /** @return true once {@link #close()} was called (or the engine closed) */
  boolean isClosed() {
    return closed.get() || released.get();
  }

  @Override
  public void close() {
    int token = engine.guard().tryEnter();
    if (token < 0) {
      closed.set(true);
      return; // the engine is closing and releases the snapshot itself
    }
    try {
      if (closed.compareAndSet(false, true)) {
        unreference();
      }
    } finally {
      engine.guard().exit(token);
    }
  }

  @Override
  public void release() {
    if (released.compareAndSet(false, true)) {
      db.releaseSnapshot(snapshot);
      readOptions.close();
    }
  }

  private void acquire() {
    if (closed.get()) {
      throw new StorageClosedException("snapshot is closed");
    }
    while (true) {
      int n = references.get();
      if (n == 0) {
        throw new StorageClosedException("snapshot is closed");
      }
      if (references.compareAndSet(n, n + 1)) {
        return;
      }
    }
  }

  private void unreference() {
    if (references.decrementAndGet() == 0) {
      release();
      engine.untrack(this);
    }
  }
}
