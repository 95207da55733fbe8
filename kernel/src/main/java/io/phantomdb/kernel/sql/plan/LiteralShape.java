package io.phantomdb.kernel.sql.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement's text with its number and plain string literals cut out, found by a scan of the
 * characters instead of the SQL parser, so a statement whose shape has been planned before runs
 * without being parsed again ({@code SELECT abalance FROM pgbench_accounts WHERE aid = 4711}: the
 * parser costs about half of such a statement's time in the server).
 *
 * <p>The scan only proposes: the key ({@link #key()}) is the text with each literal replaced by a
 * marker, plus a class per literal that fixes the type the parser gives it (INTEGER, BIGINT, a
 * DECIMAL of a given precision and scale, DOUBLE, VARCHAR of a given length). A shape is trusted
 * only after a parse of one statement of that shape has shown that {@link LiteralParameterizer}
 * made exactly these literals, at exactly these positions, parameters, with exactly these values
 * ({@link #matches}); a shape that does not match is never used. Text the scan does not fully
 * understand (comments, dollar quotes, prefixed strings such as {@code E'..'}, parameters,
 * non-ASCII string literals) has no shape at all.
 */
public final class LiteralShape {
  private static final char MARK = '\u0001';

  private final String key;
  private final int[] spans; // begin, end of literal i at 2i, 2i + 1
  private final Object[] values;

  private LiteralShape(String key, int[] spans, Object[] values) {
    this.key = key;
    this.spans = spans;
    this.values = values;
  }

  /** The text with literals replaced and their type classes appended. */
  public String key() {
    return key;
  }

  /** The literal values in text order, in the Java classes the parser's types give them. */
  public Object[] values() {
    return values.clone();
  }

  /**
   * Whether a parameterization of this text made exactly this shape's literals parameters.
   *
   * @param p what {@link LiteralParameterizer} made of a parse of the same text
   * @return for each literal in text order the index of its parameter, or null if the shape does
   *     not match (then it must never be used for this statement shape)
   */
  public int[] matches(LiteralParameterizer.Result p) {
    int[][] paramSpans = p.spans();
    Object[] paramValues = p.values();
    if (paramSpans.length != values.length) {
      return null;
    }
    int[] order = new int[values.length];
    boolean[] used = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      int found = -1;
      for (int k = 0; k < paramSpans.length; k++) {
        if (!used[k] && paramSpans[k][0] == spans[2 * i] && paramSpans[k][1] == spans[2 * i + 1]) {
          found = k;
          break;
        }
      }
      if (found < 0 || paramValues[found] == null || paramValues[found].getClass() != values[i].getClass()
          || !paramValues[found].equals(values[i])) {
        return null;
      }
      used[found] = true;
      order[i] = found;
    }
    return order;
  }

  /** The parameter values for a plan whose literal order is {@code order} (from {@link #matches}). */
  public Object[] parameters(int[] order) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < order.length; i++) {
      out[order[i]] = values[i];
    }
    return out;
  }

  /**
   * Scans a statement.
   *
   * @return its shape, or null if it has no literal or holds text the scan does not handle
   */
  public static LiteralShape of(String sql) {
    StringBuilder key = new StringBuilder(sql.length() + 16);
    StringBuilder classes = new StringBuilder(" /*");
    List<Object> values = new ArrayList<>();
    int[] spans = new int[8];
    int n = sql.length();
    int i = 0;
    int previous = -1; // the last character that is not white space, before i
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        if (previous >= 0 && isWordChar(sql.charAt(previous)) && previous == i - 1) {
          return null; // E'..', B'..', X'..', N'..', U&'..'
        }
        StringBuilder s = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= n) {
            return null;
          }
          char d = sql.charAt(j);
          if (d == '\'') {
            if (j + 1 < n && sql.charAt(j + 1) == '\'') {
              s.append('\'');
              j += 2;
              continue;
            }
            break;
          }
          if (d >= 0x80 || d == '\n' || d == '\r') {
            return null; // lengths in code points, and string continuation across lines
          }
          s.append(d);
          j++;
        }
        spans = add(spans, values.size(), i, j + 1);
        values.add(s.toString());
        classes.append(" s").append(s.length());
        key.append(MARK);
        previous = j;
        i = j + 1;
        continue;
      }
      if (c == '"') {
        int j = sql.indexOf('"', i + 1);
        if (j < 0) {
          return null;
        }
        key.append(sql, i, j + 1); // "" inside is two quoted parts, copied alike
        previous = j;
        i = j + 1;
        continue;
      }
      if (c == '$' || c == '?' || c == '\\' || c >= 0x80
          || (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-')
          || (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*')) {
        return null;
      }
      boolean digitStart = isDigit(c) || (c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1)));
      boolean signed = c == '-' && i + 1 < n && (isDigit(sql.charAt(i + 1))
          || (sql.charAt(i + 1) == '.' && i + 2 < n && isDigit(sql.charAt(i + 2))))
          && (previous < 0 || "(,=<>+-*/%".indexOf(sql.charAt(previous)) >= 0);
      if ((digitStart && (previous != i - 1 || !isWordChar(sql.charAt(previous)))) || signed) {
        int j = signed ? i + 1 : i;
        while (j < n && isDigit(sql.charAt(j))) {
          j++;
        }
        boolean dot = j < n && sql.charAt(j) == '.';
        if (dot) {
          j++;
          while (j < n && isDigit(sql.charAt(j))) {
            j++;
          }
        }
        boolean exponent = j < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E');
        if (exponent) {
          j++;
          if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
            j++;
          }
          if (j >= n || !isDigit(sql.charAt(j))) {
            return null;
          }
          while (j < n && isDigit(sql.charAt(j))) {
            j++;
          }
        }
        if (j < n && (isWordChar(sql.charAt(j)) || sql.charAt(j) == '.')) {
          return null; // 1abc, 1.2.3
        }
        String text = sql.substring(i, j);
        Object value;
        if (exponent) {
          value = Double.parseDouble(text);
          classes.append(" a");
        } else if (dot) {
          BigDecimal d = new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
          value = d;
          classes.append(" n").append(text.length()).append('.').append(text.indexOf('.'));
        } else {
          BigDecimal d = new BigDecimal(text);
          if (d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0 && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            value = d.intValueExact();
            classes.append(" i");
          } else if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            value = d.longValueExact();
            classes.append(" l");
          } else {
            value = d;
            classes.append(" d").append(text.length());
          }
        }
        spans = add(spans, values.size(), i, j);
        values.add(value);
        key.append(MARK);
        previous = j - 1;
        i = j;
        continue;
      }
      key.append(c);
      if (!Character.isWhitespace(c)) {
        previous = i;
      }
      i++;
    }
    if (values.isEmpty()) {
      return null;
    }
    return new LiteralShape(key.append(classes).append(" */").toString(), Arrays.copyOf(spans, 2 * values.size()),
        values.toArray());
  }

  private static int[] add(int[] spans, int index, int begin, int end) {
    int[] s = 2 * index + 1 < spans.length ? spans : Arrays.copyOf(spans, spans.length * 2);
    s[2 * index] = begin;
    s[2 * index + 1] = end;
    return s;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
