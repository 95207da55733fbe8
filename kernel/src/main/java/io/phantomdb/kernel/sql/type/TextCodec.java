package io.phantomdb.kernel.sql.type;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;

/**
 * Values as PostgreSQL writes them in its text format (what psql shows, what the wire protocol's
 * text format carries, what a cast to text yields), with {@code DateStyle = ISO} and the session
 * time zone UTC.
 *
 * <p>Parsing text into values (casts from text, literals, COPY, protocol parameters) lives with the
 * casts in {@code io.phantomdb.kernel.sql.expr}.
 */
public final class TextCodec {
  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
          .toFormatter();
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

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
      case REAL -> formatFloat(((Float) value).doubleValue(), true);
      case DOUBLE -> formatFloat((Double) value, false);
      case NUMERIC -> ((BigDecimal) value).toPlainString();
      case BYTEA -> "\\x" + HexFormat.of().formatHex((byte[]) value);
      case DATE -> formatDate((LocalDate) value);
      case TIME -> TIME.format((LocalTime) value);
      case TIMESTAMP -> formatDateTime((LocalDateTime) value);
      case TIMESTAMPTZ -> formatDateTime(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)) + "+00";
      case INTERVAL -> formatInterval((PgInterval) value);
      default -> value.toString();
    };
  }

  private static String formatFloat(double d, boolean single) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String s = single ? Float.toString((float) d) : Double.toString(d);
    if (s.contains("E")) {
      // PostgreSQL: 1e+20, 1.5e-07
      String mantissa = s.substring(0, s.indexOf('E'));
      int exp = Integer.parseInt(s.substring(s.indexOf('E') + 1));
      if (mantissa.endsWith(".0")) {
        mantissa = mantissa.substring(0, mantissa.length() - 2);
      }
      return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    return s;
  }

  private static String formatDate(LocalDate d) {
    if (d.getYear() <= 0) {
      return DATE.format(d.withYear(1 - d.getYear())) + " BC";
    }
    return DATE.format(d);
  }

  private static String formatDateTime(LocalDateTime t) {
    String date = formatDate(t.toLocalDate());
    String bc = "";
    if (date.endsWith(" BC")) {
      date = date.substring(0, date.length() - 3);
      bc = " BC";
    }
    return date + " " + TIME.format(t.toLocalTime()) + bc;
  }

  /** PostgreSQL's {@code postgres} interval style: {@code 1 year 2 mons 3 days 04:05:06.5}. */
  private static String formatInterval(PgInterval iv) {
    StringBuilder sb = new StringBuilder();
    int years = iv.months() / 12;
    int months = iv.months() % 12;
    appendUnit(sb, years, "year");
    appendUnit(sb, months, "mon");
    appendUnit(sb, iv.days(), "day");
    long micros = iv.micros();
    if (micros != 0 || sb.length() == 0) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (micros < 0) {
        sb.append('-');
        micros = -micros;
      }
      long secs = micros / 1_000_000;
      long frac = micros % 1_000_000;
      sb.append(String.format("%02d:%02d:%02d", secs / 3600, (secs / 60) % 60, secs % 60));
      if (frac != 0) {
        String f = String.format("%06d", frac);
        sb.append('.').append(f.replaceAll("0+$", ""));
      }
    }
    return sb.toString();
  }

  private static void appendUnit(StringBuilder sb, int n, String unit) {
    if (n != 0) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(n).append(' ').append(unit).append(Math.abs(n) == 1 ? "" : "s");
    }
  }
}
