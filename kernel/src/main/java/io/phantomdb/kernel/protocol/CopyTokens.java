package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of a COPY statement: identifiers (quoted ones kept with their quotes), string
 * literals ({@code '...'}, {@code E'...'}) as their values, numbers and punctuation. A
 * parenthesized query is taken as raw text.
 */
final class CopyTokens {
  private record Token(char kind, String text, int start, int end) {}

  private final String sql;
  private final List<Token> tokens = new ArrayList<>();
  private int at;

  CopyTokens(String sql) {
    this.sql = sql;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
        boolean escapes = c != '\'';
        int start = i;
        i += escapes ? 2 : 1;
        StringBuilder v = new StringBuilder();
        while (true) {
          if (i >= n) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "unterminated quoted string at or near \""
                + sql.substring(start) + "\"");
          }
          char d = sql.charAt(i++);
          if (d == '\'') {
            if (i < n && sql.charAt(i) == '\'') {
              v.append('\'');
              i++;
            } else {
              break;
            }
          } else if (d == '\\' && escapes && i < n) {
            char e = sql.charAt(i++);
            v.append(switch (e) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 'b' -> '\b';
              case 'f' -> '\f';
              default -> e;
            });
          } else {
            v.append(d);
          }
        }
        tokens.add(new Token('s', v.toString(), start, i));
      } else if (c == '"') {
        int start = i++;
        while (i < n && !(sql.charAt(i) == '"' && (i + 1 >= n || sql.charAt(i + 1) != '"'))) {
          i += sql.charAt(i) == '"' ? 2 : 1;
        }
        i++;
        tokens.add(new Token('w', sql.substring(start, Math.min(i, n)), start, i));
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$'
            || (i == start && (sql.charAt(i) == '-' || sql.charAt(i) == '+')))) {
          i++;
        }
        tokens.add(new Token('w', sql.substring(start, i), start, i));
      } else {
        tokens.add(new Token('p', String.valueOf(c), i, i + 1));
        i++;
      }
    }
  }

  /** An identifier's name: unquoted ones lower-cased, quoted ones without quotes. */
  static String unquote(String identifier) {
    if (identifier.startsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  boolean atEnd() {
    return at >= tokens.size();
  }

  private Token peek() {
    return atEnd() ? null : tokens.get(at);
  }

  String next() {
    if (atEnd()) {
      throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
    }
    return tokens.get(at++).text();
  }

  boolean peekIs(String punct) {
    Token t = peek();
    return t != null && t.kind() == 'p' && t.text().equals(punct);
  }

  boolean peekWord(String word) {
    Token t = peek();
    return t != null && t.kind() == 'w' && t.text().equalsIgnoreCase(word);
  }

  boolean peekString() {
    Token t = peek();
    return t != null && t.kind() == 's';
  }

  boolean acceptPunct(String punct) {
    if (peekIs(punct)) {
      at++;
      return true;
    }
    return false;
  }

  void expectPunct(String punct) {
    if (!acceptPunct(punct)) {
      throw syntaxError(atEnd() ? null : peek().text());
    }
  }

  void expectWord(String word) {
    if (!peekWord(word)) {
      throw syntaxError(atEnd() ? null : peek().text());
    }
    at++;
  }

  /** A keyword or unquoted name, lower-cased. */
  String word() {
    Token t = peek();
    if (t == null || t.kind() != 'w' || t.text().startsWith("\"")) {
      throw syntaxError(t == null ? null : t.text());
    }
    at++;
    return t.text().toLowerCase(Locale.ROOT);
  }

  /** An identifier as written (quoted ones with their quotes). */
  String identifier() {
    Token t = peek();
    if (t == null || t.kind() != 'w') {
      throw syntaxError(t == null ? null : t.text());
    }
    at++;
    return t.text();
  }

  /** A string literal's value. */
  String string() {
    Token t = peek();
    if (t == null || t.kind() != 's') {
      throw syntaxError(t == null ? null : t.text());
    }
    at++;
    return t.text();
  }

  /** An option's value: a string, a word or a number, as text ({@code *} too). */
  String value() {
    Token t = peek();
    if (t == null || t.kind() == 'p' && !t.text().equals("*")) {
      throw syntaxError(t == null ? null : t.text());
    }
    at++;
    return t.kind() == 'w' ? unquote(t.text()) : t.text();
  }

  /** The raw text between a parenthesis here and its match; moves past the closing one. */
  String parenthesized() {
    Token open = tokens.get(at);
    int depth = 0;
    for (int i = at; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == 'p' && t.text().equals("(")) {
        depth++;
      } else if (t.kind() == 'p' && t.text().equals(")") && --depth == 0) {
        at = i + 1;
        return sql.substring(open.end(), t.start());
      }
    }
    throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
  }

  SqlException syntaxError(String near) {
    return new SqlException(SqlState.SYNTAX_ERROR,
        near == null ? "syntax error at end of input" : "syntax error at or near \"" + near + "\"");
  }
}
