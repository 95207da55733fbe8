package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Date, time and interval arithmetic as PostgreSQL does it: timestamp ± interval adds months (a
 * day past the month's end goes to its last day), then days, then the time part; date ± integer
 * is days; date - date is an integer; timestamp - timestamp is an interval of days and time
 * ({@code justify_hours}); interval ± interval, interval × / ÷ number spill fractional months into
 * days (30 a month) and fractional days into time. Results are made the kind Calcite typed them
 * as (Calcite types date + interval as DATE, PostgreSQL as timestamp).
 */
final class DateTimeArithmetic {
  private DateTimeArithmetic() {}

  static Expr binary(Arithmetic.Op op, Expr a, Expr b, DataType type) {
    TypeKind ka = a.type().kind();
    TypeKind kb = b.type().kind();
    TypeKind kt = type.kind();
    String name = op.symbol;
    boolean add = op == Arithmetic.Op.ADD;
    boolean sub = op == Arithmetic.Op.SUB;
    if ((add || sub) && ka == TypeKind.INTERVAL && kb == TypeKind.INTERVAL) {
      return Nodes.strict2(name, type, a, b, (x, y) -> add((PgInterval) x, sub ? negate((PgInterval) y) : (PgInterval) y));
    }
    if ((add || sub) && isDateTime(ka) && kb == TypeKind.INTERVAL) {
      return Nodes.strict2(name, type, a, b, (x, y) -> plus(x, sub ? negate((PgInterval) y) : (PgInterval) y, kt));
    }
    if (add && ka == TypeKind.INTERVAL && isDateTime(kb)) {
      return Nodes.strict2(name, type, a, b, (x, y) -> plus(y, (PgInterval) x, kt));
    }
    if ((add || sub) && ka == TypeKind.DATE && kb.isInteger()) {
      return Nodes.strict2(name, type, a, b, (x, y) -> plusDays((LocalDate) x, sub ? -Conv.toLong(y) : Conv.toLong(y), kt));
    }
    if (add && ka.isInteger() && kb == TypeKind.DATE) {
      return Nodes.strict2(name, type, a, b, (x, y) -> plusDays((LocalDate) y, Conv.toLong(x), kt));
    }
    if (add && ka == TypeKind.DATE && kb == TypeKind.TIME) {
      return Nodes.strict2(name, type, a, b, (x, y) -> Conv.dateTimeAs(((LocalDate) x).atTime((LocalTime) y), kt));
    }
    if (sub && ka == TypeKind.DATE && kb == TypeKind.DATE && kt.isInteger()) {
      return Nodes.strict2(name, type, a, b, (x, y) -> Conv.intOfKind(ChronoUnit.DAYS.between((LocalDate) y, (LocalDate) x), kt));
    }
    if (sub && isDateTime(ka) && isDateTime(kb) && ka != TypeKind.TIME && kb != TypeKind.TIME) {
      return Nodes.strict2(name, type, a, b, (x, y) -> difference(Conv.toTimestamp(x), Conv.toTimestamp(y), kt));
    }
    if (sub && ka == TypeKind.TIME && kb == TypeKind.TIME) {
      return Nodes.strict2(name, type, a, b,
          (x, y) -> new PgInterval(0, 0, (((LocalTime) x).toNanoOfDay() - ((LocalTime) y).toNanoOfDay()) / 1000));
    }
    if ((op == Arithmetic.Op.MUL || op == Arithmetic.Op.DIV) && ka == TypeKind.INTERVAL && kb.isNumeric()) {
      boolean div = op == Arithmetic.Op.DIV;
      return Nodes.strict2(name, type, a, b, (x, y) -> multiply((PgInterval) x, Conv.toDouble(y), div));
    }
    if (op == Arithmetic.Op.MUL && ka.isNumeric() && kb == TypeKind.INTERVAL) {
      return Nodes.strict2(name, type, a, b, (x, y) -> multiply((PgInterval) y, Conv.toDouble(x), false));
    }
    return null;
  }

  private static boolean isDateTime(TypeKind k) {
    return k == TypeKind.DATE || k == TypeKind.TIME || k == TypeKind.TIMESTAMP || k == TypeKind.TIMESTAMPTZ;
  }

  /** A date, time or timestamp plus an interval, as the result kind. */
  static Object plus(Object v, PgInterval iv, TypeKind kind) {
    if (v instanceof LocalTime t) {
      long nanos = Math.floorMod(iv.micros(), PgInterval.MICROS_PER_DAY) * 1000;
      return t.plusNanos(nanos);
    }
    LocalDateTime t = Conv.toTimestamp(v);
    try {
      t = t.plusMonths(iv.months()).plusDays(iv.days()).plus(iv.micros(), ChronoUnit.MICROS);
    } catch (java.time.DateTimeException e) {
      throw Errors.timestampOutOfRange();
    }
    return Conv.dateTimeAs(t, kind);
  }

  private static Object plusDays(LocalDate d, long days, TypeKind kind) {
    LocalDate r;
    try {
      r = d.plusDays(days);
    } catch (java.time.DateTimeException e) {
      throw Errors.dateOutOfRange();
    }
    if (r.getYear() < -4712 || r.getYear() > 5_874_897) {
      throw Errors.dateOutOfRange();
    }
    return kind == TypeKind.DATE ? r : Conv.dateTimeAs(r.atStartOfDay(), kind);
  }

  /** timestamp - timestamp: days and time of the same sign (PostgreSQL's justify_hours). */
  private static Object difference(LocalDateTime x, LocalDateTime y, TypeKind kind) {
    long micros = ChronoUnit.MICROS.between(y, x);
    if (kind.isInteger()) {
      return Conv.intOfKind(micros / PgInterval.MICROS_PER_DAY, kind);
    }
    return new PgInterval(0, (int) (micros / PgInterval.MICROS_PER_DAY), micros % PgInterval.MICROS_PER_DAY);
  }

  static PgInterval add(PgInterval x, PgInterval y) {
    try {
      return new PgInterval(Math.addExact(x.months(), y.months()), Math.addExact(x.days(), y.days()),
          Math.addExact(x.micros(), y.micros()));
    } catch (ArithmeticException e) {
      throw Errors.intervalOutOfRange();
    }
  }

  static PgInterval negate(PgInterval x) {
    try {
      return new PgInterval(Math.negateExact(x.months()), Math.negateExact(x.days()), Math.negateExact(x.micros()));
    } catch (ArithmeticException e) {
      throw Errors.intervalOutOfRange();
    }
  }

  /** PostgreSQL's interval_mul / interval_div. */
  static PgInterval multiply(PgInterval iv, double factor, boolean divide) {
    if (divide) {
      if (factor == 0) {
        throw Errors.divisionByZero();
      }
      factor = 1 / factor;
    }
    if (Double.isNaN(factor) || Double.isInfinite(factor)) {
      throw Errors.intervalOutOfRange();
    }
    double months = iv.months() * factor;
    double days = iv.days() * factor;
    if (Math.abs(months) > Integer.MAX_VALUE || Math.abs(days) > Integer.MAX_VALUE) {
      throw Errors.intervalOutOfRange();
    }
    int rMonths = (int) months;
    int rDays = (int) days;
    double monthRemainderDays = (months - rMonths) * 30;
    double secRemainder = (days - rDays + monthRemainderDays - (int) monthRemainderDays) * 86400;
    secRemainder = Math.rint(secRemainder * 1_000_000) / 1_000_000;
    if (Math.abs(secRemainder) >= 86400) {
      rDays += (int) (secRemainder / 86400);
      secRemainder -= (int) (secRemainder / 86400) * 86400.0;
    }
    rDays += (int) monthRemainderDays;
    double micros = Math.rint(iv.micros() * factor + secRemainder * 1_000_000);
    if (Math.abs(micros) >= 0x1p63) {
      throw Errors.intervalOutOfRange();
    }
    return new PgInterval(rMonths, rDays, (long) micros);
  }
}
