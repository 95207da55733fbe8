package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.kernel.sql.type.Values;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * PostgreSQL's ordering of non-null values, for comparisons, MIN/MAX, SEARCH ranges and DISTINCT.
 *
 * <p>Values of one kind are compared by {@link Values#compare}; what this adds is comparing
 * values of two different kinds (integer with numeric, date with timestamp, char with text) as
 * PostgreSQL's cross-type operators do.
 *
 * <p>Rules: floats order NaN above everything and equal to itself, and {@code -0 = 0}; CHAR
 * ignores trailing blanks; text compares by code point (the C collation, which equals the
 * UTF-8 byte order the key encoding uses); bytea and uuid compare as unsigned bytes; intervals as
 * PostgreSQL does (a month is 30 days).
 */
final class ValueComparator {
  private ValueComparator() {}

  /**
   * @param kind the kind of both values
   * @param a a non-null value
   * @param b a non-null value
   * @return negative, zero or positive
   */
  static int compare(TypeKind kind, Object a, Object b) {
    return Values.compare(kind, a, b);
  }

  /** Compares values of possibly different but comparable kinds. */
  static int compare(TypeKind ka, Object a, TypeKind kb, Object b) {
    if (ka == kb) {
      return Values.compare(ka, a, b);
    }
    if (ka.isNumeric() && kb.isNumeric()) {
      return compareNumbers(ka, a, kb, b);
    }
    if (ka.isText() && kb.isText()) {
      String x = ka == TypeKind.CHAR ? rtrim((String) a) : (String) a;
      String y = kb == TypeKind.CHAR ? rtrim((String) b) : (String) b;
      return compareText(x, y);
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
      return x.compareTo(y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (isDateTime(a) && isDateTime(b)) {
      return Conv.toTimestamp(a).toInstant(ZoneOffset.UTC).compareTo(Conv.toTimestamp(b).toInstant(ZoneOffset.UTC));
    }
    if (a instanceof LocalTime x && b instanceof LocalTime y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof PgInterval x && b instanceof PgInterval y) {
      return x.compareTo(y);
    }
    if (a instanceof UUID x && b instanceof UUID y) {
      int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
      return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return compareText(x, y);
    }
    throw new IllegalArgumentException("cannot compare " + ka + " with " + kb);
  }

  private static boolean isDateTime(Object v) {
    return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof Instant;
  }

  private static int compareNumbers(TypeKind ka, Object a, TypeKind kb, Object b) {
    if (isFloat(ka) || isFloat(kb)) {
      return compareDoubles(Conv.toDouble(a), Conv.toDouble(b));
    }
    if (ka == TypeKind.NUMERIC || kb == TypeKind.NUMERIC) {
      return Conv.toBigDecimal(a).compareTo(Conv.toBigDecimal(b));
    }
    return Long.compare(Conv.toLong(a), Conv.toLong(b));
  }

  private static boolean isFloat(TypeKind k) {
    return k == TypeKind.REAL || k == TypeKind.DOUBLE;
  }

  /** PostgreSQL's float order: NaN is largest and equals NaN; -0 equals 0. */
  static int compareDoubles(double x, double y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    if (x == y) {
      return 0;
    }
    return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
  }

  /** Code-point order (the C collation). */
  static int compareText(String x, String y) {
    int n = Math.min(x.length(), y.length());
    for (int i = 0; i < n; i++) {
      char c = x.charAt(i);
      char d = y.charAt(i);
      if (c != d) {
        if (Character.isSurrogate(c) || Character.isSurrogate(d)) {
          return Integer.compare(x.codePointAt(i), y.codePointAt(i));
        }
        return c - d;
      }
    }
    return x.length() - y.length();
  }

  static String rtrim(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * A key that is {@code equals} exactly when two values of the kind compare equal, for hashing
   * (DISTINCT): numerics without trailing zeros, CHAR without trailing blanks, bytea by content,
   * one zero and one NaN for floats.
   */
  static Object hashKey(TypeKind kind, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal b) {
      return b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros();
    }
    if (v instanceof Double d) {
      return d == 0 ? 0.0d : d;
    }
    if (v instanceof Float f) {
      return f == 0 ? 0.0f : f;
    }
    if (v instanceof byte[] b) {
      return ByteBuffer.wrap(b);
    }
    if (kind == TypeKind.CHAR) {
      return rtrim((String) v);
    }
    if (v instanceof PgInterval iv) {
      return iv.comparableMicros();
    }
    return v;
  }
}
