package io.phantomdb.kernel.sql.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TextCodec against PostgreSQL's documented text input and output. */
class TextCodecTest {
  private static final DataType INT = DataType.of(TypeKind.INTEGER);

  private static Object parse(String text, TypeKind kind) {
    return TextCodec.parse(text, DataType.of(kind));
  }

  private static String roundTrip(String text, TypeKind kind) {
    DataType t = DataType.of(kind);
    return TextCodec.format(TextCodec.parse(text, t), t);
  }

  private static void fails(ThrowingCallable c, String sqlState, String message) {
    assertThatThrownBy(c)
        .isInstanceOf(SqlException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((SqlException) e).sqlState()).isEqualTo(sqlState));
  }

  @ParameterizedTest
  @CsvSource({
    "t,true", "true,true", "TRUE,true", "tru,true", "' yes ',true", "y,true", "on,true", "1,true",
    "f,false", "false,false", "no,false", "n,false", "off,false", "of,false", "0,false"
  })
  void booleans(String text, boolean expected) {
    assertThat(parse(text, TypeKind.BOOLEAN)).isEqualTo(expected);
  }

  @Test
  void badBooleans() {
    for (String s : new String[] {"o", "2", "yess", "", "truex", "10"}) {
      fails(() -> parse(s, TypeKind.BOOLEAN), "22P02",
          "invalid input syntax for type boolean: \"" + s + "\"");
    }
    assertThat(TextCodec.format(true, DataType.of(TypeKind.BOOLEAN))).isEqualTo("t");
  }

  @Test
  void integers() {
    assertThat(parse(" 42 ", TypeKind.INTEGER)).isEqualTo(42);
    assertThat(parse("-2147483648", TypeKind.INTEGER)).isEqualTo(Integer.MIN_VALUE);
    assertThat(parse("+7", TypeKind.SMALLINT)).isEqualTo((short) 7);
    assertThat(parse("9223372036854775807", TypeKind.BIGINT)).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("0x1F", TypeKind.INTEGER)).isEqualTo(31);
    assertThat(parse("0o17", TypeKind.INTEGER)).isEqualTo(15);
    assertThat(parse("0b101", TypeKind.INTEGER)).isEqualTo(5);
    assertThat(parse("1_000_000", TypeKind.INTEGER)).isEqualTo(1_000_000);
    // plain digits take a shorter path: same answers
    assertThat(parse("-0", TypeKind.INTEGER)).isEqualTo(0);
    assertThat(parse("007", TypeKind.SMALLINT)).isEqualTo((short) 7);
    assertThat(parse("-123456789012345678", TypeKind.BIGINT)).isEqualTo(-123456789012345678L);
    fails(() -> parse("-32769", TypeKind.SMALLINT), "22003", "value \"-32769\" is out of range for type smallint");
    fails(() -> parse("-", TypeKind.INTEGER), "22P02", "invalid input syntax for type integer: \"-\"");
    fails(() -> parse("abc", TypeKind.INTEGER), "22P02", "invalid input syntax for type integer: \"abc\"");
    fails(() -> parse("1.5", TypeKind.INTEGER), "22P02", "invalid input syntax for type integer: \"1.5\"");
    fails(() -> parse("", TypeKind.BIGINT), "22P02", "invalid input syntax for type bigint: \"\"");
    fails(() -> parse("1__0", TypeKind.INTEGER), "22P02", "invalid input syntax for type integer: \"1__0\"");
    fails(() -> parse("2147483648", TypeKind.INTEGER), "22003",
        "value \"2147483648\" is out of range for type integer");
    fails(() -> parse("32768", TypeKind.SMALLINT), "22003",
        "value \"32768\" is out of range for type smallint");
    fails(() -> parse("99999999999999999999", TypeKind.BIGINT), "22003",
        "value \"99999999999999999999\" is out of range for type bigint");
  }

  @Test
  void numerics() {
    assertThat(parse(" 1.50 ", TypeKind.NUMERIC)).isEqualTo(new BigDecimal("1.50"));
    assertThat(parse("1e3", TypeKind.NUMERIC)).isEqualTo(new BigDecimal("1000"));
    assertThat(parse(".5", TypeKind.NUMERIC)).isEqualTo(new BigDecimal("0.5"));
    assertThat(parse("-0.001", TypeKind.NUMERIC)).isEqualTo(new BigDecimal("-0.001"));
    DataType n52 = DataType.of(TypeKind.NUMERIC, 5, 2);
    assertThat(TextCodec.parse("123.455", n52)).isEqualTo(new BigDecimal("123.46"));
    assertThat(TextCodec.parse("-123.455", n52)).isEqualTo(new BigDecimal("-123.46"));
    assertThat(TextCodec.parse("1", n52)).isEqualTo(new BigDecimal("1.00"));
    fails(() -> TextCodec.parse("1000", n52), "22003", "numeric field overflow");
    fails(() -> TextCodec.parse("999.995", n52), "22003", "numeric field overflow");
    fails(() -> parse("NaN", TypeKind.NUMERIC), "22P02", "invalid input syntax for type numeric: \"NaN\"");
    fails(() -> parse("1,5", TypeKind.NUMERIC), "22P02", "invalid input syntax for type numeric: \"1,5\"");
    assertThat(TextCodec.format(new BigDecimal("1.50"), DataType.of(TypeKind.NUMERIC))).isEqualTo("1.50");
    assertThat(TextCodec.format(new BigDecimal("1E+3"), DataType.of(TypeKind.NUMERIC))).isEqualTo("1000");
  }

  @Test
  void floats() {
    assertThat(parse("1.5", TypeKind.DOUBLE)).isEqualTo(1.5);
    assertThat(parse("-Infinity", TypeKind.DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(parse("inf", TypeKind.DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat((Double) parse("NaN", TypeKind.DOUBLE)).isNaN();
    assertThat(parse(" 1e-3 ", TypeKind.REAL)).isEqualTo(0.001f);
    fails(() -> parse("1e400", TypeKind.DOUBLE), "22003", "\"1e400\" is out of range for type double precision");
    fails(() -> parse("1e-400", TypeKind.DOUBLE), "22003", "\"1e-400\" is out of range for type double precision");
    fails(() -> parse("1e39", TypeKind.REAL), "22003", "\"1e39\" is out of range for type real");
    fails(() -> parse("x1", TypeKind.REAL), "22P02", "invalid input syntax for type real: \"x1\"");
    fails(() -> parse("1d", TypeKind.DOUBLE), "22P02", "invalid input syntax for type double precision: \"1d\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "1|1", "0.1|0.1", "-0|-0", "1e15|1e+15", "123456789012345|123456789012345",
    "1.5e20|1.5e+20", "0.0001|0.0001", "0.00001|1e-05", "3.141592653589793|3.141592653589793",
    "1.5e-10|1.5e-10", "Infinity|Infinity", "nan|NaN",
    "100|100", "-2.5|-2.5"
  })
  void doubleOutput(String in, String out) {
    assertThat(roundTrip(in, TypeKind.DOUBLE)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "1|1", "0.1|0.1", "123456|123456", "1234567|1.234567e+06", "3.14159|3.14159", "1e-5|1e-05"
  })
  void realOutput(String in, String out) {
    assertThat(roundTrip(in, TypeKind.REAL)).isEqualTo(out);
  }

  @Test
  void strings() {
    DataType c3 = DataType.of(TypeKind.CHAR, 3, 0);
    DataType v3 = DataType.of(TypeKind.VARCHAR, 3, 0);
    assertThat(TextCodec.parse("ab", c3)).isEqualTo("ab ");
    assertThat(TextCodec.parse("abc   ", c3)).isEqualTo("abc");
    assertThat(TextCodec.parse("ab", v3)).isEqualTo("ab");
    assertThat(TextCodec.parse("abc  ", v3)).isEqualTo("abc");
    fails(() -> TextCodec.parse("abcd", v3), "22001", "value too long for type character varying(3)");
    fails(() -> TextCodec.parse("abcd", c3), "22001", "value too long for type character(3)");
    assertThat(TextCodec.fitString("abcd", v3, true)).isEqualTo("abc");
    assertThat(TextCodec.parse("anything", DataType.of(TypeKind.TEXT))).isEqualTo("anything");
  }

  @Test
  void bytea() {
    assertThat((byte[]) parse("\\xDEADbeef", TypeKind.BYTEA))
        .containsExactly(0xde, 0xad, 0xbe, 0xef);
    assertThat((byte[]) parse("\\x de ad", TypeKind.BYTEA)).containsExactly(0xde, 0xad);
    assertThat((byte[]) parse("ab\\\\c\\001", TypeKind.BYTEA)).containsExactly('a', 'b', '\\', 'c', 1);
    assertThat(roundTrip("\\x00ff", TypeKind.BYTEA)).isEqualTo("\\x00ff");
    assertThat(roundTrip("abc", TypeKind.BYTEA)).isEqualTo("\\x616263");
    fails(() -> parse("\\x0", TypeKind.BYTEA), "22023", "invalid hexadecimal data: odd number of digits");
    fails(() -> parse("\\xzz", TypeKind.BYTEA), "22023", "invalid hexadecimal digit: \"z\"");
    fails(() -> parse("a\\9", TypeKind.BYTEA), "22P02", "invalid input syntax for type bytea: \"a\\9\"");
  }

  @Test
  void uuids() {
    UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    for (String s : new String[] {
      "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
      "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
      "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}"
    }) {
      assertThat(parse(s, TypeKind.UUID)).as(s).isEqualTo(u);
    }
    assertThat(TextCodec.format(u, DataType.of(TypeKind.UUID))).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    for (String s : new String[] {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11",
        "-a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc999c0b4ef8bb6d6bb9bd380a11-", "g0eebc999c0b4ef8bb6d6bb9bd380a11"}) {
      fails(() -> parse(s, TypeKind.UUID), "22P02", "invalid input syntax for type uuid: \"" + s + "\"");
    }
  }

  @Test
  void dates() {
    assertThat(parse("2024-01-31", TypeKind.DATE)).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(parse(" 20240131 ", TypeKind.DATE)).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(parse("1/8/1999", TypeKind.DATE)).isEqualTo(LocalDate.of(1999, 1, 8));
    assertThat(parse("1999/01/08", TypeKind.DATE)).isEqualTo(LocalDate.of(1999, 1, 8));
    assertThat(parse("08-Jan-1999", TypeKind.DATE)).isEqualTo(LocalDate.of(1999, 1, 8));
    assertThat(parse("1999-January-08", TypeKind.DATE)).isEqualTo(LocalDate.of(1999, 1, 8));
    assertThat(parse("2024-01-31 10:11:12", TypeKind.DATE)).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(parse("0044-03-15 BC", TypeKind.DATE)).isEqualTo(LocalDate.of(-43, 3, 15));
    assertThat(parse("epoch", TypeKind.DATE)).isEqualTo(LocalDate.of(1970, 1, 1));
    assertThat(roundTrip("0044-03-15 BC", TypeKind.DATE)).isEqualTo("0044-03-15 BC");
    assertThat(roundTrip("10000-01-01", TypeKind.DATE)).isEqualTo("10000-01-01");
    assertThat(roundTrip("99-01-01", TypeKind.DATE)).isEqualTo("0099-01-01");
    fails(() -> parse("2024-13-01", TypeKind.DATE), "22008", "date/time field value out of range: \"2024-13-01\"");
    fails(() -> parse("2023-02-29", TypeKind.DATE), "22008", "date/time field value out of range: \"2023-02-29\"");
    fails(() -> parse("0000-01-01", TypeKind.DATE), "22008", "date/time field value out of range: \"0000-01-01\"");
    fails(() -> parse("yesterdayish", TypeKind.DATE), "22007", "invalid input syntax for type date: \"yesterdayish\"");
    fails(() -> parse("10:00", TypeKind.DATE), "22007", "invalid input syntax for type date: \"10:00\"");
    fails(() -> parse("6000000-01-01", TypeKind.DATE), "22008", "date out of range: \"6000000-01-01\"");
  }

  @Test
  void times() {
    assertThat(parse("10:11", TypeKind.TIME)).isEqualTo(LocalTime.of(10, 11));
    assertThat(parse("10:11:12.5", TypeKind.TIME)).isEqualTo(LocalTime.of(10, 11, 12, 500_000_000));
    assertThat(parse("10:11:12.1234567", TypeKind.TIME)).isEqualTo(LocalTime.of(10, 11, 12, 123_457_000));
    assertThat(parse("10:11:12+02", TypeKind.TIME)).isEqualTo(LocalTime.of(10, 11, 12));
    assertThat(TextCodec.parse("10:11:12.56", DataType.of(TypeKind.TIME, 1, 0)))
        .isEqualTo(LocalTime.of(10, 11, 12, 600_000_000));
    assertThat(roundTrip("10:11:12.500", TypeKind.TIME)).isEqualTo("10:11:12.5");
    assertThat(roundTrip("00:00", TypeKind.TIME)).isEqualTo("00:00:00");
    fails(() -> parse("25:00", TypeKind.TIME), "22008", "date/time field value out of range: \"25:00\"");
    fails(() -> parse("10:60", TypeKind.TIME), "22008", "date/time field value out of range: \"10:60\"");
    fails(() -> parse("ten", TypeKind.TIME), "22007", "invalid input syntax for type time: \"ten\"");
  }

  @Test
  void timestamps() {
    LocalDateTime ts = LocalDateTime.of(2024, 1, 31, 10, 11, 12, 123_456_000);
    assertThat(parse("2024-01-31 10:11:12.123456", TypeKind.TIMESTAMP)).isEqualTo(ts);
    assertThat(parse("2024-01-31T10:11:12.123456", TypeKind.TIMESTAMP)).isEqualTo(ts);
    assertThat(parse("2024-01-31 10:11:12.123456+05", TypeKind.TIMESTAMP)).isEqualTo(ts);
    assertThat(parse("2024-01-31", TypeKind.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
    assertThat(parse("2024-01-31 24:00:00", TypeKind.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
    assertThat(parse("2024-01-31 23:59:59.9999999", TypeKind.TIMESTAMP))
        .isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
    assertThat(TextCodec.parse("2024-01-31 10:11:12.5", DataType.of(TypeKind.TIMESTAMP, 0, 0)))
        .isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 11, 13));
    assertThat(roundTrip("2024-01-31 10:11:12.120", TypeKind.TIMESTAMP)).isEqualTo("2024-01-31 10:11:12.12");
    assertThat(roundTrip("0001-01-01 00:00:00 BC", TypeKind.TIMESTAMP)).isEqualTo("0001-01-01 00:00:00 BC");
    fails(() -> parse("2024-01-31 10:11:12 x", TypeKind.TIMESTAMP), "22007",
        "invalid input syntax for type timestamp: \"2024-01-31 10:11:12 x\"");
    fails(() -> parse("300000-01-01", TypeKind.TIMESTAMP), "22008", "timestamp out of range: \"300000-01-01\"");
  }

  @Test
  void timestampsWithTimeZone() {
    Instant i = Instant.parse("2024-01-31T08:11:12Z");
    assertThat(parse("2024-01-31 10:11:12+02", TypeKind.TIMESTAMPTZ)).isEqualTo(i);
    assertThat(parse("2024-01-31 10:11:12 +02:00", TypeKind.TIMESTAMPTZ)).isEqualTo(i);
    assertThat(parse("2024-01-31 10:11:12+0200", TypeKind.TIMESTAMPTZ)).isEqualTo(i);
    assertThat(parse("2024-01-31T08:11:12Z", TypeKind.TIMESTAMPTZ)).isEqualTo(i);
    assertThat(parse("2024-01-31 08:11:12", TypeKind.TIMESTAMPTZ)).isEqualTo(i);
    assertThat(parse("2024-01-31 08:11:12 UTC", TypeKind.TIMESTAMPTZ)).isEqualTo(i);
    assertThat(parse("2024-01-31 09:11:12 Europe/Berlin", TypeKind.TIMESTAMPTZ)).isEqualTo(i);
    assertThat(parse("2024-01-31 03:11:12-05", TypeKind.TIMESTAMPTZ)).isEqualTo(i);
    assertThat(TextCodec.format(i, DataType.of(TypeKind.TIMESTAMPTZ))).isEqualTo("2024-01-31 08:11:12+00");
    fails(() -> parse("2024-01-31 08:11:12 Mars/Base", TypeKind.TIMESTAMPTZ), "22023",
        "time zone \"Mars/Base\" not recognized");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "1 day|0|1|0",
    "1 day 2 hours|0|1|7200000000",
    "1 year 2 mons|14|0|0",
    "1 year 2 months 3 days 04:05:06.5|14|3|14706500000",
    "01:02:03|0|0|3723000000",
    "-01:02:03|0|0|-3723000000",
    "P1D|0|1|0",
    "P1Y2M3DT4H5M6S|14|3|14706000000",
    "PT1.5S|0|0|1500000",
    "1-2|14|0|0",
    "1 2:03:04|0|1|7384000000",
    "@ 1 day ago|0|-1|0",
    "1 day ago|0|-1|0",
    "1.5 years|18|0|0",
    "1.5 months|1|15|0",
    "1.5 days|0|1|43200000000",
    "2 weeks|0|14|0",
    "5|0|0|5000000",
    "3 ms|0|0|3000",
    "10 us|0|0|10",
    "1 century|1200|0|0",
    "-1 day +2 hours|0|-1|7200000000",
    "1h 30m|0|0|5400000000",
    "1 mon -1 days|1|-1|0"
  })
  void intervals(String text, int months, int days, long micros) {
    assertThat(parse(text, TypeKind.INTERVAL)).isEqualTo(new PgInterval(months, days, micros));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0|0|0|00:00:00",
    "14|3|14706500000|1 year 2 mons 3 days 04:05:06.5",
    "0|1|0|1 day",
    "0|2|0|2 days",
    "0|-1|0|-1 days",
    "-12|0|0|-1 years",
    "-14|3|-3723000000|-1 years -2 mons +3 days -01:02:03",
    "0|-1|7200000000|-1 days +02:00:00",
    "1|-1|0|1 mon -1 days",
    "0|0|90000000000|25:00:00",
    "0|0|1|00:00:00.000001"
  })
  void intervalOutput(int months, int days, long micros, String expected) {
    assertThat(TextCodec.format(new PgInterval(months, days, micros), DataType.of(TypeKind.INTERVAL)))
        .isEqualTo(expected);
  }

  @Test
  void badIntervals() {
    for (String s : new String[] {"1 fortnight", "", "abc", "1 2 3", "P1X", "PT", "1 day ago ago"}) {
      fails(() -> parse(s, TypeKind.INTERVAL), "22007", "invalid input syntax for type interval: \"" + s + "\"");
    }
    fails(() -> parse("3000000000 days", TypeKind.INTERVAL), "22015",
        "interval field value out of range: \"3000000000 days\"");
  }
}
