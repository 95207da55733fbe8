package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.KeyRange;
import java.nio.ByteBuffer;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;
import org.lmdbjava.Stat;
import org.lmdbjava.Txn;

/**
 * Estimates the bytes of a key range without a full scan. LMDB keeps no per-range counts, so:
 *
 * <ol>
 *   <li>walk at most {@value #SAMPLE} entries from the start of the range; if the range ends
 *       within them, the sum of their key and value lengths is the answer (exact);
 *   <li>otherwise project the range's bounds onto the keyspace's first and last keys (eight bytes
 *       after their common prefix, read as a number) and take that fraction of the keyspace's
 *       entries, times the average entry size of the sample.
 * </ol>
 *
 * Cheap (two seeks and a bounded walk) and rough: skewed key distributions can make step 2 off by
 * a large factor, as the SPI allows.
 */
final class SizeEstimator {
  static final int SAMPLE = 128;

  private final KeyCodec codec;

  SizeEstimator(KeyCodec codec) {
    this.codec = codec;
  }

  /** Estimates the bytes of {@code range} in {@code keyspace}, reading in {@code txn}. */
  long estimate(Txn<ByteBuffer> txn, BtreeKeyspace keyspace, KeyRange range) {
    if (range.isEmpty()) {
      return 0;
    }
    Stat stat = keyspace.dbi().stat(txn);
    if (stat.entries == 0) {
      return 0;
    }
    try (Cursor<ByteBuffer> c = keyspace.dbi().openCursor(txn)) {
      boolean found =
          range.lower() == null
              ? c.first()
              : c.get(codec.encodeBound(range.lower()), GetOp.MDB_SET_RANGE);
      long sampled = 0;
      int n = 0;
      while (found && n < SAMPLE) {
        byte[] key = KeyCodec.decodeKey(c.key());
        if (range.aboveUpper(key)) {
          return sampled;
        }
        if (!range.belowLower(key)) {
          sampled += key.length + c.val().remaining();
          n++;
        }
        found = c.next();
      }
      if (!found) {
        return sampled;
      }
      byte[] first = c.first() ? KeyCodec.decodeKey(c.key()) : new byte[0];
      byte[] last = c.last() ? KeyCodec.decodeKey(c.key()) : first;
      double lo = range.lower() == null ? 0 : position(range.lower(), first, last);
      double hi = range.upper() == null ? 1 : position(range.upper(), first, last);
      double fraction = Math.max(0, Math.min(1, hi - lo));
      long estimate = (long) (fraction * stat.entries * ((double) sampled / n));
      return Math.max(sampled, estimate);
    }
  }

  /** Where {@code key} lies between {@code first} and {@code last}, from 0 to 1. */
  static double position(byte[] key, byte[] first, byte[] last) {
    if (KeyRange.compareKeys(key, first) <= 0) {
      return 0;
    }
    if (KeyRange.compareKeys(key, last) >= 0) {
      return 1;
    }
    int p = commonPrefix(first, last);
    double f = number(first, p);
    double l = number(last, p);
    double k = number(key, p);
    return l > f ? Math.max(0, Math.min(1, (k - f) / (l - f))) : 0.5;
  }

  private static int commonPrefix(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    int i = 0;
    while (i < n && a[i] == b[i]) {
      i++;
    }
    return i;
  }

  /** Eight bytes from {@code offset} (zero-padded) as an unsigned number. */
  private static double number(byte[] key, int offset) {
    double v = 0;
    for (int i = 0; i < 8; i++) {
      int b = offset + i < key.length ? key[offset + i] & 0xFF : 0;
      v = v * 256 + b;
    }
    return v;
  }
}
