package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Conversions between the run-time classes of values, for operators that mix kinds. */
final class Conv {
  private Conv() {}

  /**
   * @param v a non-null value
   * @return the natural type of the value's class (String is TEXT)
   */
  static DataType typeOfValue(Object v) {
    TypeKind k;
    if (v instanceof Boolean) {
      k = TypeKind.BOOLEAN;
    } else if (v instanceof Short) {
      k = TypeKind.SMALLINT;
    } else if (v instanceof Integer) {
      k = TypeKind.INTEGER;
    } else if (v instanceof Long) {
      k = TypeKind.BIGINT;
    } else if (v instanceof BigDecimal) {
      k = TypeKind.NUMERIC;
    } else if (v instanceof Float) {
      k = TypeKind.REAL;
    } else if (v instanceof Double) {
      k = TypeKind.DOUBLE;
    } else if (v instanceof String) {
      k = TypeKind.TEXT;
    } else if (v instanceof byte[]) {
      k = TypeKind.BYTEA;
    } else if (v instanceof LocalDate) {
      k = TypeKind.DATE;
    } else if (v instanceof LocalTime) {
      k = TypeKind.TIME;
    } else if (v instanceof LocalDateTime) {
      k = TypeKind.TIMESTAMP;
    } else if (v instanceof Instant) {
      k = TypeKind.TIMESTAMPTZ;
    } else if (v instanceof PgInterval) {
      k = TypeKind.INTERVAL;
    } else if (v instanceof UUID) {
      k = TypeKind.UUID;
    } else {
      throw new IllegalArgumentException("not a SQL value: " + v.getClass().getName());
    }
    return DataType.of(k);
  }

  static long toLong(Object v) {
    return ((Number) v).longValue();
  }

  static double toDouble(Object v) {
    return ((Number) v).doubleValue();
  }

  /** Exact conversion of an integer or numeric value; floats go through their decimal text. */
  static BigDecimal toBigDecimal(Object v) {
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Double || v instanceof Float) {
      return new BigDecimal(v.toString());
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  /**
   * @param v a long result
   * @param kind SMALLINT, INTEGER or BIGINT
   * @return v boxed as the kind's class
   * @throws io.phantomdb.kernel.sql.SqlException 22003 when it does not fit
   */
  static Object intOfKind(long v, TypeKind kind) {
    return switch (kind) {
      case SMALLINT -> {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
          throw Errors.outOfRange(kind);
        }
        yield (short) v;
      }
      case INTEGER -> {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw Errors.outOfRange(kind);
        }
        yield (int) v;
      }
      default -> v;
    };
  }

  /** A date or timestamp as a timestamp (dates at midnight, instants in UTC). */
  static LocalDateTime toTimestamp(Object v) {
    if (v instanceof LocalDateTime t) {
      return t;
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    return LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC);
  }

  /**
   * A date/time result as the kind the expression's type wants (Calcite types some results
   * differently from PostgreSQL, for example DATE + INTERVAL as DATE).
   */
  static Object dateTimeAs(LocalDateTime t, TypeKind kind) {
    int y = t.getYear();
    if (y < -4712 || y > 294_276) {
      throw Errors.timestampOutOfRange();
    }
    return switch (kind) {
      case DATE -> t.toLocalDate();
      case TIME -> t.toLocalTime();
      case TIMESTAMPTZ -> t.toInstant(ZoneOffset.UTC);
      default -> t;
    };
  }
}
