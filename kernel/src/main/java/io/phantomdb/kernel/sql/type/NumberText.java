package io.phantomdb.kernel.sql.type;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/** PostgreSQL's text input and output of booleans and numbers (used by {@link TextCodec}). */
final class NumberText {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(_\\d+)*\\.?(\\d+(_\\d+)*)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+)?");
  private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private NumberText() {}

  static SqlException invalid(String typeName, String text) {
    return new SqlException(
        SqlState.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + typeName + ": \"" + text + "\"");
  }

  /** PostgreSQL's parse_bool: unique prefixes of true/false/yes/no, on/off, 1/0. */
  static Boolean parseBoolean(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (!s.isEmpty()) {
      switch (s.charAt(0)) {
        case 't':
          if ("true".startsWith(s)) {
            return true;
          }
          break;
        case 'f':
          if ("false".startsWith(s)) {
            return false;
          }
          break;
        case 'y':
          if ("yes".startsWith(s)) {
            return true;
          }
          break;
        case 'n':
          if ("no".startsWith(s)) {
            return false;
          }
          break;
        case 'o':
          if (s.length() >= 2 && "on".startsWith(s)) {
            return true;
          }
          if (s.length() >= 2 && "off".startsWith(s)) {
            return false;
          }
          break;
        case '1':
          if (s.length() == 1) {
            return true;
          }
          break;
        case '0':
          if (s.length() == 1) {
            return false;
          }
          break;
        default:
          break;
      }
    }
    throw invalid("boolean", text);
  }

  /**
   * PostgreSQL 16's integer input: blanks around, a sign, decimal digits or 0x/0o/0b prefixed
   * ones, underscores between digits.
   */
  static Object parseInteger(String text, TypeKind kind) {
    int n = text.length();
    int start = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    if (n - start >= 1 && n - start <= 18) { // the common case: plain decimal digits, no overflow
      long l = 0;
      int i = start;
      while (i < n) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        l = l * 10 + (c - '0');
        i++;
      }
      if (i == n) {
        return narrow(start == 1 ? -l : l, kind, text);
      }
    }
    String typeName = DataType.of(kind).sqlName();
    String s = text.strip();
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    if (s.length() - i > 2 && s.charAt(i) == '0') {
      char p = Character.toLowerCase(s.charAt(i + 1));
      radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
      if (radix != 10) {
        i += 2;
      }
    }
    StringBuilder digits = new StringBuilder();
    boolean lastDigit = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_' && lastDigit && i + 1 < s.length() && Character.digit(s.charAt(i + 1), radix) >= 0) {
        lastDigit = false;
        continue;
      }
      if (Character.digit(c, radix) < 0 || c > 'z') {
        throw invalid(typeName, text);
      }
      digits.append(c);
      lastDigit = true;
    }
    if (digits.length() == 0) {
      throw invalid(typeName, text);
    }
    BigInteger v = new BigInteger(digits.toString(), radix);
    if (negative) {
      v = v.negate();
    }
    if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
      throw outOfRange(text, typeName);
    }
    return narrow(v.longValue(), kind, text);
  }

  /** The value as the integer type wants it, or 22003 if it does not fit. */
  private static Object narrow(long l, TypeKind kind, String text) {
    return switch (kind) {
      case SMALLINT -> {
        if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
          throw outOfRange(text, DataType.of(kind).sqlName());
        }
        yield (short) l;
      }
      case INTEGER -> {
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
          throw outOfRange(text, DataType.of(kind).sqlName());
        }
        yield (int) l;
      }
      default -> l;
    };
  }

  private static SqlException outOfRange(String text, String typeName) {
    return new SqlException(
        SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "value \"" + text + "\" is out of range for type " + typeName);
  }

  /** Numeric input; NaN and infinities are rejected (PhantomDB's numeric has none). */
  static BigDecimal parseNumeric(String text, DataType type) {
    String s = text.strip();
    if (!DECIMAL.matcher(s).matches()) {
      String l = s.toLowerCase(Locale.ROOT);
      if (l.equals("nan") || l.matches("[+-]?(inf|infinity)")) {
        throw new SqlException(
            SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type numeric: \"" + text + "\"",
            "PhantomDB's numeric has no NaN or infinity; use double precision for them",
            null);
      }
      throw invalid("numeric", text);
    }
    BigDecimal v;
    try {
      v = new BigDecimal(s.replace("_", ""));
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid("numeric", text);
    }
    if (v.scale() < 0) {
      v = v.setScale(0);
    }
    return applyTypmod(v, type);
  }

  /**
   * Rounds a numeric value to the type's scale (half away from zero) and checks its precision.
   *
   * @throws SqlException 22003 numeric field overflow
   */
  static BigDecimal applyTypmod(BigDecimal v, DataType type) {
    if (type.precision() == 0) {
      return v;
    }
    BigDecimal r = v.setScale(type.scale(), RoundingMode.HALF_UP);
    int intDigits = type.precision() - type.scale();
    if (r.signum() != 0 && r.precision() - r.scale() > intDigits) {
      throw new SqlException(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "numeric field overflow",
          "A field with precision " + type.precision() + ", scale " + type.scale()
              + " must round to an absolute value less than "
              + (intDigits == 0 ? "1" : "10^" + intDigits) + ".",
          null);
    }
    return r;
  }

  static Object parseFloat(String text, boolean single) {
    String typeName = single ? "real" : "double precision";
    String s = text.strip();
    String l = s.toLowerCase(Locale.ROOT);
    double d;
    switch (l) {
      case "nan", "+nan", "-nan" -> d = Double.NaN;
      case "infinity", "+infinity", "inf", "+inf" -> d = Double.POSITIVE_INFINITY;
      case "-infinity", "-inf" -> d = Double.NEGATIVE_INFINITY;
      default -> {
        if (!FLOAT.matcher(s).matches()) {
          throw invalid(typeName, text);
        }
        d = Double.parseDouble(s);
        boolean nonZero = s.replaceAll("[eE].*", "").chars().anyMatch(c -> c >= '1' && c <= '9');
        if (Double.isInfinite(d)
            || (d == 0 && nonZero)
            || (single && (Math.abs(d) > Float.MAX_VALUE || (nonZero && (float) d == 0)))) {
          throw new SqlException(
              SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
              "\"" + text + "\" is out of range for type " + typeName);
        }
      }
    }
    return single ? (Object) (float) d : (Object) d;
  }

  /**
   * PostgreSQL's shortest-exact float output: plain notation for decimal exponents from -4 up
   * to 14 (float8) or 5 (float4), otherwise {@code 1.5e+20} style.
   */
  static String formatFloat(double d, boolean single) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal bd =
        new BigDecimal(single ? Float.toString((float) d) : Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale();
    String sign = bd.signum() < 0 ? "-" : "";
    if (exp < -4 || exp >= (single ? 6 : 15)) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
          + Math.abs(exp);
    }
    return bd.toPlainString();
  }
}
