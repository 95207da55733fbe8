package io.phantomdb.kernel.sql.type;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's text input and output of dates and times with {@code DateStyle = ISO, MDY} and
 * the session time zone UTC (used by {@link TextCodec}).
 *
 * <p>Input accepts: dates as {@code 2024-01-31}, {@code 20240131}, {@code 1/31/2024}, {@code
 * 2024/01/31}, {@code 31-Jan-2024}, {@code 2024-Jan-31}, with {@code BC}/{@code AD}; times as
 * {@code HH:MM[:SS[.fraction]]}; timestamps as date, then a blank or {@code T}, then time; a zone
 * as {@code Z}, {@code +HH}, {@code +HHMM}, {@code +HH:MM[:SS]}, {@code UTC}, {@code GMT} or a
 * region such as {@code Europe/Berlin}; the special value {@code epoch}. Fractions beyond
 * microseconds round. A zone is ignored for types without one, as PostgreSQL does. Not accepted
 * (PostgreSQL does): {@code infinity}, {@code now}/{@code today}, spelled-out dates with blanks
 * ({@code January 8, 1999}), time zone abbreviations other than UTC/GMT/Z.
 */
final class DateTimeText {
  /** Dates PostgreSQL can hold: 4713 BC to 5874897 AD (proleptic year -4712). */
  static final int MIN_YEAR = -4712;
  static final int MAX_DATE_YEAR = 5_874_897;
  static final int MAX_TIMESTAMP_YEAR = 294_276;

  private static final String DATE =
      "(?<date>\\d+-\\d{1,2}-\\d{1,2}|\\d{8}|\\d{1,2}/\\d{1,2}/\\d+|\\d{3,}/\\d{1,2}/\\d{1,2}"
          + "|\\d{1,2}-[a-z]+-\\d+|\\d{3,}-[a-z]+-\\d{1,2})";
  private static final String TIME =
      "(?<time>(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?:\\.(?<f>\\d*))?)?)";
  private static final String ZONE =
      "(?<zone>z|[+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?|utc|gmt|[a-z_]+/[a-z_/+-]+)";
  private static final String ERA = "(?:\\s*(?<era>bc|ad))?";
  private static final Pattern FULL =
      Pattern.compile(
          DATE + "?(?<sep>\\s+|t)?" + TIME + "?" + ERA + "(?:\\s*" + ZONE + ")?"
              + "(?:\\s*(?<era2>bc|ad))?",
          Pattern.CASE_INSENSITIVE);
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private DateTimeText() {}

  /** What a date/time string holds. */
  private record Parts(LocalDate date, long timeMicros, ZoneId zone) {}

  static Object parse(String text, DataType type) {
    return parse(text, type, ZoneOffset.UTC);
  }

