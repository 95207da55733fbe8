package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A range scan over one column family: a RocksDB iterator, which reads the point-in-time view of
 * its creation (or of its snapshot), limited by {@code iterate_lower_bound} and {@code
 * iterate_upper_bound}, so RocksDB never reads past the range.
 *
 * <p>Holds the iterator, its read options and the bound slices until closed; the engine frees
 * them itself if it is closed first. Not thread-safe (one thread at a time, as the SPI allows);
 * safe against the engine being closed by another thread.
 */
final class LsmCursor implements Cursor, LsmResource {
  private final LsmStorageEngine engine;
  private final LsmSnapshot snapshot;
  private final ReadOptions readOptions;
  private final Slice lowerBound;
  private final Slice upperBound;
  private final RocksIterator iterator;
  private final boolean forward;
  private final AtomicBoolean released = new AtomicBoolean();
  private boolean started;
  private boolean exhausted;
  private boolean closed;
  private byte[] key;
  private byte[] value;

  /**
   * A cursor over an open iterator; takes ownership of every native argument. Use {@link
   * #open}.
   *
   * @param snapshot the snapshot read through, or null for the latest state
   * @param iterator the iterator, or null for an empty range (then the other natives are null)
   */
  LsmCursor(LsmStorageEngine engine, LsmSnapshot snapshot, ReadOptions readOptions,
      Slice lowerBound, Slice upperBound, RocksIterator iterator, ScanOrder order) {
    this.engine = engine;
    this.snapshot = snapshot;
    this.readOptions = readOptions;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
    this.iterator = iterator;
    this.forward = order == ScanOrder.FORWARD;
    this.exhausted = iterator == null;
  }

  /**
   * Opens a cursor over {@code range} of {@code ks}. Call inside the engine's guard (and, for a
   * snapshot, holding a reference to it).
   *
   * @param snapshot the snapshot to read, or null for the latest state
   * @throws io.phantomdb.spi.storage.UnknownKeyspaceException if the keyspace was dropped
   */
  static LsmCursor open(LsmStorageEngine engine, RocksDB db, LsmKeyspace ks, KeyRange range,
      ScanOrder order, LsmSnapshot snapshot) {
    ColumnFamilyHandle handle = ks.liveHandle();
    byte[] lower = LsmBounds.lower(range);
    byte[] upper = LsmBounds.upper(range);
    if (range.isEmpty()
        || (lower != null && upper != null && KeyRange.compareKeys(lower, upper) >= 0)) {
      return new LsmCursor(engine, snapshot, null, null, null, null, order);
    }
    ReadOptions options = new ReadOptions();
    Slice lowerSlice = null;
    Slice upperSlice = null;
    try {
      if (snapshot != null) {
        options.setSnapshot(snapshot.rocksSnapshot());
      }
      if (lower != null) {
        lowerSlice = new Slice(lower);
        options.setIterateLowerBound(lowerSlice);
      }
      if (upper != null) {
        upperSlice = new Slice(upper);
        options.setIterateUpperBound(upperSlice);
      }
      RocksIterator iterator = db.newIterator(handle, options);
      LsmCursor cursor =
          new LsmCursor(engine, snapshot, options, lowerSlice, upperSlice, iterator, order);
      engine.track(cursor);
      return cursor;
    } catch (RuntimeException | Error e) {
      options.close();
      if (lowerSlice != null) {
        lowerSlice.close();
      }
      if (upperSlice != null) {
        upperSlice.close();
      }
      throw e;
    }
  }

  @Override
  public boolean next() {
    if (closed) {
      throw new StorageClosedException("cursor is closed");
    }
    int token = engine.guard().enter();
    try {
      if (snapshot != null && snapshot.isClosed()) {
        throw new StorageClosedException("the snapshot of this cursor is closed");
      }
      if (exhausted) {
        return false;
      }
      if (!started) {
        started = true;
        if (forward) {
          iterator.seekToFirst();
        } else {
          iterator.seekToLast();
        }
      } else if (forward) {
        iterator.next();
      } else {
        iterator.prev();
      }
      if (iterator.isValid()) {
        key = iterator.key();
        value = iterator.value();
        return true;
      }
      key = null;
      value = null;
      exhausted = true;
      iterator.status();
      return false;
    } catch (RocksDBException e) {
      throw engine.error(e, "scan");
    } finally {
      engine.guard().exit(token);
    }
  }

  @Override
  public byte[] key() {
    if (key == null) {
      throw new IllegalStateException("the cursor is not on an entry: call next() first");
    }
    return key;
  }

  @Override
  public byte[] value() {
    if (value == null) {
      throw new IllegalStateException("the cursor is not on an entry: call next() first");
    }
    return value;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (iterator == null) {
      return;
    }
    int token = engine.guard().tryEnter();
    if (token < 0) {
      return; // the engine is closing and frees the iterator itself
    }
    try {
      release();
      engine.untrack(this);
    } finally {
      engine.guard().exit(token);
    }
  }

  @Override
  public void release() {
    if (iterator != null && released.compareAndSet(false, true)) {
      iterator.close();
      readOptions.close();
      if (lowerBound != null) {
        lowerBound.close();
      }
      if (upperBound != null) {
        upperBound.close();
      }
    }
  }
}
