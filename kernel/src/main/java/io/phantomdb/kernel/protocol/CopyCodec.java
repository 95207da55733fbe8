package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's COPY text and CSV formats for one record: splitting a line into fields (with
 * backslash escapes, {@code \N}, CSV quoting) and writing a row back, exactly as PostgreSQL 15's
 * {@code CopyReadAttributesText/CSV} and {@code CopyAttributeOutText/CSV} do.
 */
final class CopyCodec {
  /** A field read from a record: its value (null for SQL NULL), and whether it was quoted (CSV). */
  record Field(String value, String raw, boolean quoted) {}

  private final CopyFormat format;

  CopyCodec(CopyFormat format) {
    this.format = format;
  }

  /**
   * The fields of a record (a line without its line end; in CSV possibly holding quoted line
   * breaks).
   *
   * @throws SqlException 22P04 for an unterminated CSV quoted field
   */
  List<Field> split(String line) {
    return format.csv() ? splitCsv(line) : splitText(line);
  }

  private List<Field> splitText(String line) {
    List<Field> out = new ArrayList<>();
    char delim = format.delimiter();
    int i = 0;
    int n = line.length();
    while (true) {
      int start = i;
      StringBuilder v = new StringBuilder();
      boolean escaped = false;
      while (i < n && line.charAt(i) != delim) {
        char c = line.charAt(i++);
        if (c != '\\' || i >= n) {
          v.append(c);
          continue;
        }
        escaped = true;
        char e = line.charAt(i++);
        if (e >= '0' && e <= '7') {
          int value = e - '0';
          for (int k = 0; k < 2 && i < n && line.charAt(i) >= '0' && line.charAt(i) <= '7'; k++) {
            value = value * 8 + line.charAt(i++) - '0';
          }
          v.append((char) (value & 0xFF));
        } else if (e == 'x' && i < n && Character.digit(line.charAt(i), 16) >= 0) {
          int value = Character.digit(line.charAt(i++), 16);
          if (i < n && Character.digit(line.charAt(i), 16) >= 0) {
            value = value * 16 + Character.digit(line.charAt(i++), 16);
          }
          v.append((char) value);
        } else {
          v.append(switch (e) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> '\u000B';
            default -> e;
          });
        }
      }
      String raw = line.substring(start, i);
      boolean isNull = raw.equals(format.nullString());
      out.add(new Field(isNull ? null : escaped ? v.toString() : raw, raw, false));
      if (i >= n) {
        return out;
      }
      i++; // the delimiter
    }
  }

  private List<Field> splitCsv(String line) {
    List<Field> out = new ArrayList<>();
    char delim = format.delimiter();
    char quote = format.quote();
    char escape = format.escape();
    int i = 0;
    int n = line.length();
    while (true) {
      int start = i;
      StringBuilder v = new StringBuilder();
      boolean sawQuote = false;
      boolean inQuote = false;
      while (i < n) {
        char c = line.charAt(i++);
        if (inQuote) {
          if (c == escape && i < n && (line.charAt(i) == quote || line.charAt(i) == escape) && escape != quote) {
            v.append(line.charAt(i++));
          } else if (c == quote) {
            if (escape == quote && i < n && line.charAt(i) == quote) {
              v.append(quote);
              i++;
            } else {
              inQuote = false;
            }
          } else {
            v.append(c);
          }
        } else if (c == delim) {
          i--;
          break;
        } else if (c == quote) {
          inQuote = true;
          sawQuote = true;
        } else {
          v.append(c);
        }
      }
      if (inQuote) {
        throw new SqlException("22P04", "unterminated CSV quoted field");
      }
      String raw = line.substring(start, i);
      boolean isNull = !sawQuote && raw.equals(format.nullString());
      out.add(new Field(isNull ? null : v.toString(), raw, sawQuote));
      if (i >= n) {
        return out;
      }
      i++;
    }
  }

  /**
   * One row as a line with its line end.
   *
   * @param values the values' text forms, null for NULL
   * @param forceQuote per column: always quote (CSV), or null for none
   */
  String line(List<String> values, boolean[] forceQuote) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(format.delimiter());
      }
      String v = values.get(i);
      if (v == null) {
        out.append(format.nullString());
      } else if (format.csv()) {
        csv(out, v, forceQuote != null && forceQuote[i], values.size() == 1);
      } else {
        text(out, v);
      }
    }
    return out.append('\n').toString();
  }

  private void text(StringBuilder out, String v) {
    char delim = format.delimiter();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\u000B' -> out.append("\\v");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c == delim) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
  }

  private void csv(StringBuilder out, String v, boolean force, boolean singleColumn) {
    char quote = format.quote();
    char escape = format.escape();
    boolean quoteIt = force || v.equals(format.nullString()) || (singleColumn && v.equals("\\."));
    for (int i = 0; !quoteIt && i < v.length(); i++) {
      char c = v.charAt(i);
      quoteIt = c == format.delimiter() || c == quote || c == '\n' || c == '\r';
    }
    if (!quoteIt) {
      out.append(v);
      return;
    }
    out.append(quote);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == quote || c == escape) {
        out.append(escape);
      }
      out.append(c);
    }
    out.append(quote);
  }
}
