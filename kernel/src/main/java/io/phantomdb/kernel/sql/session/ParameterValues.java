package io.phantomdb.kernel.sql.session;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link Parameter.Checker}s of the parameter types, with PostgreSQL's rules and messages:
 * booleans, integers (with time units for timeouts), enums, strings, identifier lists.
 */
final class ParameterValues {
  private static final Pattern NUMBER_AND_UNIT =
      Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([a-zA-Z]*)\\s*");
  private static final String[] TIME_UNITS = {"d", "h", "min", "s", "ms"};
  private static final long[] TIME_UNIT_MS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

  private ParameterValues() {}

  /**
   * @param p a parameter
   * @param value a refused value
   * @return 22023 {@code invalid value for parameter "p": "value"}
   */
  static SqlException invalid(Parameter p, String value) {
    return invalid(p, value, null, null);
  }

  static SqlException invalid(Parameter p, String value, String detail, String hint) {
    return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
        "invalid value for parameter \"" + p.name() + "\": \"" + value + "\"", detail, hint, null);
  }

  /** A value PostgreSQL accepts and PhantomDB does not: 0A000 with PostgreSQL's message. */
  static SqlException unsupported(Parameter p, String value, String detail) {
    return new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
        "invalid value for parameter \"" + p.name() + "\": \"" + value + "\"", detail, null, null);
  }

  /** Booleans as PostgreSQL's parse_bool reads them; shown as {@code on}/{@code off}. */
  static String bool(Parameter p, String value, String current) {
    Boolean b = parseBool(value);
    if (b == null) {
      throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
          "parameter \"" + p.name() + "\" requires a Boolean value");
    }
    return b ? "on" : "off";
  }

  /**
   * @param value a value
   * @return true, false, or null if it is not a boolean ({@code true/false/yes/no/on/off/1/0}
   *     and unambiguous prefixes, any case)
   */
  static Boolean parseBool(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return null;
    }
    if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("1")) {
      return Boolean.TRUE;
    }
    if ("false".startsWith(v) || "no".startsWith(v) || v.equals("0")) {
      return Boolean.FALSE;
    }
    if (v.length() >= 2 && "on".startsWith(v)) {
      return Boolean.TRUE;
    }
    if (v.length() >= 2 && "off".startsWith(v)) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** A bool parameter that accepts only one value (PhantomDB supports only that one). */
  static Parameter.Checker onlyBool(boolean supported, String why) {
    return (p, value, current) -> {
      String v = bool(p, value, current);
      if (!v.equals(supported ? "on" : "off")) {
        throw unsupported(p, value, why);
      }
      return v;
    };
  }

  /** An integer in {@code [min, max]}, no unit. */
  static Parameter.Checker integer(int min, int max) {
    return (p, value, current) -> {
      Matcher m = NUMBER_AND_UNIT.matcher(value);
      if (!m.matches() || !m.group(2).isEmpty()) {
        throw invalid(p, value);
      }
      return Long.toString(inRange(p, value, Math.rint(Double.parseDouble(m.group(1))), min, max, null));
    };
  }

  /**
   * A duration in milliseconds in {@code [0, 2^31-1]}: a number of ms, or a number with a unit
   * ({@code us, ms, s, min, h, d}); shown in the largest unit that holds it exactly, as PostgreSQL.
   */
  static String milliseconds(Parameter p, String value, String current) {
    return milliseconds(p, value, 0);
  }

  /** {@link #milliseconds} with a lower bound ({@code deadlock_timeout}: 1 ms). */
  static Parameter.Checker milliseconds(long min) {
    return (p, value, current) -> milliseconds(p, value, min);
  }

  private static String milliseconds(Parameter p, String value, long min) {
    Matcher m = NUMBER_AND_UNIT.matcher(value);
    if (!m.matches()) {
      throw invalid(p, value);
    }
    double factor = switch (m.group(2)) {
      case "", "ms" -> 1;
      case "us" -> 0.001;
      case "s" -> 1_000;
      case "min" -> 60_000;
      case "h" -> 3_600_000;
      case "d" -> 86_400_000;
      default -> throw invalid(p, value, null,
          "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
    };
    long ms = inRange(p, value, Math.rint(Double.parseDouble(m.group(1)) * factor), min, Integer.MAX_VALUE, "ms");
    return showMilliseconds(ms);
  }

  /**
   * @param canonical a canonical duration, as {@link #milliseconds} returns
   * @return the duration in milliseconds
   */
  static long millisecondsOf(String canonical) {
    Matcher m = NUMBER_AND_UNIT.matcher(canonical);
    if (!m.matches()) {
      throw new IllegalArgumentException(canonical);
    }
    long n = Long.parseLong(m.group(1));
    for (int i = 0; i < TIME_UNITS.length; i++) {
      if (TIME_UNITS[i].equals(m.group(2))) {
        return n * TIME_UNIT_MS[i];
      }
    }
    return n;
  }

  private static String showMilliseconds(long ms) {
    if (ms == 0) {
      return "0";
    }
    for (int i = 0; i < TIME_UNITS.length; i++) {
      if (ms % TIME_UNIT_MS[i] == 0) {
        return ms / TIME_UNIT_MS[i] + TIME_UNITS[i];
      }
    }
    throw new AssertionError(ms);
  }

  private static long inRange(Parameter p, String value, double v, long min, long max, String unit) {
    if (Double.isNaN(v) || Math.abs(v) > Integer.MAX_VALUE * 2.0) {
      throw invalid(p, value, null, "Value exceeds integer range.");
    }
    long n = (long) v;
    if (n < min || n > max) {
      throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, n + (unit == null ? "" : " " + unit)
          + " is outside the valid range for parameter \"" + p.name() + "\" (" + min + " .. " + max + ")");
    }
    return n;
  }

  /** One of {@code values}, any case; shown as written in {@code values}. */
  static Parameter.Checker oneOf(String... values) {
    return (p, value, current) -> {
      String v = value.strip();
      for (String allowed : values) {
        if (allowed.equalsIgnoreCase(v)) {
          return allowed;
        }
      }
      throw invalid(p, value, null, "Available values: " + String.join(", ", values) + ".");
    };
  }

  /** Any string, kept as given. */
  static String anyString(Parameter p, String value, String current) {
    return value;
  }

  /**
   * application_name: PostgreSQL 15 replaces every byte that is not printable ASCII with
   * {@code ?}.
   */
  static String printableAscii(Parameter p, String value, String current) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      sb.append(b >= 32 && b < 127 ? (char) b : '?');
    }
    return sb.toString();
  }

  /** A list of identifiers (search_path): checked for list syntax, kept as given. */
  static String identifierList(Parameter p, String value, String current) {
    if (SearchPath.split(value) == null) {
      throw invalid(p, value, "List syntax is invalid.", null);
    }
    return value;
  }

  /** A parameter that has one value only (the bool flags are checked by {@link #bool}). */
  static Parameter.Checker fixed(String only) {
    return (p, value, current) -> {
      if (!only.equalsIgnoreCase(value.strip())) {
        throw invalid(p, value);
      }
      return only;
    };
  }

  /** The words of a comma-separated value, lower case, blanks stripped. */
  static List<String> words(String value) {
    return List.of(value.toLowerCase(Locale.ROOT).split("\\s*,\\s*|\\s+"));
  }
}
