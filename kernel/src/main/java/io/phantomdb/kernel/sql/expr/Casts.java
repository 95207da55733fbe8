package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * CAST between every pair of kinds PostgreSQL can cast between, with its rules: numeric to
 * integer rounds half away from zero, float to integer rounds half to even ({@code rint}),
 * integers and floats out of the target's range fail with 22003, float to numeric keeps 15
 * (float4: 6) significant digits, numeric(p,s) rounds and checks its precision, text to anything
 * goes through the type's input syntax ({@link TextCodec#parse}), anything to text through its
 * output, boolean to text is {@code true}/{@code false}, CHAR(n) pads, CHAR/VARCHAR(n) cut an
 * explicit cast's excess and reject an implicit one's (22001), time types round to their
 * precision.
 */
final class Casts {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Casts() {}

  /**
   * @param arg what to cast
   * @param target the type to cast to
   * @param explicit true for CAST / {@code ::} (strings are cut to length), false for an
   *     assignment (too long a string is an error)
   * @return an expression yielding the cast value
   */
  static Expr cast(Expr arg, DataType target, boolean explicit) {
    DataType from = arg.type();
    if (isNoOp(from, target)) {
      return from.equals(target) ? arg : new Retyped(arg, target);
    }
    checkCastable(from, target);
    String name = "cast_" + target.kind().name().toLowerCase();
    if (from.kind() == TypeKind.TIMESTAMPTZ || target.kind() == TypeKind.TIMESTAMPTZ) {
      // depends on the session time zone
      return Nodes.call(name, target, java.util.List.of(arg),
          (v, ctx) -> convert(v[0], from, target, explicit, ctx.timeZone()), true);
    }
    return Nodes.strict1(name, target, arg, v -> convert(v, from, target, explicit));
  }

  /** An expression whose values need no change to be of another (compatible) type. */
  private record Retyped(Expr arg, DataType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
      return arg.eval(row, ctx);
    }

