package io.phantomdb.kernel.sql.type;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's interval text input (its {@code postgres} style with units, SQL-standard {@code
 * 1-2} and {@code 1 2:03:04}, ISO 8601 {@code P1Y2M3DT4H5M6S}, {@code @ ... ago}) and output in
 * the default {@code IntervalStyle = postgres} (used by {@link TextCodec}).
 *
 * <p>Fractional units spill down as PostgreSQL does: {@code 1.5 years} is 1 year 6 months, {@code
 * 1.5 months} 1 month 15 days, {@code 1.5 days} 1 day 12 hours.
 */
final class IntervalText {
  /** PostgreSQL's SQLSTATE for interval field overflow. */
  static final String INTERVAL_FIELD_OVERFLOW = "22015";

  private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000);
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<time>[+-]?\\d+:\\d+(?::\\d+)?(?:\\.\\d*)?)"
              + "|(?<ym>[+-]?\\d+-\\d+)"
              + "|(?<num>[+-]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*(?<unit>[a-z]+)?"
              + "|(?<word>[a-z]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO =
      Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-z])", Pattern.CASE_INSENSITIVE);

  private IntervalText() {}

  /** Accumulates the three fields exactly, checking their ranges at the end. */
  private static final class Acc {
    long months;
    long days;
    BigDecimal micros = BigDecimal.ZERO;

    void addMonths(BigDecimal v) {
      BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
      months += whole.longValueExact();
      addDays(v.subtract(whole).multiply(BigDecimal.valueOf(30)));
    }

    void addDays(BigDecimal v) {
      BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
      days += whole.longValueExact();
      micros = micros.add(v.subtract(whole).multiply(BigDecimal.valueOf(PgInterval.MICROS_PER_DAY)));
    }

    void addMicros(BigDecimal v) {
      micros = micros.add(v);
    }

    void addYearsAsMonths(BigDecimal v, int monthsPerUnit) {
      months += v.multiply(BigDecimal.valueOf(monthsPerUnit)).setScale(0, RoundingMode.HALF_EVEN)
          .longValueExact();
    }

    PgInterval toInterval(String text) {
      long us = micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
      if (months != (int) months || days != (int) days) {
        throw overflow(text);
      }
      return new PgInterval((int) months, (int) days, us);
    }
  }

  static PgInterval parse(String text) {
    String s = text.strip();
    try {
      if (s.length() > 1 && (s.charAt(0) == 'P' || s.charAt(0) == 'p')) {
        return parseIso(s.substring(1), text);
      }
      return parsePostgres(s, text);
    } catch (ArithmeticException e) {
      throw overflow(text);
    }
  }

  private static PgInterval parsePostgres(String s, String text) {
    if (s.startsWith("@")) {
      s = s.substring(1).strip();
    }
    if (s.isEmpty()) {
      throw syntax(text);
    }
    Acc acc = new Acc();
    boolean ago = false;
    BigDecimal pendingNumber = null;
    int pos = 0;
    Matcher m = TOKEN.matcher(s);
    while (pos < s.length()) {
      if (Character.isWhitespace(s.charAt(pos))) {
        pos++;
        continue;
      }
      if (ago || !m.find(pos) || m.start() != pos) {
        throw syntax(text);
      }
      pos = m.end();
      if (m.group("time") != null) {
        if (pendingNumber != null) { // SQL standard "1 2:03:04": days then time
          acc.addDays(pendingNumber);
          pendingNumber = null;
        }
        acc.addMicros(timeMicros(m.group("time"), text));
      } else if (m.group("ym") != null) {
        String ym = m.group("ym");
        boolean neg = ym.startsWith("-");
        String[] f = ym.replaceFirst("^[+-]", "").split("-");
        long months = Long.parseLong(f[0]) * 12 + Long.parseLong(f[1]);
        if (Long.parseLong(f[1]) > 11) {
          throw overflow(text);
        }
        acc.addMonths(BigDecimal.valueOf(neg ? -months : months));
      } else if (m.group("num") != null) {
        if (pendingNumber != null) {
          throw syntax(text);
        }
        BigDecimal v = new BigDecimal(m.group("num"));
        String unit = m.group("unit");
        if (unit == null) {
          pendingNumber = v;
        } else if (!addUnit(acc, v, unit.toLowerCase(Locale.ROOT))) {
          throw syntax(text);
        }
      } else {
        String word = m.group("word").toLowerCase(Locale.ROOT);
        if (word.equals("ago")) {
          ago = true;
        } else if (pendingNumber != null && addUnit(acc, pendingNumber, word)) {
          pendingNumber = null;
        } else {
          throw syntax(text);
        }
      }
    }
    if (pendingNumber != null) { // a bare number is seconds
      acc.addMicros(pendingNumber.multiply(MICROS_PER_SECOND));
    }
    PgInterval iv = acc.toInterval(text);
    if (ago) {
      iv = new PgInterval(Math.negateExact(iv.months()), Math.negateExact(iv.days()),
          Math.negateExact(iv.micros()));
    }
    return iv;
  }

  private static BigDecimal timeMicros(String t, String text) {
    boolean neg = t.startsWith("-");
    String[] f = t.replaceFirst("^[+-]", "").split(":");
    BigDecimal h;
    BigDecimal mi;
    BigDecimal sec;
    if (f.length == 2 && f[1].contains(".")) { // MM:SS.fff
      h = BigDecimal.ZERO;
      mi = new BigDecimal(f[0]);
      sec = new BigDecimal(f[1]);
    } else {
      h = new BigDecimal(f[0]);
      mi = new BigDecimal(f[1]);
      sec = f.length > 2 ? new BigDecimal(f[2]) : BigDecimal.ZERO;
    }
    if (mi.compareTo(BigDecimal.valueOf(59)) > 0 || sec.compareTo(BigDecimal.valueOf(60)) >= 0) {
      throw overflow(text);
    }
    BigDecimal micros = h.multiply(BigDecimal.valueOf(3600)).add(mi.multiply(BigDecimal.valueOf(60)))
        .add(sec).multiply(MICROS_PER_SECOND);
    return neg ? micros.negate() : micros;
  }

  private static boolean addUnit(Acc acc, BigDecimal v, String unit) {
    switch (unit) {
      case "microsecond", "microseconds", "us", "usec", "usecs", "microsecon" -> acc.addMicros(v);
      case "millisecond", "milliseconds", "ms", "msec", "msecs", "millisecon" ->
          acc.addMicros(v.multiply(BigDecimal.valueOf(1000)));
      case "second", "seconds", "s", "sec", "secs" -> acc.addMicros(v.multiply(MICROS_PER_SECOND));
      case "minute", "minutes", "m", "min", "mins" ->
          acc.addMicros(v.multiply(BigDecimal.valueOf(60_000_000L)));
      case "hour", "hours", "h", "hr", "hrs" ->
          acc.addMicros(v.multiply(BigDecimal.valueOf(3_600_000_000L)));
      case "day", "days", "d" -> acc.addDays(v);
      case "week", "weeks", "w" -> acc.addDays(v.multiply(BigDecimal.valueOf(7)));
      case "month", "months", "mon", "mons" -> acc.addMonths(v);
      case "year", "years", "y", "yr", "yrs" -> acc.addYearsAsMonths(v, 12);
      case "decade", "decades", "dec", "decs" -> acc.addYearsAsMonths(v, 120);
      case "century", "centuries", "c", "cent" -> acc.addYearsAsMonths(v, 1200);
      case "millennium", "millennia", "mil", "mils" -> acc.addYearsAsMonths(v, 12000);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** ISO 8601 "format with designators": P[nY][nM][nW][nD][T[nH][nM][nS]]. */
  private static PgInterval parseIso(String s, String text) {
    Acc acc = new Acc();
    boolean time = false;
    int pos = 0;
    Matcher m = ISO.matcher(s);
    boolean any = false;
    while (pos < s.length()) {
      if (!time && (s.charAt(pos) == 'T' || s.charAt(pos) == 't')) {
        time = true;
        pos++;
        continue;
      }
      if (!m.find(pos) || m.start() != pos) {
        throw syntax(text);
      }
      pos = m.end();
      any = true;
      BigDecimal v = new BigDecimal(m.group(1));
      char u = Character.toUpperCase(m.group(2).charAt(0));
      boolean ok = switch (u) {
        case 'Y' -> !time && addUnit(acc, v, "year");
        case 'M' -> addUnit(acc, v, time ? "minute" : "month");
        case 'W' -> !time && addUnit(acc, v, "week");
        case 'D' -> !time && addUnit(acc, v, "day");
        case 'H' -> time && addUnit(acc, v, "hour");
        case 'S' -> time && addUnit(acc, v, "second");
        default -> false;
      };
      if (!ok) {
        throw syntax(text);
      }
    }
    if (!any) {
      throw syntax(text);
    }
    return acc.toInterval(text);
  }

  private static SqlException syntax(String text) {
    return new SqlException(
        SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"" + text + "\"");
  }

  private static SqlException overflow(String text) {
    return new SqlException(INTERVAL_FIELD_OVERFLOW, "interval field value out of range: \"" + text + "\"");
  }

  /** PostgreSQL's {@code postgres} style: {@code -1 years +2 mons 3 days -04:05:06.5}. */
  static String format(PgInterval iv) {
    StringBuilder sb = new StringBuilder();
    boolean[] state = {true, false}; // is_zero, is_before
    addPart(sb, iv.months() / 12, "year", state);
    addPart(sb, iv.months() % 12, "mon", state);
    addPart(sb, iv.days(), "day", state);
    long micros = iv.micros();
    if (state[0] || micros != 0) {
      boolean minus = micros < 0;
      long abs = Math.abs(micros);
      long secs = abs / 1_000_000;
      if (!state[0]) {
        sb.append(' ');
      }
      sb.append(minus ? "-" : state[1] ? "+" : "");
      long hours = secs / 3600;
      sb.append(hours < 10 ? "0" : "").append(hours).append(':');
      appendTwo(sb, (secs / 60) % 60);
      sb.append(':');
      appendTwo(sb, secs % 60);
      DateTimeText.appendFraction(sb, abs % 1_000_000);
    }
    return sb.toString();
  }

  private static void appendTwo(StringBuilder sb, long v) {
    sb.append(v < 10 ? "0" : "").append(v);
  }

  private static void addPart(StringBuilder sb, long value, String unit, boolean[] state) {
    if (value == 0) {
      return;
    }
    if (!state[0]) {
      sb.append(' ');
    }
    if (state[1] && value > 0) {
      sb.append('+');
    }
    sb.append(value).append(' ').append(unit).append(value != 1 ? "s" : "");
    state[1] = value < 0;
    state[0] = false;
  }
}
