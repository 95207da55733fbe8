package io.phantomdb.kernel.sql.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Comparison, equality and hashing of non-null SQL values with PostgreSQL semantics. Both
 * arguments are of the Java class {@link TypeKind} names for the kind; SQL NULL is handled by the
 * caller.
 *
 * <ul>
 *   <li>integers and NUMERIC numerically: {@code 1.0 = 1.00};
 *   <li>REAL and DOUBLE as PostgreSQL: {@code -0 = 0}, NaN equals NaN and is greater than every
 *       other value, infinities in between;
 *   <li>CHAR, VARCHAR, TEXT in the "C" collation, by Unicode code point (which is UTF-8 byte
 *       order, not {@link String#compareTo}'s UTF-16 order); an unpaired surrogate counts as the
 *       code point of its own value; CHAR ignores trailing blanks (U+0020);
 *   <li>BYTEA as unsigned bytes, lexicographically;
 *   <li>dates and times chronologically; INTERVAL by {@link PgInterval#compareTo} (a month is 30
 *       days, a day 24 hours, so {@code '1 month' = '30 days'});
 *   <li>UUID as PostgreSQL: its 16 bytes unsigned (not {@link UUID#compareTo}, which is signed);
 *   <li>BOOLEAN: false &lt; true.
 * </ul>
 *
 * <p>{@link #equals} is {@code compare == 0} and {@link #hash} is consistent with it within a
 * kind, as hash joins and hash aggregation need.
 */
public final class Values {
  private Values() {}

  /**
   * Compares two non-null values of one kind.
   *
   * @param kind their kind
   * @param a a value
   * @param b another value
   * @return negative, zero or positive as {@code a} sorts before, equal to, or after {@code b}
   * @throws ClassCastException if a value is not of the kind's Java class
   */
  public static int compare(TypeKind kind, Object a, Object b) {
    return switch (kind) {
      case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
      case SMALLINT -> Short.compare((Short) a, (Short) b);
      case INTEGER -> Integer.compare((Integer) a, (Integer) b);
      case BIGINT -> Long.compare((Long) a, (Long) b);
      case NUMERIC -> ((BigDecimal) a).compareTo((BigDecimal) b);
      case REAL -> compareDouble((Float) a, (Float) b);
      case DOUBLE -> compareDouble((Double) a, (Double) b);
      case CHAR -> compareText(stripTrailingBlanks((String) a), stripTrailingBlanks((String) b));
      case VARCHAR, TEXT -> compareText((String) a, (String) b);
      case BYTEA -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case DATE -> ((LocalDate) a).compareTo((LocalDate) b);
      case TIME -> ((LocalTime) a).compareTo((LocalTime) b);
      case TIMESTAMP -> ((LocalDateTime) a).compareTo((LocalDateTime) b);
      case TIMESTAMPTZ -> ((Instant) a).compareTo((Instant) b);
      case INTERVAL -> ((PgInterval) a).compareTo((PgInterval) b);
      case UUID -> compareUuid((UUID) a, (UUID) b);
      case UNKNOWN -> throw new IllegalArgumentException("values of type unknown are always null");
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY -> ((PgArray) a).compareTo((PgArray) b);
      case RECORD -> ((PgRecord) a).compareTo((PgRecord) b);
    };
  }

  /**
   * Whether two non-null values of one kind are equal in SQL ({@code compare == 0}).
   *
   * @param kind their kind
   * @param a a value
   * @param b another value
   * @return true if they compare equal
   */
  public static boolean equals(TypeKind kind, Object a, Object b) {
    return switch (kind) {
      case BOOLEAN, SMALLINT, INTEGER, BIGINT, VARCHAR, TEXT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, UUID ->
          a.equals(b);
      case BYTEA -> Arrays.equals((byte[]) a, (byte[]) b);
      case CHAR -> stripTrailingBlanks((String) a).equals(stripTrailingBlanks((String) b));
      default -> compare(kind, a, b) == 0;
    };
  }

  /**
   * A hash code consistent with {@link #equals(TypeKind, Object, Object)}: values of one kind that
   * compare equal hash equal ({@code 1.0} and {@code 1.00}, {@code -0.0} and {@code 0.0}, {@code
   * 'a'} and {@code 'a  '} as CHAR, {@code '1 month'} and {@code '30 days'}).
   *
   * @param kind the value's kind
   * @param v a non-null value
   * @return its hash
   */
  public static int hash(TypeKind kind, Object v) {
    return switch (kind) {
      case SMALLINT, INTEGER, BIGINT -> Long.hashCode(((Number) v).longValue());
      case NUMERIC -> ((BigDecimal) v).stripTrailingZeros().hashCode();
      case REAL -> {
        float f = (Float) v;
        yield Float.hashCode(f == 0 ? 0f : f);
      }
      case DOUBLE -> {
        double d = (Double) v;
        yield Double.hashCode(d == 0 ? 0d : d);
      }
      case CHAR -> stripTrailingBlanks((String) v).hashCode();
      case BYTEA -> Arrays.hashCode((byte[]) v);
      case INTERVAL -> hashInterval((PgInterval) v);
      case UNKNOWN -> throw new IllegalArgumentException("values of type unknown are always null");
      default -> v.hashCode();
    };
  }

  /**
   * Compares as PostgreSQL's float4/float8: {@code -0 = 0}, NaN equal to itself and above every
   * other value.
   *
   * @param a a value
   * @param b another value
   * @return the comparison
   */
  public static int compareDouble(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    if (a == b) {
      return 0;
    }
    boolean nanA = Double.isNaN(a);
    return nanA == Double.isNaN(b) ? 0 : (nanA ? 1 : -1);
  }

  /**
   * Compares strings by Unicode code point, the order of their UTF-8 bytes (PostgreSQL's "C"
   * collation). An unpaired surrogate counts as the code point of its own value.
   *
   * @param a a string
   * @param b another string
   * @return the comparison
   */
  public static int compareText(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == n) {
      return Integer.compare(a.length(), b.length());
    }
    char ca = a.charAt(i);
    char cb = b.charAt(i);
    if (!Character.isSurrogate(ca) && !Character.isSurrogate(cb)) {
      return Character.compare(ca, cb);
    }
    // Back up to the start of the code point the mismatch lies in (a common high surrogate).
    int start = i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i;
    while (true) {
      int cpa = a.codePointAt(start);
      int cpb = b.codePointAt(start);
      if (cpa != cpb) {
        return Integer.compare(cpa, cpb);
      }
      // Both an unpaired high surrogate at start; the mismatch follows it.
      start += Character.charCount(cpa);
    }
  }

  /**
   * CHAR semantics: the string without its trailing blanks (U+0020).
   *
   * @param s a string
   * @return {@code s} without trailing blanks
   */
  public static String stripTrailingBlanks(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end == s.length() ? s : s.substring(0, end);
  }

  /**
   * Compares UUIDs as PostgreSQL: their 16 bytes, unsigned.
   *
   * @param a a UUID
   * @param b another UUID
   * @return the comparison
   */
  public static int compareUuid(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  private static int hashInterval(PgInterval iv) {
    try {
      long days = iv.months() * 30L + iv.days();
      return Long.hashCode(Math.addExact(Math.multiplyExact(days, PgInterval.MICROS_PER_DAY), iv.micros()));
    } catch (ArithmeticException overflow) {
      BigInteger span = iv.comparableMicros();
      return span.bitLength() < 64 ? Long.hashCode(span.longValue()) : span.hashCode();
    }
  }
}
