package io.phantomdb.kernel.sql.store;

import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Walks several ranges of versioned keys (rows or index entries), forward or in reverse, and
 * yields per logical key the newest version visible at a timestamp unless it is a deletion.
 *
 * <p>The ranges must be disjoint, in ascending key order, and each must hold every version of the
 * logical keys it touches (ranges built from logical-key prefixes do). Forward, the ranges are read
 * first to last; in reverse, last to first, each from its greatest key down. In a reverse scan the
 * versions of a logical key come oldest first, so the cursor looks one key ahead to know when a
 * key's versions end. A range's storage cursor opens when the previous one is used up. The
 * checksum of each version the cursor decides on is verified ({@link StoredValueCheck}: XX001);
 * {@link #value()} is the stored value, checksum included. Not thread-safe.
 */
public final class RangeCursor implements AutoCloseable {
  private final KeyValueReader reader;
  private final TableLayout table;
  private final Keyspace data;
  private final List<KeyRange> ranges;
  private final long readTs;
  private final ScanOrder order;
  private int nextRange;
  private Cursor cursor;
  /** The lower bound of the open cursor's range if that range is a prefix range, else null. */
  private byte[] openPrefix;
  private byte[] lastLogical;
  private byte[] key;
  private byte[] value;
  // reverse scans: the logical key being read (a versioned key of it) and its best version so far
  private byte[] group;
  private byte[] candidateKey;
  private byte[] candidateValue;

  /**
   * @param reader the storage view
   * @param table the table whose rows or index entries the ranges hold (named by checksum errors)
   * @param data the data keyspace
   * @param ranges disjoint ranges of versioned keys, ascending
   * @param readTs the read timestamp
   * @param order the direction
   */
  public RangeCursor(KeyValueReader reader, TableLayout table, Keyspace data, List<KeyRange> ranges, long readTs,
      ScanOrder order) {
    this.reader = reader;
    this.table = table;
    this.data = data;
    List<KeyRange> list = new ArrayList<>(ranges);
    if (order == ScanOrder.REVERSE) {
      Collections.reverse(list);
    }
    this.ranges = list;
    this.readTs = readTs;
    this.order = order;
  }

  /** @return true if positioned on the next visible live version */
  public boolean next() {
    return order == ScanOrder.FORWARD ? nextForward() : nextReverse();
  }

  private boolean nextForward() {
    while (advance()) {
      byte[] k = cursor.key();
      if (lastLogical != null && VersionedKeys.sameLogicalKey(k, lastLogical)) {
        continue; // an older version of a key already decided
      }
      if (VersionedKeys.commitTs(k) > readTs) {
        continue; // too new for this reader; an older version may follow
      }
      lastLogical = k;
      byte[] v = cursor.value();
      if (openPrefix != null && openPrefix.length == k.length - VersionedKeys.VERSION_LENGTH) {
        // The range is every version of one whole logical key (keys are prefix-free): the rest are
        // its older versions, and the versions garbage collection deleted lie among them as
        // storage tombstones, so moving on would walk the key's whole history. Point lookups of a
        // hot row would slow down with every update.
        closeCursor();
      }
      StoredValueCheck.verify(table, k, v);
      if (RowCodec.isTombstone(v)) {
        continue;
      }
      key = k;
      value = v;
      return true;
    }
    return false;
  }

  private boolean nextReverse() {
    while (true) {
      if (!advance()) {
        boolean found = group != null && candidateValue != null && live(candidateKey, candidateValue);
        if (found) {
          key = candidateKey;
          value = candidateValue;
        }
        group = null;
        candidateKey = null;
        candidateValue = null;
        return found;
      }
      byte[] k = cursor.key();
      boolean visible = VersionedKeys.commitTs(k) <= readTs;
      if (group != null && VersionedKeys.sameLogicalKey(k, group)) {
        if (visible) { // versions come oldest first: a later visible one is newer
          candidateKey = k;
          candidateValue = cursor.value();
        }
        continue;
      }
      byte[] doneKey = candidateKey;
      byte[] doneValue = candidateValue;
      boolean hadGroup = group != null;
      group = k;
      candidateKey = visible ? k : null;
      candidateValue = visible ? cursor.value() : null;
      if (hadGroup && doneValue != null && live(doneKey, doneValue)) {
        key = doneKey;
        value = doneValue;
        return true;
      }
    }
  }

  /** Verifies the version a reverse scan decided on; true if it is not a deletion. */
  private boolean live(byte[] k, byte[] v) {
    StoredValueCheck.verify(table, k, v);
    return !RowCodec.isTombstone(v);
  }

  /** Moves the storage cursor on, opening the next range's cursor when one runs out. */
  private boolean advance() {
    while (true) {
      if (cursor != null && cursor.next()) {
        return true;
      }
      closeCursor();
      if (nextRange >= ranges.size()) {
        return false;
      }
      KeyRange r = ranges.get(nextRange++);
      if (!r.isEmpty()) {
        cursor = reader.scan(data, r, order);
        openPrefix = isPrefixRange(r) ? r.lower() : null;
      }
    }
  }

  private static boolean isPrefixRange(KeyRange r) {
    return r.lower() != null && r.lowerInclusive() && r.upper() != null && !r.upperInclusive()
        && java.util.Arrays.equals(r.upper(), KeyRange.prefixEnd(r.lower()));
  }

  private void closeCursor() {
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
    openPrefix = null;
  }

  /** @return the versioned key of the current entry */
  public byte[] key() {
    return key;
  }

  /** @return the stored value of the current entry, its checksum verified and still attached */
  public byte[] value() {
    return value;
  }

  @Override
  public void close() {
    closeCursor();
    nextRange = ranges.size();
  }
}
