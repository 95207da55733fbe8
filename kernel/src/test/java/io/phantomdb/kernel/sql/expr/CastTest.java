package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CastTest extends ExprTestBase {
  private static final LocalDateTime TS = LocalDateTime.of(2024, 1, 31, 10, 11, 12, 500_000_000);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // numeric -> integer rounds half away from zero; float -> integer rounds half to even (rint)
    "cast(n as integer)|3", "cast(-n as integer)|-3", "cast(d as integer)|2", "cast(d + 1 as integer)|4",
    "cast(2.5 as integer)|3", "cast(-2.5 as integer)|-3", "cast(2.5e0 as integer)|2", "cast(3.5e0 as bigint)|4",
    "cast(i as numeric)|7", "cast(i as double)|7", "cast(i as real)|7", "cast(i as smallint)|7",
    "cast(d as numeric)|2.5", "cast(1e0 / 3 as numeric)|0.333333333333333", "cast(r as numeric)|0.1",
    "cast(n as numeric(3,1))|2.5", "cast(n as double)|2.5", "cast(n as real)|2.5",
    "cast(123.456 as numeric(5,2))|123.46", "cast(-123.455 as numeric(5,2))|-123.46",
    // to text
    "cast(i as varchar)|7", "cast(n as varchar)|2.50", "cast(d as varchar)|2.5", "cast(b as varchar)|true",
    "cast(dt as varchar)|2024-01-31", "cast(ts as varchar)|2024-01-31 10:11:12.5",
    "cast(tm as varchar)|10:11:12", "cast(iv as varchar)|1 day 02:00:00", "cast(ym as varchar)|1 year 2 mons",
    "cast(c3 as varchar)|ab", "cast(s as char(5))|hello", "cast(s as varchar(3))|hel",
    "cast(s as char(2))|he", "cast(i as char(1))|7",
    // from text
    "cast('42' as integer)|42", "cast(' 42 ' as bigint)|42", "cast('1.5' as numeric)|1.5",
    "cast('2.5' as numeric)|2.5", "cast('1e3' as double)|1000", "cast('yes' as boolean)|t",
    "cast('2024-02-29' as date)|2024-02-29", "cast('2024-02-29 01:02:03' as timestamp)|2024-02-29 01:02:03",
    "cast('13:14' as time)|13:14:00", "cast('1 day 2 hours' as interval day to second)|1 day 02:00:00",
    "cast('1 year 2 months' as interval year to month)|1 year 2 mons",
    // date/time
    "cast(ts as date)|2024-01-31", "cast(dt as timestamp)|2024-01-31 00:00:00", "cast(ts as time)|10:11:12.5",
    "cast(ts as timestamp(0))|2024-01-31 10:11:13", "cast(tz as timestamp)|2024-01-31 08:00:00",
    "cast(ts as timestamp with local time zone)|2024-01-31 10:11:12.5+00",
    "cast(dt as timestamp with local time zone)|2024-01-31 00:00:00+00"
  })
  void casts(String expr, String expected) {
    assertThat(text(expr, "i", 7, "n", new BigDecimal("2.50"), "d", 2.5, "r", 0.1f, "b", true,
        "dt", LocalDate.of(2024, 1, 31), "ts", TS, "tm", LocalTime.of(10, 11, 12), "s", "hello", "c3", "ab ",
        "iv", new PgInterval(0, 1, 7_200_000_000L), "ym", new PgInterval(14, 0, 0),
        "tz", Instant.parse("2024-01-31T08:00:00Z")))
        .as(expr).isEqualTo(expected);
  }

  @Test
  void charPads() {
    assertThat(eval("cast(s as char(7))", "s", "hello")).isEqualTo("hello  ");
    assertThat(eval("char_length(cast(s as char(7)))", "s", "hello")).isEqualTo(5);
  }

  @Test
  void nullCastsToNull() {
    for (String e : new String[] {"cast(i as varchar)", "cast(s as integer)", "cast(null as date)", "cast(ts as date)"}) {
      assertThat(eval(e)).as(e).isNull();
    }
  }

  @Test
  void badInput() {
    fails("cast(s as integer)", "22P02", "invalid input syntax for type integer: \"abc\"", "s", "abc");
    fails("cast(s as numeric)", "22P02", "invalid input syntax for type numeric: \"1.2.3\"", "s", "1.2.3");
    fails("cast(s as date)", "22007", "invalid input syntax for type date: \"soon\"", "s", "soon");
    fails("cast(s as boolean)", "22P02", "invalid input syntax for type boolean: \"maybe\"", "s", "maybe");
    fails("cast(s as uuid)", "22P02", "invalid input syntax for type uuid: \"x\"", "s", "x");
    fails("cast('abc' as integer)", "22P02", "invalid input syntax for type integer: \"abc\"");
  }

  @Test
  void outOfRange() {
    fails("cast(i as smallint)", "22003", "smallint out of range", "i", 40000);
    fails("cast(bi as integer)", "22003", "integer out of range", "bi", 1L << 40);
    fails("cast(d as integer)", "22003", "integer out of range", "d", 3e9);
    fails("cast(d as bigint)", "22003", "bigint out of range", "d", Double.NaN);
    fails("cast(n as numeric(3,1))", "22003", "numeric field overflow", "n", new BigDecimal("99.99"));
    fails("cast(d as numeric)", "0A000", "cannot convert infinity to numeric", "d", Double.POSITIVE_INFINITY);
    fails("cast(d as real)", "22003", "value out of range: overflow", "d", 1e300);
    fails("cast(s as integer)", "22003", "value \"99999999999\" is out of range for type integer", "s", "99999999999");
  }

  @Test
  void uuidAndBytes() {
    UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertThat(eval("cast(s as uuid)", "s", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")).isEqualTo(u);
    assertThat(eval("cast(u as varchar)", "u", u)).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertThat(text("cast(s as varbinary)", "s", "\\x0aff")).isEqualTo("\\x0aff");
    assertThat(eval("cast(ba as varchar)", "ba", new byte[] {1, 2})).isEqualTo("\\x0102");
  }

  @Test
  void assignmentCastRejectsWhatExplicitCastCuts() {
    Expr s = F.compile("s");
    DataType v3 = DataType.of(TypeKind.VARCHAR, 3, 0);
    Expr assign = ExprCompiler.assignmentCast(s, v3);
    Expr explicit = ExprCompiler.cast(s, v3);
    Object[] row = SqlFixture.row("s", "abcd");
    assertThat(explicit.eval(row, SqlFixture.CTX)).isEqualTo("abc");
    fails(() -> assign.eval(row, SqlFixture.CTX), "22001", "value too long for type character varying(3)");
    assertThat(assign.eval(SqlFixture.row("s", "abc  "), SqlFixture.CTX)).isEqualTo("abc");
    Expr c5 = ExprCompiler.assignmentCast(s, DataType.of(TypeKind.CHAR, 5, 0));
    assertThat(c5.eval(SqlFixture.row("s", "ab"), SqlFixture.CTX)).isEqualTo("ab   ");
    Expr n = ExprCompiler.assignmentCast(F.compile("i"), DataType.of(TypeKind.NUMERIC, 4, 2));
    assertThat(n.eval(SqlFixture.row("i", 12), SqlFixture.CTX)).isEqualTo(new BigDecimal("12.00"));
    fails(() -> n.eval(SqlFixture.row("i", 100), SqlFixture.CTX), "22003", "numeric field overflow");
    Expr si = ExprCompiler.assignmentCast(F.compile("i"), DataType.of(TypeKind.SMALLINT));
    fails(() -> si.eval(SqlFixture.row("i", 1 << 20), SqlFixture.CTX), "22003", "smallint out of range");
    fails(() -> ExprCompiler.assignmentCast(F.compile("b"), DataType.of(TypeKind.DATE)), "42804",
        "cannot cast type boolean to date");
  }

  @Test
  void parametersAreCastToTheirType() {
    Expr p = F.compile("i + ?");
    assertThat(p.eval(SqlFixture.row("i", 1), new EvalContext(new Object[] {"41"}, SqlFixture.START,
        java.time.ZoneOffset.UTC))).isEqualTo(42);
    assertThat(p.eval(SqlFixture.row("i", 1), new EvalContext(new Object[] {null}, SqlFixture.START,
        java.time.ZoneOffset.UTC))).isNull();
    fails(() -> p.eval(SqlFixture.row("i", 1), EvalContext.of()), "42P02", "there is no parameter $1");
  }
}
