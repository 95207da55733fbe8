package io.phantomdb.kernel.sql.type;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's text form of one-dimensional arrays: {@code {1,2,NULL}}, {@code {a,"b c","\"q\""}}.
 * Elements are written as the element type writes them, double-quoted when empty, when they hold
 * a brace, comma, quote, backslash or white space, or when they read {@code NULL}.
 */
public final class ArrayText {
  private ArrayText() {}

  /**
   * @param array an array
   * @param elementType the type of its elements
   * @return its text form
   */
  public static String format(PgArray array, DataType elementType) {
    if (array.vector()) {
      StringBuilder v = new StringBuilder();
      for (Object e : array.elements()) {
        v.append(v.length() == 0 ? "" : " ").append(e);
      }
      return v.toString();
    }
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < array.length(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = array.elements().get(i);
      if (v == null) {
        sb.append("NULL");
        continue;
      }
      String s = TextCodec.format(v, elementType);
      if (needsQuotes(s)) {
        sb.append('"');
        for (int j = 0; j < s.length(); j++) {
          char c = s.charAt(j);
          if (c == '"' || c == '\\') {
            sb.append('\\');
          }
          sb.append(c);
        }
        sb.append('"');
      } else {
        sb.append(s);
      }
    }
    return sb.append('}').toString();
  }

  private static boolean needsQuotes(String s) {
    if (s.isEmpty() || s.equalsIgnoreCase("NULL")) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads an array's text form.
   *
   * @param text the text, such as {@code {1,2}}
   * @param elementType the type of the elements (each is read as that type reads its text)
   * @return the array
   * @throws SqlException 22P02 {@code malformed array literal}; 0A000 for a multi-dimensional array
   *     or explicit bounds
   */
  public static PgArray parse(String text, DataType elementType) {
    String s = text.strip();
    if (s.startsWith("[")) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "array bounds are not supported");
    }
    if (!s.startsWith("{")) {
      throw malformed(text, "Array value must start with \"{\" or dimension information.");
    }
    List<Object> out = new ArrayList<>();
    int i = 1;
    int n = s.length();
    i = skipSpace(s, i);
    if (i < n && s.charAt(i) == '}') {
      return end(s, i, text, out);
    }
    while (true) {
      i = skipSpace(s, i);
      if (i >= n) {
        throw malformed(text, "Unexpected end of input.");
      }
      char c = s.charAt(i);
      if (c == '{') {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
      }
      StringBuilder e = new StringBuilder();
      boolean quoted = false;
      if (c == '"') {
        quoted = true;
        i++;
        while (true) {
          if (i >= n) {
            throw malformed(text, "Unexpected end of input.");
          }
          char q = s.charAt(i++);
          if (q == '"') {
            break;
          }
          if (q == '\\') {
            if (i >= n) {
              throw malformed(text, "Unexpected end of input.");
            }
            q = s.charAt(i++);
          }
          e.append(q);
        }
        i = skipSpace(s, i);
      } else {
        while (i < n && s.charAt(i) != ',' && s.charAt(i) != '}') {
          char q = s.charAt(i++);
          if (q == '"' || q == '{') {
            throw malformed(text, "Unexpected \"" + q + "\" character.");
          }
          if (q == '\\' && i < n) {
            q = s.charAt(i++);
          }
          e.append(q);
        }
      }
      String v = quoted ? e.toString() : e.toString().strip();
      if (!quoted && v.isEmpty()) {
        throw malformed(text, "Unexpected \"" + (i < n ? s.charAt(i) : ' ') + "\" character.");
      }
      out.add(!quoted && v.toUpperCase(Locale.ROOT).equals("NULL") ? null : TextCodec.parse(v, elementType));
      if (i >= n) {
        throw malformed(text, "Unexpected end of input.");
      }
      if (s.charAt(i) == '}') {
        return end(s, i, text, out);
      }
      if (s.charAt(i) != ',') {
        throw malformed(text, "Unexpected array element.");
      }
      i++;
    }
  }

  private static PgArray end(String s, int close, String text, List<Object> out) {
    if (close != s.length() - 1) {
      throw malformed(text, "Junk after closing right brace.");
    }
    return new PgArray(out);
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static SqlException malformed(String text, String detail) {
    return new SqlException(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"",
        detail, null, null);
  }
}
