package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import io.phantomdb.kernel.sql.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The values of one column a filter lets through, as far as its comparisons with constants say:
 * sorted, disjoint intervals of non-NULL values, and whether NULL passes. Bounds carry the value
 * and its ascending key encoding under {@link #keyType()}, and are compared by that encoding, so
 * values PostgreSQL holds equal ({@code 0 = -0}, {@code 1.0 = 1.00}) merge. Immutable.
 */
final class ColumnRange {
  /**
   * One bound of an interval.
   *
   * @param value the SQL value
   * @param key its ascending key encoding
   * @param inclusive whether the value itself is in the interval
   */
  record Bound(Object value, byte[] key, boolean inclusive) {}

  /**
   * An interval of non-NULL values.
   *
   * @param lower the lower bound, or null for none
   * @param upper the upper bound, or null for none
   */
  record Interval(Bound lower, Bound upper) {
    boolean isPoint() {
      return lower != null && upper != null && lower.inclusive && upper.inclusive
          && Arrays.equals(lower.key, upper.key);
    }

    boolean isEmpty() {
      if (lower == null || upper == null) {
        return false;
      }
      int c = Arrays.compareUnsigned(lower.key, upper.key);
      return c > 0 || (c == 0 && !(lower.inclusive && upper.inclusive));
    }
  }

  private static final Comparator<Bound> LOWER = (a, b) -> {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    int c = Arrays.compareUnsigned(a.key, b.key);
    return c != 0 ? c : Boolean.compare(!a.inclusive, !b.inclusive); // exclusive starts later
  };

  private static final Comparator<Bound> UPPER = (a, b) -> {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? 1 : -1;
    }
    int c = Arrays.compareUnsigned(a.key, b.key);
    return c != 0 ? c : Boolean.compare(a.inclusive, b.inclusive); // exclusive ends earlier
  };

  private final DataType keyType;
  private final List<Interval> intervals;
  private final boolean nullIncluded;

  private ColumnRange(DataType keyType, List<Interval> intervals, boolean nullIncluded) {
    this.keyType = keyType;
    this.intervals = intervals;
    this.nullIncluded = nullIncluded;
  }

  /**
   * @param keyType the type whose key encoding the bounds use
   * @param intervals intervals in any order, possibly empty or overlapping
   * @param nullIncluded whether NULL passes
   * @return the normalized range: empty intervals dropped, overlapping ones merged, sorted
   */
  static ColumnRange of(DataType keyType, List<Interval> intervals, boolean nullIncluded) {
    List<Interval> sorted = new ArrayList<>();
    for (Interval i : intervals) {
      if (!i.isEmpty()) {
        sorted.add(i);
      }
    }
    sorted.sort((a, b) -> LOWER.compare(a.lower, b.lower));
    List<Interval> merged = new ArrayList<>();
    for (Interval i : sorted) {
      if (!merged.isEmpty() && touches(merged.get(merged.size() - 1), i)) {
        Interval last = merged.remove(merged.size() - 1);
        merged.add(new Interval(last.lower, UPPER.compare(last.upper, i.upper) >= 0 ? last.upper : i.upper));
      } else {
        merged.add(i);
      }
    }
    return new ColumnRange(keyType, List.copyOf(merged), nullIncluded);
  }

  /** Whether {@code b} (starting at or after {@code a}) overlaps or adjoins {@code a}. */
  private static boolean touches(Interval a, Interval b) {
    if (a.upper == null || b.lower == null) {
      return true;
    }
    int c = Arrays.compareUnsigned(b.lower.key, a.upper.key);
    return c < 0 || (c == 0 && (b.lower.inclusive || a.upper.inclusive));
  }

  /** @return every non-NULL value, and NULL if {@code nullIncluded} */
  static ColumnRange all(DataType keyType, boolean nullIncluded) {
    return new ColumnRange(keyType, List.of(new Interval(null, null)), nullIncluded);
  }

  /** @return only NULL */
  static ColumnRange onlyNull(DataType keyType) {
    return new ColumnRange(keyType, List.of(), true);
  }

  /** @return nothing at all */
  static ColumnRange none(DataType keyType) {
    return new ColumnRange(keyType, List.of(), false);
  }

  /**
   * @param keyType the key type
   * @param value a non-NULL value
   * @param inclusive whether the value itself is part of an interval it bounds
   * @return the bound
   */
  static Bound bound(DataType keyType, Object value, boolean inclusive) {
    return new Bound(value, KeyEncoder.encode(KeyColumn.asc(keyType), value), inclusive);
  }

  /** @return the type whose encoding the bounds use */
  DataType keyType() {
    return keyType;
  }

  /** @return the intervals of non-NULL values, sorted and disjoint */
  List<Interval> intervals() {
    return intervals;
  }

  /** @return whether NULL passes */
  boolean nullIncluded() {
    return nullIncluded;
  }

  /** @return true if every value passes (nothing to narrow by) */
  boolean isAll() {
    return nullIncluded && intervals.size() == 1 && intervals.get(0).lower == null && intervals.get(0).upper == null;
  }

  /** @return true if nothing passes */
  boolean isEmpty() {
    return !nullIncluded && intervals.isEmpty();
  }

  /** @return true if only single values pass (NULL possibly among them) */
  boolean isPoints() {
    return intervals.stream().allMatch(Interval::isPoint);
  }

  /** @return the number of single values passing, NULL included, if {@link #isPoints()} */
  int pointCount() {
    return intervals.size() + (nullIncluded ? 1 : 0);
  }

  /**
   * Brings two ranges of one column to one key type, if they can be: a range without bounds
   * (NULL only, or every non-NULL value) takes the other's key type.
   *
   * @param other another range of the same column
   * @return {@code other} with this range's key type, or null if both have bounds of different types
   */
  ColumnRange align(ColumnRange other) {
    if (other.keyType.equals(keyType)) {
      return other;
    }
    return other.hasBounds() ? null : new ColumnRange(keyType, other.intervals, other.nullIncluded);
  }

  /** @return the range in the other's key type, if this one has no bounds, else this */
  ColumnRange adopt(ColumnRange other) {
    return hasBounds() || other.keyType.equals(keyType) ? this : new ColumnRange(other.keyType, intervals, nullIncluded);
  }

  private boolean hasBounds() {
    return intervals.stream().anyMatch(i -> i.lower != null || i.upper != null);
  }

  /**
   * @param other another range of the same column with the same key type
   * @return the values passing both
   */
  ColumnRange intersect(ColumnRange other) {
    List<Interval> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < intervals.size() && j < other.intervals.size()) {
      Interval a = intervals.get(i);
      Interval b = other.intervals.get(j);
      Bound lo = LOWER.compare(a.lower, b.lower) >= 0 ? a.lower : b.lower;
      Bound hi = UPPER.compare(a.upper, b.upper) <= 0 ? a.upper : b.upper;
      Interval both = new Interval(lo, hi);
      if (!both.isEmpty()) {
        out.add(both);
      }
      if (UPPER.compare(a.upper, b.upper) <= 0) {
        i++;
      } else {
        j++;
      }
    }
    return new ColumnRange(keyType, List.copyOf(out), nullIncluded && other.nullIncluded);
  }
}