    @Override
    public String toString() {
      return arg.toString();
    }
  }

  private static boolean isNoOp(DataType from, DataType to) {
    if (from.kind() != to.kind()) {
      return from.kind().isText() && to.kind() == TypeKind.TEXT && from.kind() != TypeKind.CHAR
          || from.kind() == TypeKind.UNKNOWN;
    }
    return switch (to.kind()) {
      case NUMERIC -> to.precision() == 0
          || (from.precision() == to.precision() && from.scale() == to.scale());
      case VARCHAR -> to.precision() == 0 || (from.precision() != 0 && from.precision() <= to.precision());
      case CHAR -> from.precision() == to.precision();
      case TIME, TIMESTAMP, TIMESTAMPTZ -> from.precision() <= to.precision();
      default -> true;
    };
  }

  private static boolean castable(DataType from, DataType to) {
    try {
      checkCastable(from, to);
      return true;
    } catch (io.phantomdb.kernel.sql.SqlException e) {
      return false;
    }
  }

  private static void checkCastable(DataType from, DataType to) {
    TypeKind f = from.kind();
    TypeKind t = to.kind();
    boolean ok = f == t || f.isText() || t.isText() || f == TypeKind.UNKNOWN
        || switch (t) {
          case BOOLEAN -> f.isInteger();
          case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE -> f.isNumeric() || (t.isInteger() && f == TypeKind.BOOLEAN);
          case DATE -> f == TypeKind.TIMESTAMP || f == TypeKind.TIMESTAMPTZ;
          case TIME -> f == TypeKind.TIMESTAMP || f == TypeKind.TIMESTAMPTZ || f == TypeKind.INTERVAL;
          case TIMESTAMP, TIMESTAMPTZ -> f == TypeKind.DATE || f == TypeKind.TIMESTAMP || f == TypeKind.TIMESTAMPTZ;
          case INTERVAL -> f == TypeKind.TIME;
          case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY -> f.isArray()
              && castable(DataType.of(f.elementKind()), DataType.of(t.elementKind()));
          default -> false;
        };
    if (!ok) {
      throw Errors.cannotCast(from, to);
    }
  }

  /**
   * Casts one value.
   *
   * @param v a value of {@code from} (null gives null)
   * @param from its type
   * @param to the target type
   * @param explicit whether strings are cut to length (CAST) rather than rejected (assignment)
   * @return the value as {@code to}'s class
   */
  static Object convert(Object v, DataType from, DataType to, boolean explicit) {
    return convert(v, from, to, explicit, ZoneOffset.UTC);
  }

  /**
   * Casts one value, converting between timestamptz and the other types in a session time zone.
   *
   * @param v a value of {@code from} (null gives null)
   * @param from its type
   * @param to the target type
   * @param explicit whether strings are cut to length (CAST) rather than rejected (assignment)
   * @param zone the session time zone
   * @return the value as {@code to}'s class
   */
  static Object convert(Object v, DataType from, DataType to, boolean explicit, ZoneId zone) {
    if (v == null) {
      return null;
    }
    TypeKind t = to.kind();
    if (v instanceof String s && !t.isText()) {
      return TextCodec.parse(from.kind() == TypeKind.CHAR ? ValueComparator.rtrim(s) : s, to.withNullable(true), zone);
    }
    if (v instanceof Instant i && t != TypeKind.TIMESTAMPTZ && !zone.equals(ZoneOffset.UTC)) {
      if (t.isText()) {
        return TextCodec.fitString(TextCodec.format(i, from, zone), to, explicit);
      }
      v = LocalDateTime.ofInstant(i, zone); // as a timestamp in the session zone
    } else if (t == TypeKind.TIMESTAMPTZ && !(v instanceof Instant)) {
      return roundTimestamp(Conv.toTimestamp(v), to.precision()).atZone(zone).toInstant();
    }
    return switch (t) {
      case BOOLEAN -> v instanceof Boolean ? v : (Object) (Conv.toLong(v) != 0);
      case SMALLINT, INTEGER, BIGINT -> toInteger(v, t);
      case NUMERIC -> TextCodec.fitNumeric(toNumeric(v), to);
      case REAL -> toReal(v);
      case DOUBLE -> v instanceof Double ? v : (Object) (v instanceof BigDecimal b ? checkedDouble(b) : Conv.toDouble(v));
      case CHAR, VARCHAR, TEXT -> TextCodec.fitString(toText(v, from), to, explicit);
      case BYTEA -> (byte[]) v;
      case DATE -> v instanceof LocalDate ? v : Conv.toTimestamp(v).toLocalDate();
      case TIME -> roundTime(v instanceof PgInterval iv
          ? LocalTime.ofNanoOfDay(Math.floorMod(iv.micros(), PgInterval.MICROS_PER_DAY) * 1000)
          : v instanceof LocalTime lt ? lt : Conv.toTimestamp(v).toLocalTime(), to.precision());
      case TIMESTAMP -> roundTimestamp(Conv.toTimestamp(v), to.precision());
      case TIMESTAMPTZ -> roundTimestamp(Conv.toTimestamp(v), to.precision()).toInstant(ZoneOffset.UTC);
      case INTERVAL -> v instanceof LocalTime lt ? new PgInterval(0, 0, lt.toNanoOfDay() / 1000) : (PgInterval) v;
      case UUID -> (UUID) v;
      case UNKNOWN -> v;
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY -> {
        DataType fe = DataType.of(from.kind().elementKind());
        DataType te = DataType.of(t.elementKind());
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (Object e : ((io.phantomdb.kernel.sql.type.PgArray) v).elements()) {
          out.add(convert(e, fe, te, explicit, zone));
        }
        yield new io.phantomdb.kernel.sql.type.PgArray(out);
      }
      case RECORD -> v;
    };
  }

  /** A value as PostgreSQL's cast to text writes it (booleans as true/false, CHAR without padding). */
  static String toText(Object v, DataType from) {
    if (v instanceof String s) {
      return from.kind() == TypeKind.CHAR ? ValueComparator.rtrim(s) : s;
    }
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    return TextCodec.format(v, from.kind() == TypeKind.UNKNOWN ? Conv.typeOfValue(v) : from);
  }

  private static Object toInteger(Object v, TypeKind t) {
    if (v instanceof Boolean b) {
      return Conv.intOfKind(b ? 1 : 0, t);
    }
    if (v instanceof BigDecimal b) {
      BigDecimal r = b.setScale(0, RoundingMode.HALF_UP);
      if (r.compareTo(LONG_MIN) < 0 || r.compareTo(LONG_MAX) > 0) {
        throw Errors.outOfRange(t);
      }
      return Conv.intOfKind(r.longValue(), t);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = Math.rint(Conv.toDouble(v));
      if (Double.isNaN(d) || d < -0x1p63 || d >= 0x1p63) {
        throw Errors.outOfRange(t);
      }
      return Conv.intOfKind((long) d, t);
    }
    return Conv.intOfKind(Conv.toLong(v), t);
  }

  /** PostgreSQL's float8_numeric/float4_numeric: 15 (6) significant digits. */
  static BigDecimal toNumeric(Object v) {
    if (v instanceof Double || v instanceof Float) {
      double d = Conv.toDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "cannot convert " + (Double.isNaN(d) ? "NaN" : "infinity") + " to numeric");
      }
      int digits = v instanceof Float ? 6 : 15;
      BigDecimal b = new BigDecimal(v instanceof Float ? Float.toString((Float) v) : Double.toString(d))
          .round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
      return b.scale() < 0 ? b.setScale(0) : b;
    }
    return Conv.toBigDecimal(v);
  }

  private static Object toReal(Object v) {
    if (v instanceof Float) {
      return v;
    }
    double d = v instanceof BigDecimal b ? checkedDouble(b) : Conv.toDouble(v);
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw Errors.floatOverflow();
    }
    if (f == 0 && d != 0) {
      throw Errors.floatUnderflow();
    }
    return f;
  }

  private static double checkedDouble(BigDecimal b) {
    double d = b.doubleValue();
    if (Double.isInfinite(d)) {
      throw Errors.floatOverflow();
    }
    return d;
  }

  private static LocalTime roundTime(LocalTime t, int precision) {
    if (precision >= 6) {
      return t.withNano(t.getNano() / 1000 * 1000);
    }
    long unit = (long) Math.pow(10, 6 - precision);
    long micros = (t.toNanoOfDay() / 1000 + unit / 2) / unit * unit;
    return LocalTime.ofNanoOfDay(Math.floorMod(micros, PgInterval.MICROS_PER_DAY) * 1000);
  }

  private static LocalDateTime roundTimestamp(LocalDateTime t, int precision) {
    if (precision >= 6) {
      return t.withNano(t.getNano() / 1000 * 1000);
    }
    long unit = (long) Math.pow(10, 6 - precision);
    long micros = t.getNano() / 1000;
    long rounded = (micros + unit / 2) / unit * unit;
    return t.withNano(0).plusNanos(rounded * 1000);
  }

  /** Values of an Instant, rounded to a precision (for TIMESTAMPTZ arithmetic results). */
  static Instant roundInstant(Instant i, int precision) {
    return roundTimestamp(LocalDateTime.ofInstant(i, ZoneOffset.UTC), precision).toInstant(ZoneOffset.UTC);
  }
}
