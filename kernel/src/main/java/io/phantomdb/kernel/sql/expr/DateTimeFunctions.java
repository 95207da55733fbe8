package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnitRange;

/**
 * Date/time functions: now(), current_timestamp, localtimestamp, current_date, current_time,
 * localtime (all the statement's start, stable within it), extract / date_part (PostgreSQL's
 * fields: year, month, day, hour, minute, second with fraction, milliseconds, microseconds, dow,
 * isodow, doy, week, isoyear, quarter, decade, century, millennium, epoch, timezone), date_trunc
 * and Calcite's FLOOR/CEIL(x TO unit), age. Values with time zone are taken in the session time
 * zone.
 */
final class DateTimeFunctions {
  private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

  private DateTimeFunctions() {}

  static void register(Map<String, CallCompiler> r) {
    CallCompiler now = (call, args, type) -> Nodes.call("now", type, List.of(), (v, ctx) -> {
      LocalDateTime t = LocalDateTime.ofInstant(ctx.statementStart(), ctx.timeZone());
      return Casts.convert(t, DataType.of(TypeKind.TIMESTAMP), type, true, ctx.timeZone());
    }, false);
    for (String f : new String[] {"NOW", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "CURRENT_DATE",
        "CURRENT_TIME", "LOCALTIME", "TRANSACTION_TIMESTAMP", "STATEMENT_TIMESTAMP"}) {
      r.put(f, now);
    }
    r.put("#EXTRACT", (call, args, type) -> {
      Object unit = ((Nodes.Constant) args.get(0)).value();
      String field = unit instanceof TimeUnitRange u ? u.name() : null;
      if (field == null) { // DATE_PART('field', x) with a non-constant field
        return datePart(args, type);
      }
      return Nodes.call("extract", type, List.of(args.get(1)),
          (v, ctx) -> extract(field, v[0], type.kind(), ctx.timeZone()), true);
    });
    r.put("DATE_PART", (call, args, type) -> datePart(args, type));
    r.put("DATE_TRUNC", (call, args, type) -> Nodes.call("date_trunc", type, args,
        (v, ctx) -> truncate(unit((String) v[0]), v[1], type.kind(), false, ctx.timeZone()), true));
    r.put("AGE", (call, args, type) -> args.size() == 2
        ? Nodes.strict2("age", type, args.get(0), args.get(1), (a, b) -> age(Conv.toTimestamp(a), Conv.toTimestamp(b)))
        : Nodes.call("age", type, args, (v, ctx) -> v[0] == null ? null
            : age(LocalDateTime.ofInstant(ctx.statementStart(), ctx.timeZone()).toLocalDate().atStartOfDay(),
                Conv.toTimestamp(v[0])), false));
  }

  private static Expr datePart(List<Expr> args, DataType type) {
    return Nodes.call("date_part", type, args,
        (v, ctx) -> extract(((String) v[0]).toUpperCase(Locale.ROOT), v[1], type.kind(), ctx.timeZone()), true);
  }

  /** The units date_trunc and FLOOR/CEIL(x TO unit) truncate to. */
  enum Unit {
    MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY, MILLENNIUM
  }

