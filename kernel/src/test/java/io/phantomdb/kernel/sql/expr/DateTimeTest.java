package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.PhantomTypeSystem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeTest extends ExprTestBase {
  private static final Object[] ROW = {
    "dt", LocalDate.of(2024, 1, 31), "ts", LocalDateTime.of(2024, 1, 31, 10, 11, 12, 500_000_000),
    "tz", Instant.parse("2024-01-31T10:11:12Z"), "tm", LocalTime.of(23, 0), "iv", new PgInterval(0, 1, 7_200_000_000L),
    "ym", new PgInterval(14, 0, 0)
  };

  private static String t(String expr) {
    return text(expr, ROW);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "ts + interval '1' month;2024-02-29 10:11:12.5", "ts + interval '1' day;2024-02-01 10:11:12.5",
    "ts - interval '11' hour;2024-01-30 23:11:12.5", "ts + iv;2024-02-01 12:11:12.5", "ts - ym;2022-11-30 10:11:12.5",
    "ts + interval '1-1' year to month;2025-02-28 10:11:12.5", "dt + interval '1' day;2024-02-01",
    "dt + interval '1' month;2024-02-29", "tz + interval '1' day;2024-02-01 10:11:12+00",
    "tm + interval '2' hour;01:00:00", "tm - interval '24' hour;23:00:00",
    "(ts - timestamp '2024-01-30 08:00:00') day to second;1 day 02:11:12.5",
    "(timestamp '2024-01-01 00:00:00' - ts) day to second;-30 days -10:11:12.5",
    "iv + iv;2 days 04:00:00", "iv - iv;00:00:00", "-iv;-1 days -02:00:00", "iv * 2;2 days 04:00:00",
    "iv / 2;13:00:00", "2 * iv;2 days 04:00:00", "ym * 1.5;1 year 9 mons", "ym / 4;3 mons 15 days",
    "interval '1' month * 0.5;15 days", "iv * 0.5;13:00:00"
  })
  void arithmetic(String expr, String expected) {
    assertThat(t(expr)).as(expr).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "extract(year from ts);2024", "extract(month from ts);1", "extract(day from ts);31", "extract(hour from ts);10",
    "extract(minute from ts);11", "extract(second from ts);12", "extract(dow from ts);3", "extract(doy from ts);31",
    "extract(quarter from ts);1", "extract(week from ts);5", "extract(century from ts);21",
    "extract(millennium from ts);3", "extract(decade from ts);202", "extract(epoch from dt);1706659200",
    "extract(isodow from ts);3", "extract(year from dt);2024", "extract(hour from tm);23",
    "date_part('second', ts);12.5", "date_part('epoch', ts);1706695872.5", "date_part('milliseconds', ts);12500",
    "date_part('microseconds', ts);12500000", "date_part('day', iv);1", "date_part('hour', iv);2",
    "date_part('epoch', iv);93600", "date_part('month', ym);2", "date_part('year', ym);1",
    "date_part('epoch', ym);36741600", "date_part('hour', tz);10", "extract(epoch from tz);1706695872"
  })
  void extract(String expr, String expected) {
    assertThat(t(expr)).as(expr).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "date_trunc('month', ts);2024-01-01 00:00:00", "date_trunc('week', ts);2024-01-29 00:00:00",
    "date_trunc('quarter', ts);2024-01-01 00:00:00", "date_trunc('year', ts);2024-01-01 00:00:00",
    "date_trunc('hour', ts);2024-01-31 10:00:00", "date_trunc('minute', ts);2024-01-31 10:11:00",
    "date_trunc('second', ts);2024-01-31 10:11:12", "date_trunc('day', ts);2024-01-31 00:00:00",
    "date_trunc('decade', ts);2020-01-01 00:00:00", "date_trunc('century', ts);2001-01-01 00:00:00",
    "date_trunc('millennium', ts);2001-01-01 00:00:00", "date_trunc('DAY', tz);2024-01-31 00:00:00+00",
    "floor(ts to day);2024-01-31 00:00:00", "ceil(ts to day);2024-02-01 00:00:00",
    "floor(ts to month);2024-01-01 00:00:00", "ceil(ts to month);2024-02-01 00:00:00",
    "ceil(dt to month);2024-02-01", "floor(dt to year);2024-01-01"
  })
  void truncation(String expr, String expected) {
    assertThat(t(expr)).as(expr).isEqualTo(expected);
  }

  @Test
  void currentTimeIsTheStatementStart() {
    assertThat(t("now()")).isEqualTo("2024-03-15 10:20:30.123456+00");
    assertThat(t("current_timestamp")).isEqualTo("2024-03-15 10:20:30.123456+00");
    assertThat(t("localtimestamp")).isEqualTo("2024-03-15 10:20:30.123456");
    assertThat(t("current_date")).isEqualTo("2024-03-15");
    assertThat(t("current_time")).isEqualTo("10:20:30.123456");
    assertThat(t("localtime")).isEqualTo("10:20:30.123456");
    assertThat(t("current_timestamp(0)")).isEqualTo("2024-03-15 10:20:30+00");
    assertThat(F.rex("now()").isA(org.apache.calcite.sql.SqlKind.OTHER_FUNCTION)).isTrue();
  }

  @Test
  void literalsKeepMicroseconds() {
    assertThat(t("timestamp '2024-01-31 10:11:12.123456'")).isEqualTo("2024-01-31 10:11:12.123456");
    assertThat(t("time '10:11:12.5'")).isEqualTo("10:11:12.5");
    assertThat(t("date '2024-02-29'")).isEqualTo("2024-02-29");
    assertThat(t("interval '1 2:03:04.5' day to second")).isEqualTo("1 day 02:03:04.5");
    assertThat(t("interval '3' hour")).isEqualTo("03:00:00");
    assertThat(t("interval '26' hour")).isEqualTo("26:00:00");
    assertThat(t("interval '1-2' year to month")).isEqualTo("1 year 2 mons");
  }

  @Test
  void age() {
    assertThat(t("age(timestamp '2001-04-10 00:00:00', timestamp '1957-06-13 00:00:00')"))
        .isEqualTo("43 years 9 mons 27 days");
    assertThat(t("age(timestamp '1957-06-13 00:00:00', timestamp '2001-04-10 00:00:00')"))
        .isEqualTo("-43 years -9 mons -27 days");
    assertThat(t("age(ts, timestamp '2024-01-30 12:00:00')")).isEqualTo("22:11:12.5");
    assertThat(t("age(timestamp '2023-03-15 00:00:00')")).isEqualTo("1 year");
  }

  @Test
  void errors() {
    fails("ts + interval '300000' year", "22008", "timestamp out of range", "ts", LocalDateTime.of(2024, 1, 1, 0, 0));
    fails("date_trunc('fortnight', ts)", "22023", "unit \"fortnight\" not recognized for type timestamp",
        "ts", LocalDateTime.of(2024, 1, 1, 0, 0));
    fails("iv / 0", "22012", "division by zero", "iv", PgInterval.ZERO);
    fails("date_part('fortnight', ts)", "22023", "unit \"fortnight\" not recognized",
        "ts", LocalDateTime.of(2024, 1, 1, 0, 0));
  }

  /** date + integer, date - date: PostgreSQL operators Calcite's validator lacks, built directly. */
  @Test
  void dateIntegerArithmetic() {
    RelDataTypeFactory tf = new SqlTypeFactoryImpl(PhantomTypeSystem.INSTANCE);
    RexBuilder rb = new RexBuilder(tf);
    RelDataType date = tf.createSqlType(SqlTypeName.DATE);
    RelDataType integer = tf.createSqlType(SqlTypeName.INTEGER);
    RexNode d = rb.makeInputRef(date, 0);
    RexNode d2 = rb.makeInputRef(date, 1);
    RexNode seven = rb.makeExactLiteral(BigDecimal.valueOf(7));
    Object[] row = {LocalDate.of(2024, 2, 25), LocalDate.of(2024, 1, 1)};
    assertThat(ExprCompiler.compile(rb.makeCall(date, SqlStdOperatorTable.PLUS, java.util.List.of(d, seven)))
        .eval(row, SqlFixture.CTX)).isEqualTo(LocalDate.of(2024, 3, 3));
    assertThat(ExprCompiler.compile(rb.makeCall(date, SqlStdOperatorTable.PLUS, java.util.List.of(seven, d)))
        .eval(row, SqlFixture.CTX)).isEqualTo(LocalDate.of(2024, 3, 3));
    assertThat(ExprCompiler.compile(rb.makeCall(date, SqlStdOperatorTable.MINUS, java.util.List.of(d, seven)))
        .eval(row, SqlFixture.CTX)).isEqualTo(LocalDate.of(2024, 2, 18));
    assertThat(ExprCompiler.compile(rb.makeCall(integer, SqlStdOperatorTable.MINUS, java.util.List.of(d, d2)))
        .eval(row, SqlFixture.CTX)).isEqualTo(55);
  }

  @Test
  void nulls() {
    for (String e : new String[] {"ts + iv", "extract(year from ts)", "date_trunc('day', ts)", "iv * 2",
        "date_part('year', dt)", "age(ts, ts)", "floor(ts to day)"}) {
      assertThat(eval(e)).as(e).isNull();
    }
  }
}
