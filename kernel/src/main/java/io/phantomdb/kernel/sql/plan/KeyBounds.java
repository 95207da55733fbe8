package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.kernel.sql.type.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Which comparisons between a column and a constant an index can answer, and the constant as a
 * value of the column's key: only where the key order is exactly the comparison's order. Integer
 * kinds share one key encoding, so any integer constant bounds any integer column; a NUMERIC
 * constant bounds an integer column after rounding ({@code i > 2.5} is {@code i >= 3}); CHAR
 * compared with text is compared without its trailing blanks, which is how its key is stored.
 */
final class KeyBounds {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /**
   * A converted bound: {@code bound} null means unbounded on that side (unless {@code empty}).
   *
   * @param bound the bound, or null
   * @param empty true if nothing can satisfy the comparison
   */
  record Edge(ColumnRange.Bound bound, boolean empty) {}

  private KeyBounds() {}

  /**
   * Whether a cast of a column's values keeps their order and equality exactly (so a comparison
   * of the cast value is a comparison of the column's key).
   *
   * @param from the column's type
   * @param to the cast's type
   * @return true if the cast is exact
   */
  static boolean exactCast(DataType from, DataType to) {
    TypeKind f = from.kind();
    TypeKind t = to.kind();
    if (f.isInteger() && t.isInteger()) {
      return digits(t) >= digits(f);
    }
    if (f.isInteger() && t == TypeKind.NUMERIC) {
      return to.precision() == 0 || to.precision() - to.scale() >= digits(f);
    }
    if (f == TypeKind.NUMERIC && t == TypeKind.NUMERIC) {
      return to.precision() == 0 || (from.precision() > 0 && to.scale() >= from.scale()
          && to.precision() - to.scale() >= from.precision() - from.scale());
    }
    if (f.isText() && (t == TypeKind.VARCHAR || t == TypeKind.TEXT)) {
      return to.precision() == 0 || (from.precision() > 0 && to.precision() >= from.precision());
    }
    return false;
  }

  private static int digits(TypeKind k) {
    return switch (k) {
      case SMALLINT -> 5;
      case INTEGER -> 10;
      default -> 19;
    };
  }

  /**
   * The type whose key encoding bounds of a comparison use.
   *
   * @param column the column's type
   * @param operand the type the column is compared as (its own, or an exact cast's)
   * @param constant the constant's type
   * @return the key type, or null if the index cannot answer the comparison
   */
  static DataType keyType(DataType column, DataType operand, DataType constant) {
    TypeKind c = column.kind();
    TypeKind k = constant.kind();
    if (c == TypeKind.CHAR) {
      // CHAR against CHAR compares both without trailing blanks; against text, only the CHAR side
      boolean bothChar = operand.kind() == TypeKind.CHAR && k == TypeKind.CHAR;
      return !k.isText() ? null : bothChar ? column : DataType.of(TypeKind.TEXT);
    }
    boolean ok = switch (c) {
      case SMALLINT, INTEGER, BIGINT, NUMERIC -> k.isInteger() || k == TypeKind.NUMERIC;
      case DOUBLE -> k == TypeKind.DOUBLE || k == TypeKind.REAL;
      case VARCHAR, TEXT -> k.isText();
      default -> c == k;
    };
    return ok ? column : null;
  }

  /**
   * A constant as a lower bound ({@code col > v} or {@code col >= v}) of a key of type {@code key}.
   *
   * @param key the key type ({@link #keyType})
   * @param constant the constant's type
   * @param v the constant, not null
   * @param inclusive whether {@code v} itself qualifies
   * @return the bound
   */
  static Edge lower(DataType key, DataType constant, Object v, boolean inclusive) {
    return edge(key, constant, v, inclusive, true);
  }

  /**
   * A constant as an upper bound ({@code col < v} or {@code col <= v}).
   *
   * @param key the key type
   * @param constant the constant's type
   * @param v the constant, not null
   * @param inclusive whether {@code v} itself qualifies
   * @return the bound
   */
  static Edge upper(DataType key, DataType constant, Object v, boolean inclusive) {
    return edge(key, constant, v, inclusive, false);
  }

  private static Edge edge(DataType key, DataType constant, Object v, boolean inclusive, boolean lower) {
    TypeKind kk = key.kind();
    if (kk.isInteger()) {
      if (!(v instanceof BigDecimal d)) {
        return bound(key, ((Number) v).longValue(), inclusive);
      }
      BigDecimal rounded = d.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
      boolean exact = rounded.compareTo(d) == 0;
      BigInteger n = rounded.toBigIntegerExact();
      if (n.compareTo(MAX) > 0) {
        return lower ? new Edge(null, true) : new Edge(null, false);
      }
      if (n.compareTo(MIN) < 0) {
        return lower ? new Edge(null, false) : new Edge(null, true);
      }
      return bound(key, n.longValue(), exact ? inclusive : true);
    }
    Object value = v;
    if (kk == TypeKind.NUMERIC && !(v instanceof BigDecimal)) {
      value = BigDecimal.valueOf(((Number) v).longValue());
    } else if (kk == TypeKind.DOUBLE && v instanceof Float f) {
      value = f.doubleValue();
    } else if (kk != TypeKind.CHAR && constant.kind() == TypeKind.CHAR) {
      value = Values.stripTrailingBlanks((String) v);
    }
    return bound(key, value, inclusive);
  }

  private static Edge bound(DataType key, Object value, boolean inclusive) {
    return new Edge(ColumnRange.bound(key, value, inclusive), false);
  }
}
