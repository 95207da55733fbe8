package io.phantomdb.kernel.sql.type;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;

/**
 * Values as PostgreSQL writes and reads them in its text format (what psql shows, what the wire
 * protocol's text format carries, what a cast to or from text does, how literals and COPY data
 * are read), with {@code DateStyle = ISO, MDY}, {@code IntervalStyle = postgres} and the session
 * time zone UTC.
 *
 * <p>Input errors are {@link SqlException}s with PostgreSQL's SQLSTATE and message: {@code 22P02
 * invalid input syntax for type integer: "abc"} for numbers, booleans, uuid and bytea; {@code
 * 22007} for dates, times and intervals; {@code 22008} for out-of-range date/time fields; {@code
 * 22003} for numbers out of range; {@code 22001} for strings longer than a CHAR(n)/VARCHAR(n).
 */
public final class TextCodec {
  private TextCodec() {}

  /**
   * Formats a non-null value of the given type.
   *
   * @param value the value, of the Java class {@link TypeKind} names for the type's kind
   * @param type its type
   * @return PostgreSQL's text form, such as {@code t}, {@code 1.50}, {@code 2024-01-31 10:00:00}
   */
  public static String format(Object value, DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> ((Boolean) value) ? "t" : "f";
      case REAL -> NumberText.formatFloat(((Float) value).doubleValue(), true);
      case DOUBLE -> NumberText.formatFloat((Double) value, false);
      case NUMERIC -> ((BigDecimal) value).toPlainString();
      case BYTEA -> "\\x" + HexFormat.of().formatHex((byte[]) value);
      case DATE -> DateTimeText.formatDate((LocalDate) value);
      case TIME -> DateTimeText.formatTime((LocalTime) value);
      case TIMESTAMP -> DateTimeText.formatTimestamp((LocalDateTime) value, "");
      case TIMESTAMPTZ -> DateTimeText.formatTimestampTz((Instant) value);
      case INTERVAL -> IntervalText.format((PgInterval) value);
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY ->
          ArrayText.format((PgArray) value, DataType.of(type.kind().elementKind()));
      case RECORD -> ((PgRecord) value).text();
      default -> value.toString();
    };
  }

  /**
   * Formats a non-null value as {@link #format(Object, DataType)}, a timestamptz in a session
   * time zone ({@code 2024-01-31 11:00:00+01}).
   *
   * @param value the value
   * @param type its type
   * @param zone the session time zone
   * @return PostgreSQL's text form
   */
  public static String format(Object value, DataType type, java.time.ZoneId zone) {
    if (type.kind() == TypeKind.TIMESTAMPTZ) {
      return DateTimeText.formatTimestampTz((Instant) value, zone);
    }
    return format(value, type);
  }

  /**
   * Reads a value as {@link #parse(String, DataType)}, a timestamptz without a zone in a session
   * time zone.
   *
   * @param text the text
   * @param type the type to read it as
   * @param zone the session time zone
   * @return the value
   * @throws SqlException when the text is not a value of the type
   */
  public static Object parse(String text, DataType type, java.time.ZoneId zone) {
    if (type.kind() == TypeKind.TIMESTAMPTZ) {
      return DateTimeText.parse(text, type, zone);
    }
    return parse(text, type);
  }

  /**
   * Reads PostgreSQL's text input form of a value (the type's input function).
   *
   * <p>CHAR(n) pads with blanks; CHAR(n) and VARCHAR(n) accept longer text only if the excess is
   * blanks (it is cut off), otherwise 22001, as PostgreSQL does on input and assignment. NUMERIC
   * with a precision rounds to its scale (half away from zero) and fails with 22003 if the value
   * does not fit. TIME/TIMESTAMP with a precision below 6 round the fraction.
   *
   * @param text the text, not null
   * @param type the type to read it as
   * @return the value, of the Java class the type's {@link TypeKind} names
   * @throws SqlException when the text is not a value of the type
   */
  public static Object parse(String text, DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> NumberText.parseBoolean(text);
      case SMALLINT, INTEGER, BIGINT -> NumberText.parseInteger(text, type.kind());
      case NUMERIC -> NumberText.parseNumeric(text, type);
      case REAL -> NumberText.parseFloat(text, true);
      case DOUBLE -> NumberText.parseFloat(text, false);
      case CHAR, VARCHAR -> fitString(text, type, false);
      case TEXT, UNKNOWN -> text;
      case BYTEA -> parseBytea(text);
      case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> DateTimeText.parse(text, type);
      case INTERVAL -> IntervalText.parse(text);
      case UUID -> parseUuid(text);
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY ->
          ArrayText.parse(text, DataType.of(type.kind().elementKind()));
      case RECORD -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "input of anonymous composite types is not implemented");
    };
  }

  /**
   * Fits a string to a CHAR(n) or VARCHAR(n) type (other types: unchanged). CHAR(n) is padded
   * with blanks to n. Longer strings: cut to n if {@code truncate} (an explicit cast) or if the
   * excess is only blanks; otherwise 22001 {@code value too long for type character varying(n)}.
   *
   * @param s the string
   * @param type the target type
   * @param truncate whether to cut silently (explicit casts do)
   * @return the string as the type holds it
   */
  public static String fitString(String s, DataType type, boolean truncate) {
    int n = type.precision();
    if (n <= 0 || !(type.kind() == TypeKind.CHAR || type.kind() == TypeKind.VARCHAR)) {
      return s;
    }
    int len = s.codePointCount(0, s.length());
    if (len > n) {
      int cut = s.offsetByCodePoints(0, n);
      if (!truncate && !s.substring(cut).isBlank()) {
        throw new SqlException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
            "value too long for type " + type.withNullable(true).sqlName());
      }
      return s.substring(0, cut);
    }
    if (type.kind() == TypeKind.CHAR && len < n) {
      return s + " ".repeat(n - len);
    }
    return s;
  }

  /**
   * Fits a numeric value to a NUMERIC(p, s) type: rounds to the scale, half away from zero, and
   * fails with 22003 {@code numeric field overflow} if it then has more than p - s integer
   * digits. Unconstrained NUMERIC (precision 0) takes the value as it is.
   *
   * @param value the value
   * @param type a NUMERIC type
   * @return the value as the type holds it
   */
  public static BigDecimal fitNumeric(BigDecimal value, DataType type) {
    return NumberText.applyTypmod(value, type);
  }

  /** bytea input: {@code \x} hex (blanks allowed between pairs) or the escape format. */
  private static byte[] parseBytea(String text) {
    if (text.startsWith("\\x") || text.startsWith("\\X")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
      int i = 2;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        int hi = hexDigit(c);
        if (i + 1 >= text.length()) {
          throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
              "invalid hexadecimal data: odd number of digits");
        }
        int lo = hexDigit(text.charAt(i + 1));
        out.write(hi << 4 | lo);
        i += 2;
      }
      return out.toByteArray();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          b = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.writeBytes(b);
      } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
        out.write('\\');
        i++;
      } else if (isOctal(text, i + 1)) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        throw NumberText.invalid("bytea", text);
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(String t, int from) {
    return from + 3 <= t.length()
        && t.charAt(from) >= '0' && t.charAt(from) <= '3'
        && t.charAt(from + 1) >= '0' && t.charAt(from + 1) <= '7'
        && t.charAt(from + 2) >= '0' && t.charAt(from + 2) <= '7';
  }

  private static int hexDigit(char c) {
    int d = Character.digit(c, 16);
    if (d < 0 || c > 'f') {
      throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + c + "\"");
    }
    return d;
  }

  /** uuid input: 32 hex digits, a hyphen allowed after any group of four, optional braces. */
  private static java.util.UUID parseUuid(String text) {
    String s = text;
    if (s.startsWith("{") && s.endsWith("}") && s.length() > 2) {
      s = s.substring(1, s.length() - 1);
    }
    StringBuilder hex = new StringBuilder(32);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '-' && hex.length() % 4 == 0 && hex.length() > 0 && hex.length() < 32
          && s.charAt(i - 1) != '-') {
        continue;
      }
      if (Character.digit(c, 16) < 0 || c > 'f' || hex.length() == 32) {
        throw NumberText.invalid("uuid", text);
      }
      hex.append(c);
    }
    if (hex.length() != 32) {
      throw NumberText.invalid("uuid", text);
    }
    long hi = Long.parseUnsignedLong(hex.substring(0, 16), 16);
    long lo = Long.parseUnsignedLong(hex.substring(16), 16);
    return new java.util.UUID(hi, lo);
  }
}