  private static Unit unit(String name) {
    String u = name.toUpperCase(Locale.ROOT);
    if (u.endsWith("S") && !u.equals("MICROSECONDS") && !u.equals("MILLISECONDS")) {
      u = u.substring(0, u.length() - 1);
    } else if (u.endsWith("SECONDS")) {
      u = u.substring(0, u.length() - 1);
    }
    try {
      return Unit.valueOf(u);
    } catch (IllegalArgumentException e) {
      throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
          "unit \"" + name.toLowerCase(Locale.ROOT) + "\" not recognized for type timestamp");
    }
  }

  /** date_trunc / FLOOR(x TO unit); CEIL moves a value not already on a boundary up one unit. */
  static Expr truncate(Expr arg, TimeUnitRange range, DataType type, boolean ceil) {
    Unit unit;
    try {
      unit = Unit.valueOf(range.name());
    } catch (IllegalArgumentException e) {
      throw Errors.unsupported((ceil ? "CEIL" : "FLOOR") + " to " + range);
    }
    return Nodes.call(ceil ? "ceil" : "floor", type, List.of(arg),
        (v, ctx) -> truncate(unit, v[0], type.kind(), ceil, ctx.timeZone()), true);
  }

  /** Truncation of a timestamptz happens on its local time in the session zone, as PostgreSQL's. */
  private static Object truncate(Unit unit, Object x, TypeKind kind, boolean ceil, ZoneId zone) {
    if (x instanceof Instant i && !zone.equals(ZoneOffset.UTC)) {
      LocalDateTime r = (LocalDateTime) truncate(unit, LocalDateTime.ofInstant(i, zone), TypeKind.TIMESTAMP, ceil);
      return kind == TypeKind.TIMESTAMPTZ ? r.atZone(zone).toInstant() : Conv.dateTimeAs(r, kind);
    }
    return truncate(unit, x, kind, ceil);
  }

  /**
   * extract in the session zone: the fields of a timestamptz are those of its local time there,
   * its epoch is absolute, and timezone/timezone_hour/timezone_minute give the zone's offset.
   */
  static Object extract(String field, Object x, TypeKind kind, ZoneId zone) {
    if (x instanceof Instant i && !zone.equals(ZoneOffset.UTC)) {
      int offset = zone.getRules().getOffset(i).getTotalSeconds();
      switch (field) {
        case "EPOCH" -> {
          return extract(field, x, kind);
        }
        case "TIMEZONE" -> {
          return numericAs(BigDecimal.valueOf(offset), kind);
        }
        case "TIMEZONE_HOUR" -> {
          return numericAs(BigDecimal.valueOf(offset / 3600), kind);
        }
        case "TIMEZONE_MINUTE" -> {
          return numericAs(BigDecimal.valueOf(offset / 60 % 60), kind);
        }
        default -> {
          return extract(field, LocalDateTime.ofInstant(i, zone), kind);
        }
      }
    }
    return extract(field, x, kind);
  }

  private static Object truncate(Unit unit, Object x, TypeKind kind, boolean ceil) {
    LocalDateTime t = Conv.toTimestamp(x);
    int y = t.getYear();
    LocalDateTime r = switch (unit) {
      case MICROSECOND -> t.truncatedTo(ChronoUnit.MICROS);
      case MILLISECOND -> t.truncatedTo(ChronoUnit.MILLIS);
      case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> t.toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay();
      case MONTH -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
      case QUARTER -> LocalDate.of(y, (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
      case YEAR -> LocalDate.of(y, 1, 1).atStartOfDay();
      case DECADE -> LocalDate.of(Math.floorDiv(y, 10) * 10, 1, 1).atStartOfDay();
      case CENTURY -> LocalDate.of(y > 0 ? (y - 1) / 100 * 100 + 1 : -((-y) / 100 * 100) - 99, 1, 1).atStartOfDay();
      case MILLENNIUM -> LocalDate.of(y > 0 ? (y - 1) / 1000 * 1000 + 1 : -((-y) / 1000 * 1000) - 999, 1, 1).atStartOfDay();
    };
    if (ceil && !r.equals(t)) {
      r = switch (unit) {
        case MICROSECOND -> r.plus(1, ChronoUnit.MICROS);
        case MILLISECOND -> r.plus(1, ChronoUnit.MILLIS);
        case SECOND -> r.plusSeconds(1);
        case MINUTE -> r.plusMinutes(1);
        case HOUR -> r.plusHours(1);
        case DAY -> r.plusDays(1);
        case WEEK -> r.plusWeeks(1);
        case MONTH -> r.plusMonths(1);
        case QUARTER -> r.plusMonths(3);
        case YEAR -> r.plusYears(1);
        case DECADE -> r.plusYears(10);
        case CENTURY -> r.plusYears(100);
        default -> r.plusYears(1000);
      };
    }
    return Conv.dateTimeAs(r, kind);
  }

  /** PostgreSQL's extract: a numeric value, then made the call's kind (integers truncate). */
  static Object extract(String field, Object x, TypeKind kind) {
    BigDecimal v = x instanceof PgInterval iv ? extractInterval(field, iv) : extractDateTime(field, x);
    return numericAs(v, kind);
  }

  private static Object numericAs(BigDecimal v, TypeKind kind) {
    return switch (kind) {
      case NUMERIC -> v;
      case DOUBLE -> v.doubleValue();
      case REAL -> v.floatValue();
      default -> Conv.intOfKind(v.setScale(0, RoundingMode.DOWN).longValue(), kind);
    };
  }

  private static BigDecimal extractDateTime(String field, Object x) {
    LocalDateTime t = x instanceof LocalTime lt ? LocalDate.EPOCH.atTime(lt) : Conv.toTimestamp(x);
    int y = t.getYear();
    int pgYear = y > 0 ? y : y - 1;
    long secMicros = t.getSecond() * 1_000_000L + t.getNano() / 1000;
    return switch (field) {
      case "YEAR" -> BigDecimal.valueOf(pgYear);
      case "MONTH" -> BigDecimal.valueOf(t.getMonthValue());
      case "DAY" -> BigDecimal.valueOf(t.getDayOfMonth());
      case "HOUR" -> BigDecimal.valueOf(t.getHour());
      case "MINUTE" -> BigDecimal.valueOf(t.getMinute());
      case "SECOND" -> BigDecimal.valueOf(secMicros, 6);
      case "MILLISECOND", "MILLISECONDS" -> BigDecimal.valueOf(secMicros, 3);
      case "MICROSECOND", "MICROSECONDS" -> BigDecimal.valueOf(secMicros);
      case "DOW" -> BigDecimal.valueOf(t.getDayOfWeek().getValue() % 7);
      case "ISODOW" -> BigDecimal.valueOf(t.getDayOfWeek().getValue());
      case "DOY" -> BigDecimal.valueOf(t.getDayOfYear());
      case "WEEK" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case "ISOYEAR" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
      case "QUARTER" -> BigDecimal.valueOf((t.getMonthValue() - 1) / 3 + 1);
      case "DECADE" -> BigDecimal.valueOf(Math.floorDiv(y, 10));
      case "CENTURY" -> BigDecimal.valueOf(y > 0 ? (y + 99) / 100 : -((99 - (y - 1)) / 100));
      case "MILLENNIUM" -> BigDecimal.valueOf(y > 0 ? (y + 999) / 1000 : -((999 - (y - 1)) / 1000));
      case "EPOCH" -> BigDecimal.valueOf(x instanceof LocalTime lt
          ? lt.toNanoOfDay() / 1000
          : ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t), 6);
      case "TIMEZONE", "TIMEZONE_HOUR", "TIMEZONE_MINUTE" -> BigDecimal.ZERO;
      default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
          "unit \"" + field.toLowerCase(Locale.ROOT) + "\" not recognized");
    };
  }

  private static BigDecimal extractInterval(String field, PgInterval iv) {
    long micros = iv.micros();
    return switch (field) {
      case "YEAR" -> BigDecimal.valueOf(iv.months() / 12);
      case "MONTH" -> BigDecimal.valueOf(iv.months() % 12);
      case "DAY" -> BigDecimal.valueOf(iv.days());
      case "HOUR" -> BigDecimal.valueOf(micros / 3_600_000_000L);
      case "MINUTE" -> BigDecimal.valueOf(micros / 60_000_000L % 60);
      case "SECOND" -> BigDecimal.valueOf(micros % 60_000_000L, 6);
      case "MILLISECOND", "MILLISECONDS" -> BigDecimal.valueOf(micros % 60_000_000L, 3);
      case "MICROSECOND", "MICROSECONDS" -> BigDecimal.valueOf(micros % 60_000_000L);
      case "QUARTER" -> BigDecimal.valueOf(iv.months() % 12 / 3 + 1);
      case "DECADE" -> BigDecimal.valueOf(iv.months() / 120);
      case "CENTURY" -> BigDecimal.valueOf(iv.months() / 1200);
      case "MILLENNIUM" -> BigDecimal.valueOf(iv.months() / 12000);
      case "EPOCH" -> new BigDecimal("365.25").multiply(BigDecimal.valueOf(iv.months() / 12))
          .add(BigDecimal.valueOf(30L * (iv.months() % 12) + iv.days()))
          .multiply(BigDecimal.valueOf(86400)).setScale(0, RoundingMode.DOWN)
          .add(BigDecimal.valueOf(micros).divide(MICROS)).setScale(6, RoundingMode.DOWN);
      default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
          "unit \"" + field.toLowerCase(Locale.ROOT) + "\" not supported for type interval");
    };
  }

  /** PostgreSQL's age(): field-wise difference, borrowing as it does. */
  static PgInterval age(LocalDateTime a, LocalDateTime b) {
    boolean neg = a.isBefore(b);
    long fsec = a.getNano() / 1000 - b.getNano() / 1000;
    long sec = a.getSecond() - b.getSecond();
    long min = a.getMinute() - b.getMinute();
    long hour = a.getHour() - b.getHour();
    long mday = a.getDayOfMonth() - b.getDayOfMonth();
    long mon = a.getMonthValue() - b.getMonthValue();
    long year = a.getYear() - b.getYear();
    if (neg) {
      fsec = -fsec; sec = -sec; min = -min; hour = -hour; mday = -mday; mon = -mon; year = -year;
    }
    while (fsec < 0) { fsec += 1_000_000; sec--; }
    while (sec < 0) { sec += 60; min--; }
    while (min < 0) { min += 60; hour--; }
    while (hour < 0) { hour += 24; mday--; }
    while (mday < 0) {
      LocalDateTime ref = neg ? a : b;
      mday += ref.toLocalDate().lengthOfMonth();
      mon--;
    }
    while (mon < 0) { mon += 12; year--; }
    long months = year * 12 + mon;
    long micros = ((hour * 60 + min) * 60 + sec) * 1_000_000 + fsec;
    if (neg) {
      months = -months; mday = -mday; micros = -micros;
    }
    return new PgInterval((int) months, (int) mday, micros);
  }
}
