package io.phantomdb.kernel.sql.encoding;

import io.phantomdb.spi.storage.KeyRange;
import jakarta.annotation.Nullable;
import java.util.Arrays;

/**
 * Key ranges for predicates on a key column, given the logical-key prefix before it: the
 * table/index prefix plus the encodings of the leading key columns fixed by equalities. Every
 * range covers all versions of the keys in it.
 *
 * <p>Whatever the direction, the non-NULL values of the column lie in {@code [p|0x01, p|0xFF)},
 * its NULLs in {@code p|0x00...} (NULLS FIRST) or {@code p|0xFF...} (NULLS LAST).
 */
public final class KeyRanges {
  private KeyRanges() {}

  /**
   * The keys whose next column equals {@code value} (or IS NULL, for null).
   *
   * @param prefix the logical-key prefix before the column
   * @param column the column
   * @param value the value, or null for IS NULL
   * @return the range
   */
  public static KeyRange equal(byte[] prefix, KeyColumn column, @Nullable Object value) {
    return KeyRange.prefix(concat(prefix, KeyEncoder.encode(column, value)));
  }

  /**
   * The keys whose next column lies between the bounds, NULLs excluded; a null bound is
   * unbounded. Bounds are SQL values: for a DESC column the range is taken in reverse.
   *
   * @param prefix the logical-key prefix before the column
   * @param column the column
   * @param lower the least value, or null for none
   * @param lowerInclusive whether {@code lower} itself qualifies
   * @param upper the greatest value, or null for none
   * @param upperInclusive whether {@code upper} itself qualifies
   * @return the range
   */
  public static KeyRange between(
      byte[] prefix,
      KeyColumn column,
      @Nullable Object lower,
      boolean lowerInclusive,
      @Nullable Object upper,
      boolean upperInclusive) {
    if (column.descending()) {
      Object v = lower;
      lower = upper;
      upper = v;
      boolean inc = lowerInclusive;
      lowerInclusive = upperInclusive;
      upperInclusive = inc;
    }
    byte[] from;
    if (lower == null) {
      from = concat(prefix, new byte[] {0x01});
    } else {
      byte[] e = concat(prefix, KeyEncoder.encode(column, lower));
      from = lowerInclusive ? e : KeyRange.prefixEnd(e);
    }
    byte[] to;
    if (upper == null) {
      to = concat(prefix, new byte[] {(byte) 0xFF});
    } else {
      byte[] e = concat(prefix, KeyEncoder.encode(column, upper));
      to = upperInclusive ? KeyRange.prefixEnd(e) : e;
    }
    return KeyRange.closedOpen(from, to);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
