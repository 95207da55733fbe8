package io.phantomdb.kernel.sql.session;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of the {@code TimeZone} parameter, read as PostgreSQL's check_timezone does:
 *
 * <ol>
 *   <li>{@code INTERVAL '...'}: a fixed offset east of UTC (SQL's sign convention), shown as
 *       PostgreSQL names it ({@code <+02>-02});
 *   <li>a number of hours, possibly fractional: an offset east of UTC ({@code -7} is UTC-7);
 *   <li>an IANA zone name, any case, shown in the database's spelling ({@code Europe/Paris});
 *   <li>a POSIX zone without daylight rules: an optional abbreviation ({@code <...>} or three or
 *       more letters) and an offset WEST of UTC, POSIX's convention ({@code UTC+3} and {@code
 *       +03:00} are three hours behind UTC), shown upper-cased.
 * </ol>
 *
 * POSIX zones with daylight-saving rules ({@code EST5EDT,M3.2.0,M11.1.0}) are not supported;
 * those that are IANA names ({@code EST5EDT}) are.
 */
public final class TimeZones {
  private static final Pattern POSIX =
      Pattern.compile("(<[^<>]+>|[A-Za-z]{3,})?([+-]?)(\\d{1,3})(?::(\\d{1,2})(?::(\\d{1,2}))?)?");
  private static final Pattern HOURS = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)");
  private static final Pattern INTERVAL = Pattern.compile("(?is)interval\\s*'(.*)'");
  private static final Map<String, String> IDS = new HashMap<>();

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      IDS.put(id.toLowerCase(Locale.ROOT), id);
    }
  }

  /** A checked time zone: its canonical name and the zone. */
  record Zone(String name, ZoneId zone) {}

  private TimeZones() {}

  /**
   * The checker of the {@code TimeZone} parameter.
   *
   * @return the canonical name
   */
  static String check(Parameter p, String value, String current) {
    return parse(p, value).name();
  }

  /**
   * @param canonical a TimeZone value as {@link #check} returned it
   * @return the zone
   */
  static ZoneId zoneOf(String canonical) {
    return parse(Parameters.find("TimeZone"), canonical).zone();
  }

  static Zone parse(Parameter p, String value) {
    String v = value.strip();
    Matcher m = INTERVAL.matcher(v);
    if (m.matches()) {
      PgInterval i;
      try {
        i = (PgInterval) TextCodec.parse(m.group(1), DataType.of(TypeKind.INTERVAL));
      } catch (SqlException e) {
        throw ParameterValues.invalid(p, value);
      }
      if (i.months() != 0) {
        throw ParameterValues.invalid(p, value, "Cannot specify months in time zone interval.", null);
      }
      if (i.days() != 0) {
        throw ParameterValues.invalid(p, value, "Cannot specify days in time zone interval.", null);
      }
      return offset(p, value, -Math.floorDiv(i.micros(), 1_000_000L));
    }
    if (HOURS.matcher(v).matches()) {
      return offset(p, value, -Math.round(Double.parseDouble(v) * 3600));
    }
    String id = IDS.get(v.toLowerCase(Locale.ROOT));
    if (id != null) {
      return new Zone(id, ZoneId.of(id));
    }
    m = POSIX.matcher(v);
    if (m.matches()) {
      int h = Integer.parseInt(m.group(3));
      int min = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int s = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      long west = (h * 3600L + min * 60L + s) * (m.group(2).equals("-") ? -1 : 1);
      if (min > 59 || s > 59 || Math.abs(west) > 18 * 3600) {
        throw ParameterValues.invalid(p, value, "UTC timezone offset is out of range.", null);
      }
      return new Zone(v.toUpperCase(Locale.ROOT), ZoneOffset.ofTotalSeconds((int) -west));
    }
    throw ParameterValues.invalid(p, value);
  }

  /** A fixed offset, {@code west} seconds west of UTC, named as PostgreSQL's pg_tzset_offset. */
  private static Zone offset(Parameter p, String value, long west) {
    if (Math.abs(west) > 18 * 3600) {
      throw ParameterValues.invalid(p, value, "UTC timezone offset is out of range.", null);
    }
    long abs = Math.abs(west);
    StringBuilder off = new StringBuilder(String.format(Locale.ROOT, "%02d", abs / 3600));
    if (abs % 3600 != 0) {
      off.append(String.format(Locale.ROOT, ":%02d", abs % 3600 / 60));
      if (abs % 60 != 0) {
        off.append(String.format(Locale.ROOT, ":%02d", abs % 60));
      }
    }
    String name = west > 0 ? "<-" + off + ">+" + off : "<+" + off + ">-" + off;
    return new Zone(name, ZoneOffset.ofTotalSeconds((int) -west));
  }
}
