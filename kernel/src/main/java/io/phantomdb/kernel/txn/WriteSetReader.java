package io.phantomdb.kernel.txn;

import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * What a transaction reads: the committed data under it, with its own uncommitted writes (its
 * intents) laid over them as if they were versions committed at the read timestamp. Every reader
 * of versioned keys (table and index scans, point reads, uniqueness checks) then sees the
 * transaction's own writes without knowing about transactions: a write shadows the older
 * versions of its logical key, a tombstone hides the row, and versions committed by others after
 * the read timestamp stay invisible as before.
 *
 * <p>The write set maps logical keys (without a version) to value bodies (row values, index
 * markers, tombstones) without checksums; they appear with the {@linkplain Checksums checksum} of
 * their versioned key, as stored values do. It is read, not copied, so a scan sees the writes made before it was
 * opened and, depending on the map, possibly later ones: open a new scan after writing. Only the
 * data keyspace is overlaid; other keyspaces pass through.
 *
 * <p>Not thread-safe (a transaction runs one statement at a time).
 */
public final class WriteSetReader implements KeyValueReader {
  private final KeyValueReader base;
  private final Keyspace data;
  private final NavigableMap<byte[], byte[]> writes;
  private final long readTs;

  /**
   * @param base the committed data
   * @param data the keyspace the write set belongs to
   * @param writes the transaction's writes by logical key, ordered by {@link
   *     Arrays#compareUnsigned(byte[], byte[])}
   * @param readTs the statement's read timestamp: the version the writes appear as
   */
  public WriteSetReader(KeyValueReader base, Keyspace data, NavigableMap<byte[], byte[]> writes, long readTs) {
    this.base = Objects.requireNonNull(base, "base");
    this.data = Objects.requireNonNull(data, "data");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.readTs = readTs;
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    Objects.requireNonNull(key, "key");
    if (!keyspace.equals(data) || writes.isEmpty()) {
      return base.get(keyspace, key);
    }
    try (Cursor c = scan(keyspace, KeyRange.closed(key, key), ScanOrder.FORWARD)) {
      return c.next() ? c.value() : null;
    }
  }

  @Override
  public Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
    Cursor under = base.scan(keyspace, range, order);
    if (!keyspace.equals(data) || writes.isEmpty()) {
      return under;
    }
    return new MergedCursor(under, overlay(range, order), order == ScanOrder.FORWARD);
  }

  /** The writes whose versioned key (at the read timestamp) falls in the range, in scan order. */
  private Iterator<Map.Entry<byte[], byte[]>> overlay(KeyRange range, ScanOrder order) {
    // A logical key below the lower bound can still have its versioned key in range only if it
    // is a prefix of the bound; logical keys are prefix-free, so that can only be the greatest
    // key below the bound. The range test below is exact.
    NavigableMap<byte[], byte[]> candidates = writes;
    if (range.lower() != null) {
      byte[] floor = writes.floorKey(range.lower());
      candidates = candidates.tailMap(floor == null ? range.lower() : floor, true);
    }
    NavigableMap<byte[], byte[]> ordered = order == ScanOrder.FORWARD ? candidates : candidates.descendingMap();
    Iterator<Map.Entry<byte[], byte[]>> all = ordered.entrySet().iterator();
    return new Iterator<>() {
      private Map.Entry<byte[], byte[]> next = advance();

      private Map.Entry<byte[], byte[]> advance() {
        while (all.hasNext()) {
          Map.Entry<byte[], byte[]> e = all.next();
          byte[] key = VersionedKeys.versioned(e.getKey(), readTs);
          if (range.contains(key)) {
            return Map.entry(key, Checksums.seal(key, e.getValue()));
          }
          if (order == ScanOrder.FORWARD ? range.aboveUpper(key) : range.belowLower(key)) {
            return null;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Map.Entry<byte[], byte[]> next() {
        Map.Entry<byte[], byte[]> e = next;
        next = advance();
        return e;
      }
    };
  }

  /** Two key-ordered streams as one; on equal keys the overlay's entry replaces the base's. */
  private static final class MergedCursor implements Cursor {
    private final Cursor base;
    private final Iterator<Map.Entry<byte[], byte[]>> overlay;
    private final boolean forward;
    private boolean baseValid;
    private boolean baseUsed = true;
    private Map.Entry<byte[], byte[]> pending;
    private byte[] key;
    private byte[] value;

    MergedCursor(Cursor base, Iterator<Map.Entry<byte[], byte[]>> overlay, boolean forward) {
      this.base = base;
      this.overlay = overlay;
      this.forward = forward;
    }

    @Override
    public boolean next() {
      if (baseUsed) {
        baseValid = base.next();
        baseUsed = false;
      }
      if (pending == null && overlay.hasNext()) {
        pending = overlay.next();
      }
      if (!baseValid && pending == null) {
        key = null;
        value = null;
        return false;
      }
      int cmp;
      if (!baseValid) {
        cmp = 1;
      } else if (pending == null) {
        cmp = -1;
      } else {
        cmp = Arrays.compareUnsigned(base.key(), pending.getKey());
        if (!forward) {
          cmp = -cmp;
        }
      }
      if (cmp < 0) {
        key = base.key();
        value = base.value();
        baseUsed = true;
      } else {
        key = pending.getKey();
        value = pending.getValue();
        pending = null;
        if (cmp == 0) {
          baseUsed = true; // the committed version at the same key is replaced
        }
      }
      return true;
    }

    @Override
    public byte[] key() {
      if (key == null) {
        throw new IllegalStateException("the cursor is not on an entry");
      }
      return key;
    }

    @Override
    public byte[] value() {
      if (value == null) {
        throw new IllegalStateException("the cursor is not on an entry");
      }
      return value;
    }

    @Override
    public void close() {
      base.close();
    }
  }
}
