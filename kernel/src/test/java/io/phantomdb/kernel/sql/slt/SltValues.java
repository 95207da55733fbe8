package io.phantomdb.kernel.sql.slt;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TextCodec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a result value as sqllogictest's reference runner does, by the type letter the query
 * names for its column (not by the value's SQL type):
 *
 * <ul>
 *   <li>SQL NULL is {@code NULL}, whatever the letter;
 *   <li>{@code I}: an integer in decimal; a fractional number is truncated toward zero, a boolean
 *       is {@code 1} or {@code 0}, text gives its leading integer ({@code 0} if none), as C's
 *       {@code atol};
 *   <li>{@code R}: the value as a double printed as C's {@code printf("%.3f")} does (the exact
 *       binary value rounded half to even, {@code -0.000} for negative values that round to zero);
 *       text gives its leading number;
 *   <li>{@code T}: PostgreSQL's text form ({@link TextCodec}), a boolean as {@code 1} or {@code
 *       0}, an empty string as {@code (empty)}, and every byte of its UTF-8 form outside
 *       printable ASCII (0x20 to 0x7E) as {@code @} (so {@code é} is {@code @@}, as the C runner
 *       writes it).
 * </ul>
 *
 * <p>A value from elsewhere than the SQL engine (a driver's result over the wire) is rendered by
 * {@link #render(Object, Supplier, char)} from its Java value and its PostgreSQL text form.
 */
public final class SltValues {
  private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");
  private static final Pattern LEADING_NUMBER =
      Pattern.compile("^\\s*([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

  private SltValues() {}

  /**
   * Renders one value.
   *
   * @param value the value (null for SQL NULL)
   * @param type its SQL type
   * @param letter {@code I}, {@code R} or {@code T}
   * @return the text the expected results hold
   */
  static String render(Object value, DataType type, char letter) {
    return render(value, () -> TextCodec.format(value, type), letter);
  }

  /**
   * Renders one value given as its Java value and its PostgreSQL text form.
   *
   * @param value the value (null for SQL NULL): a {@link Boolean}, an integer {@link Number}
   *     ({@link Short}, {@link Integer}, {@link Long}), a {@link BigDecimal}, a {@link Float} or
   *     {@link Double}, or anything else, which is rendered from its text form only
   * @param text the value's PostgreSQL text form, asked only when needed
   * @param letter {@code I}, {@code R} or {@code T}
   * @return the text the expected results hold
   */
  public static String render(Object value, Supplier<String> text, char letter) {
    if (value == null) {
      return "NULL";
    }
    return switch (letter) {
      case 'I' -> integer(value, text);
      case 'R' -> real(toDouble(value, text));
      case 'T' -> text(value instanceof Boolean b ? (b ? "1" : "0") : text.get());
      default -> throw new IllegalArgumentException("unknown type letter '" + letter + "'");
    };
  }

  private static String integer(Object value, Supplier<String> text) {
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof Short || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.setScale(0, RoundingMode.DOWN).toPlainString();
    }
    if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d).setScale(0, RoundingMode.DOWN).toPlainString() : "0";
    }
    Matcher m = LEADING_INTEGER.matcher(text.get());
    return m.find() ? new BigDecimal(m.group(1)).toPlainString() : "0";
  }

  private static double toDouble(Object value, Supplier<String> text) {
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    Matcher m = LEADING_NUMBER.matcher(text.get());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /**
   * A double as C's {@code printf("%.3f")} prints it.
   *
   * @param d the number
   * @return for example {@code 1.500}, {@code -0.000}, {@code nan}, {@code -inf}
   */
  public static String real(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    boolean negative = (Double.doubleToRawLongBits(d) & Long.MIN_VALUE) != 0;
    if (Double.isInfinite(d)) {
      return negative ? "-inf" : "inf";
    }
    String digits = new BigDecimal(Math.abs(d)).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    return negative ? "-" + digits : digits;
  }

  /**
   * Text as the reference runner writes it.
   *
   * @param s the text
   * @return {@code (empty)} for an empty string, otherwise the text with every UTF-8 byte
   *     outside printable ASCII replaced by {@code @}
   */
  public static String text(String s) {
    if (s.isEmpty()) {
      return "(empty)";
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      sb.append(b >= 0x20 && b <= 0x7E ? (char) b : '@');
    }
    return sb.toString();
  }
}
