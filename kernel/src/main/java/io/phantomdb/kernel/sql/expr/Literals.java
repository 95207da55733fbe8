package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;
import org.apache.calcite.util.TimestampWithTimeZoneString;

/**
 * Converts between Calcite's representation of literal values (BigDecimal for exact numbers and
 * intervals, NlsString, ByteString, DateString, TimeString, TimestampString, ...) and ours.
 */
final class Literals {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private Literals() {}

  /**
   * @param value a literal's or Sarg bound's value in Calcite's representation, or null
   * @param calciteType the literal's Calcite type
   * @param target our type for it
   * @return the value as our run-time class for {@code target}
   */
  static Object toJava(Comparable<?> value, RelDataType calciteType, DataType target) {
    if (value == null) {
      return null;
    }
    SqlTypeName name = calciteType.getSqlTypeName();
    Object v;
    if (value instanceof NlsString s) {
      v = s.getValue();
    } else if (value instanceof ByteString b) {
      v = b.getBytes();
    } else if (value instanceof DateString d) {
      v = LocalDate.ofEpochDay(d.getDaysSinceEpoch());
    } else if (value instanceof TimeString t) {
      v = LocalTime.parse(t.toString());
    } else if (value instanceof TimestampString t) {
      LocalDateTime ldt = LocalDateTime.parse(t.toString().replace(' ', 'T'));
      v = name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE ? ldt.toInstant(ZoneOffset.UTC) : ldt;
    } else if (value instanceof TimestampWithTimeZoneString t) {
      TimestampString utc = t.withTimeZone(java.util.TimeZone.getTimeZone("UTC")).getLocalTimestampString();
      v = LocalDateTime.parse(utc.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } else if (value instanceof BigDecimal b && SqlTypeName.INTERVAL_TYPES.contains(name)) {
      v = interval(b, name);
    } else if (value instanceof BigDecimal b && target.kind() == TypeKind.DOUBLE) {
      v = b.doubleValue();
    } else if (value instanceof BigDecimal b && target.kind() == TypeKind.REAL) {
      v = b.floatValue();
    } else if (value instanceof BigDecimal b && target.kind().isInteger()) {
      v = Conv.intOfKind(b.setScale(0, RoundingMode.HALF_UP).longValueExact(), target.kind());
    } else if (value instanceof Double d && target.kind() == TypeKind.REAL) {
      v = d.floatValue();
    } else {
      v = value; // Boolean, BigDecimal for NUMERIC, Double, UUID, Enum symbols
    }
    if (target.kind() != TypeKind.UNKNOWN && !target.kind().javaClass().isInstance(v)) {
      return Casts.convert(v, Conv.typeOfValue(v), target, true);
    }
    return v;
  }

  /** Calcite keeps year-month intervals in months and day-time ones in milliseconds. */
  private static PgInterval interval(BigDecimal v, SqlTypeName name) {
    if (name.isYearMonth()) {
      return new PgInterval(v.intValueExact(), 0, 0);
    }
    long micros = v.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    return switch (name) {
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND ->
          new PgInterval(0, (int) (micros / (MILLIS_PER_DAY * 1000)), micros % (MILLIS_PER_DAY * 1000));
      default -> new PgInterval(0, 0, micros);
    };
  }

  /**
   * Makes a Calcite literal of one of our values, for constant folding.
   *
   * @param rexBuilder the builder
   * @param value our value, or null
   * @param type the Calcite type the literal must have
   * @return the literal (or a CAST of one), or null if Calcite cannot represent the value
   */
  static RexNode toRexLiteral(RexBuilder rexBuilder, Object value, RelDataType type) {
    if (value == null) {
      return rexBuilder.makeNullLiteral(type);
    }
    SqlTypeName name = type.getSqlTypeName();
    Object c;
    if (value instanceof Boolean || value instanceof UUID) {
      c = value;
    } else if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return null;
      }
      c = new BigDecimal(value.toString());
    } else if (value instanceof Number n) {
      BigDecimal b = Conv.toBigDecimal(n);
      if (name == SqlTypeName.DECIMAL && b.scale() != type.getScale()
          && (CalciteTypes.isUnconstrainedNumeric(type) || b.scale() > type.getScale())) {
        return null; // Calcite would force the type's scale on the value
      }
      c = b;
    } else if (value instanceof String s) {
      if (name == SqlTypeName.CHAR || name == SqlTypeName.VARCHAR) {
        return rexBuilder.makeLiteral(s, type, true);
      }
      return null;
    } else if (value instanceof byte[] b) {
      c = new ByteString(b);
    } else if (value instanceof LocalDate d) {
      if (d.getYear() < 1 || d.getYear() > 9999) {
        return null;
      }
      c = DateString.fromDaysSinceEpoch((int) d.toEpochDay());
    } else if (value instanceof LocalTime t) {
      c = new TimeString(t.getHour(), t.getMinute(), t.getSecond()).withNanos(t.getNano());
    } else if (value instanceof LocalDateTime t) {
      c = timestampString(t);
    } else if (value instanceof Instant i) {
      c = timestampString(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    } else if (value instanceof PgInterval iv) {
      c = intervalValue(iv, name);
    } else {
      return null;
    }
    if (c == null) {
      return null;
    }
    return rexBuilder.makeLiteral(c, type, true);
  }

  private static TimestampString timestampString(LocalDateTime t) {
    if (t.getYear() < 1 || t.getYear() > 9999) {
      return null;
    }
    return new TimestampString(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
        t.getMinute(), t.getSecond()).withNanos(t.getNano());
  }

  private static BigDecimal intervalValue(PgInterval iv, SqlTypeName name) {
    if (name.isYearMonth()) {
      return iv.days() == 0 && iv.micros() == 0 ? BigDecimal.valueOf(iv.months()) : null;
    }
    if (iv.months() != 0 || iv.micros() % 1000 != 0) {
      return null;
    }
    return BigDecimal.valueOf(iv.days() * MILLIS_PER_DAY + iv.micros() / 1000);
  }
}
