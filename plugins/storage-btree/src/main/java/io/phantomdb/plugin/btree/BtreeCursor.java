package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;
import java.nio.ByteBuffer;
import org.lmdbjava.GetOp;
import org.lmdbjava.LmdbException;

/**
 * A range scan over an LMDB cursor in a read transaction: the cursor's own (engine scans) or a
 * snapshot's.
 *
 * <p>Each step copies the key and value out of the map, so they outlive the step and the cursor;
 * {@link #key()} and {@link #value()} hand out those copies (the SPI lets callers keep them).
 * Steps and close run under {@code lock}: the snapshot's lock when the transaction is shared (LMDB
 * allows one thread at a time per transaction), so a step never overlaps a close from another
 * thread (the engine or snapshot closing its cursors).
 */
final class BtreeCursor implements Cursor, OwnedResource {
  private final Object lock;
  private final org.lmdbjava.Cursor<ByteBuffer> cursor;
  private final KeyCodec codec;
  private final KeyRange range;
  private final boolean reverse;
  private final LmdbErrors errors;
  private final Runnable release;
  private boolean started;
  private boolean exhausted;
  private boolean closed;
  private byte[] key;
  private byte[] value;

  /**
   * @param lock guards the transaction {@code cursor} belongs to
   * @param cursor an open LMDB cursor, owned by this object
   * @param release run once when this cursor closes, after the LMDB cursor is closed
   */
  BtreeCursor(
      Object lock,
      org.lmdbjava.Cursor<ByteBuffer> cursor,
      KeyCodec codec,
      KeyRange range,
      ScanOrder order,
      LmdbErrors errors,
      Runnable release) {
    this.lock = lock;
    this.cursor = cursor;
    this.codec = codec;
    this.range = range;
    this.reverse = order == ScanOrder.REVERSE;
    this.errors = errors;
    this.release = release;
  }

  @Override
  public boolean next() {
    synchronized (lock) {
      if (closed) {
        throw new StorageClosedException("cursor is closed");
      }
      if (exhausted) {
        return false;
      }
      try {
        boolean found = started ? step() : position();
        started = true;
        if (!found || (reverse ? range.belowLower(key) : range.aboveUpper(key))) {
          exhausted = true;
          key = null;
          value = null;
          return false;
        }
        value = KeyCodec.copyValue(cursor.val());
        return true;
      } catch (LmdbException e) {
        throw errors.map(e, "scan");
      }
    }
  }

  /** Positions on the first key of the range in scan order, or returns false. */
  private boolean position() {
    boolean found;
    if (!reverse) {
      found = range.lower() == null ? cursor.first() : seek(range.lower());
      while (found && range.belowLower(readKey())) {
        found = cursor.next();
      }
    } else {
      found = range.upper() == null ? cursor.last() : seek(range.upper()) || cursor.last();
      while (found && range.aboveUpper(readKey())) {
        found = cursor.prev();
      }
    }
    if (found) {
      readKey();
    }
    return found;
  }

  private boolean step() {
    boolean found = reverse ? cursor.prev() : cursor.next();
    if (found) {
      readKey();
    }
    return found;
  }

  private boolean seek(byte[] bound) {
    return cursor.get(codec.encodeBound(bound), GetOp.MDB_SET_RANGE);
  }

  private byte[] readKey() {
    key = KeyCodec.decodeKey(cursor.key());
    return key;
  }

  @Override
  public byte[] key() {
    // the cursor's own thread wrote it in next(): no lock, no copy
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
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        cursor.close();
      } catch (RuntimeException ignored) {
        // the transaction's end frees it
      }
      try {
        release.run();
      } catch (RuntimeException ignored) {
        // close never throws
      }
    }
  }
}