  /** Reads a value; a timestamptz without a zone is in {@code sessionZone}. */
  static Object parse(String text, DataType type, ZoneId sessionZone) {
    String name = typeName(type.kind());
    String s = text.strip();
    Parts p;
    if (s.equalsIgnoreCase("epoch")) {
      p = new Parts(LocalDate.EPOCH, 0, ZoneOffset.UTC);
    } else if (s.toLowerCase(Locale.ROOT).matches("[+-]?infinity|now|today|tomorrow|yesterday|allballs")) {
      throw new SqlException(
          SqlState.FEATURE_NOT_SUPPORTED,
          "the special value \"" + s + "\" for type " + name + " is not supported");
    } else {
      p = parseParts(s, text, name);
    }
    return switch (type.kind()) {
      case DATE -> {
        if (p.date == null) {
          throw syntax(name, text);
        }
        yield checkYear(p.date, MAX_DATE_YEAR, "date", text);
      }
      case TIME -> {
        if (p.timeMicros < 0) {
          throw syntax(name, text);
        }
        long micros = roundMicros(p.timeMicros, type.precision());
        if (micros >= PgInterval.MICROS_PER_DAY) {
          throw fieldOutOfRange(text);
        }
        yield LocalTime.ofNanoOfDay(micros * 1000);
      }
      case TIMESTAMP, TIMESTAMPTZ -> {
        if (p.date == null) {
          throw syntax(name, text);
        }
        long micros = roundMicros(Math.max(0, p.timeMicros), type.precision());
        LocalDateTime ldt = p.date.atStartOfDay().plusNanos(micros * 1000);
        if (type.kind() == TypeKind.TIMESTAMP) {
          checkYear(ldt.toLocalDate(), MAX_TIMESTAMP_YEAR, "timestamp", text);
          yield ldt;
        }
        ZoneId zone = p.zone == null ? sessionZone : p.zone;
        Instant instant = ldt.atZone(zone).toInstant();
        checkYear(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalDate(), MAX_TIMESTAMP_YEAR,
            "timestamp", text);
        yield instant;
      }
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  private static Parts parseParts(String s, String text, String name) {
    Matcher m = FULL.matcher(s);
    if (!m.matches()) {
      throw syntax(name, text);
    }
    String dateGroup = m.group("date");
    String sep = m.group("sep");
    boolean hasTime = m.group("time") != null;
    if ((m.group("era") != null && m.group("era2") != null)
        || (dateGroup == null && (!hasTime || sep != null))
        || (dateGroup != null && hasTime && sep == null)
        || (sep != null && !hasTime && !sep.isBlank())) {
      throw syntax(name, text);
    }
    String era = m.group("era") != null ? m.group("era") : m.group("era2");
    boolean bc = era != null && era.equalsIgnoreCase("bc");
    LocalDate date = null;
    if (dateGroup != null) {
      date = parseDate(dateGroup, bc, text, name);
    } else if (era != null) {
      throw syntax(name, text);
    }
    long micros = -1;
    if (hasTime) {
      int h = Integer.parseInt(m.group("h"));
      int mi = Integer.parseInt(m.group("mi"));
      int sec = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
      long fracNanos = 0;
      String f = m.group("f");
      if (f != null && !f.isEmpty()) {
        String nine = (f + "000000000").substring(0, 9);
        fracNanos = Long.parseLong(nine);
        if (f.length() > 9 && f.charAt(9) >= '5') {
          fracNanos++;
        }
      }
      if (mi > 59 || sec > 60 || h > 24 || (h == 24 && (mi > 0 || sec > 0 || fracNanos > 0))) {
        throw fieldOutOfRange(text);
      }
      long fracMicros = (fracNanos + 500) / 1000;
      micros = ((h * 60L + mi) * 60 + sec) * 1_000_000 + fracMicros;
    }
    ZoneId zone = null;
    if (m.group("zone") != null) {
      zone = parseZone(m.group("zone"));
    }
    return new Parts(date, micros, zone);
  }

  private static LocalDate parseDate(String d, boolean bc, String text, String name) {
    int y;
    int mo;
    int day;
    String[] f;
    if (d.indexOf('/') >= 0) {
      f = d.split("/");
      if (f[0].length() >= 3) {
        y = parseInt(f[0], text);
        mo = parseInt(f[1], text);
        day = parseInt(f[2], text);
      } else {
        mo = parseInt(f[0], text);
        day = parseInt(f[1], text);
        y = parseInt(f[2], text);
      }
    } else if (d.indexOf('-') < 0) {
      y = Integer.parseInt(d.substring(0, 4));
      mo = Integer.parseInt(d.substring(4, 6));
      day = Integer.parseInt(d.substring(6, 8));
    } else {
      f = d.split("-");
      if (Character.isLetter(f[1].charAt(0))) {
        mo = month(f[1], text, name);
        if (f[0].length() >= 3) {
          y = parseInt(f[0], text);
          day = parseInt(f[2], text);
        } else {
          day = parseInt(f[0], text);
          y = parseInt(f[2], text);
        }
      } else {
        y = parseInt(f[0], text);
        mo = parseInt(f[1], text);
        day = parseInt(f[2], text);
      }
    }
    if (y == 0) {
      throw fieldOutOfRange(text);
    }
    if (bc) {
      y = 1 - y;
    }
    try {
      return LocalDate.of(y, mo, day);
    } catch (DateTimeException e) {
      throw fieldOutOfRange(text);
    }
  }

  private static int parseInt(String s, String text) {
    if (s.length() > 9) {
      throw fieldOutOfRange(text);
    }
    return Integer.parseInt(s);
  }

  private static int month(String s, String text, String name) {
    String l = s.toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (l.length() >= 3 && (l.equals(MONTHS[i]) || java.time.Month.of(i + 1).name().toLowerCase(Locale.ROOT).equals(l))) {
        return i + 1;
      }
    }
    throw syntax(name, text);
  }

  /**
   * @param z a zone as in a timestamp's text
   * @return the zone
   */
  static ZoneId parseZone(String z) {
    String l = z.toLowerCase(Locale.ROOT);
    if (l.equals("z") || l.equals("utc") || l.equals("gmt")) {
      return ZoneOffset.UTC;
    }
    if (l.charAt(0) == '+' || l.charAt(0) == '-') {
      String digits = l.substring(1).replace(":", "");
      int h;
      int m = 0;
      int s = 0;
      if (digits.length() <= 2) {
        h = Integer.parseInt(digits);
      } else {
        int hl = digits.length() % 2 == 1 ? 1 : 2;
        h = Integer.parseInt(digits.substring(0, hl));
        m = Integer.parseInt(digits.substring(hl, hl + 2));
        if (digits.length() > hl + 2) {
          s = Integer.parseInt(digits.substring(hl + 2));
        }
      }
      int total = h * 3600 + m * 60 + s;
      if (h > 15 || m > 59 || s > 59) {
        throw new SqlException(SqlState.INVALID_DATETIME_FORMAT,
            "time zone displacement out of range: \"" + z + "\"");
      }
      return ZoneOffset.ofTotalSeconds(l.charAt(0) == '-' ? -total : total);
    }
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.equalsIgnoreCase(z)) {
        return ZoneId.of(id);
      }
    }
    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + z + "\" not recognized");
  }

  /** Rounds microseconds of a day to {@code precision} fractional digits, half up. */
  static long roundMicros(long micros, int precision) {
    if (precision >= 6) {
      return micros;
    }
    long unit = (long) Math.pow(10, 6 - precision);
    return Math.floorDiv(micros + unit / 2, unit) * unit;
  }

  private static LocalDate checkYear(LocalDate d, int maxYear, String what, String text) {
    if (d.getYear() < MIN_YEAR || d.getYear() > maxYear) {
      throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, what + " out of range: \"" + text + "\"");
    }
    return d;
  }

  static SqlException syntax(String typeName, String text) {
    return new SqlException(
        SqlState.INVALID_DATETIME_FORMAT,
        "invalid input syntax for type " + typeName + ": \"" + text + "\"");
  }

  static SqlException fieldOutOfRange(String text) {
    return new SqlException(
        SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
  }

  static String typeName(TypeKind kind) {
    return switch (kind) {
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamp with time zone";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
  }

  // ---- output ----

  static String formatDate(LocalDate d) {
    int y = d.getYear();
    String s = pad4(y <= 0 ? 1 - y : y) + "-" + pad2(d.getMonthValue()) + "-" + pad2(d.getDayOfMonth());
    return y <= 0 ? s + " BC" : s;
  }

  static String formatTime(LocalTime t) {
    StringBuilder sb = new StringBuilder(15);
    sb.append(pad2(t.getHour())).append(':').append(pad2(t.getMinute())).append(':')
        .append(pad2(t.getSecond()));
    appendFraction(sb, t.getNano() / 1000);
    return sb.toString();
  }

  static String formatTimestamp(LocalDateTime t, String zoneSuffix) {
    String date = formatDate(t.toLocalDate());
    boolean bc = date.endsWith(" BC");
    if (bc) {
      date = date.substring(0, date.length() - 3);
    }
    return date + " " + formatTime(t.toLocalTime()) + zoneSuffix + (bc ? " BC" : "");
  }

  static String formatTimestampTz(Instant i) {
    return formatTimestamp(LocalDateTime.ofInstant(i, ZoneOffset.UTC), "+00");
  }

  /** A timestamptz in a zone, with the offset as PostgreSQL writes it: +01, -03:30, +00:09:21. */
  static String formatTimestampTz(Instant i, ZoneId zone) {
    if (zone.equals(ZoneOffset.UTC)) {
      return formatTimestampTz(i);
    }
    int offset = zone.getRules().getOffset(i).getTotalSeconds();
    int abs = Math.abs(offset);
    StringBuilder suffix = new StringBuilder().append(offset < 0 ? '-' : '+').append(pad2(abs / 3600));
    if (abs % 3600 != 0) {
      suffix.append(':').append(pad2(abs % 3600 / 60));
      if (abs % 60 != 0) {
        suffix.append(':').append(pad2(abs % 60));
      }
    }
    return formatTimestamp(LocalDateTime.ofInstant(i, zone), suffix.toString());
  }

  /** Appends {@code .ffffff} without trailing zeros, nothing for zero. */
  static void appendFraction(StringBuilder sb, long micros) {
    if (micros != 0) {
      String f = Long.toString(1_000_000 + micros).substring(1);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(f, 0, end);
    }
  }

  private static String pad2(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  private static String pad4(int v) {
    String s = Integer.toString(v);
    return s.length() >= 4 ? s : "0000".substring(s.length()) + s;
  }
}
