package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code COPY} statement: {@code COPY table [(columns)] FROM STDIN | TO STDOUT} or {@code
 * COPY (query) TO STDOUT}, with PostgreSQL's options in the new form ({@code [WITH] (FORMAT csv,
 * HEADER, DELIMITER ',', NULL '', QUOTE '"', ESCAPE '"')}) or the old one ({@code WITH CSV HEADER
 * DELIMITER ','}). Files and programs are refused with 0A000.
 *
 * @param table the table as written (possibly qualified and quoted), or null for a query
 * @param relationName the table's own name, for error contexts ({@code COPY t, line 3})
 * @param columns the listed columns as written, empty for all
 * @param query the query of {@code COPY (query) TO}, or null
 * @param from true for FROM STDIN, false for TO STDOUT
 * @param format the text/CSV details
 */
record CopyStatement(String table, String relationName, List<String> columns, String query, boolean from,
    CopyFormat format) {

  /**
   * Whether a statement is a COPY (by its first word).
   *
   * @param statement the statement text
   * @return true if it starts with COPY
   */
  static boolean isCopy(String statement) {
    return StatementTexts.firstWord(statement).equals("copy");
  }

  /**
   * Parses a COPY statement.
   *
   * @param sql the statement
   * @return the statement
   * @throws SqlException 42601 for a syntax error, 0A000 for files, programs and binary format,
   *     22023 / 42601 for bad options
   */
  static CopyStatement parse(String sql) {
    CopyTokens t = new CopyTokens(sql);
    t.expectWord("copy");
    String table = null;
    String relation = null;
    String query = null;
    List<String> columns = new ArrayList<>();
    CopyFormat.Builder options = new CopyFormat.Builder();
    if (t.peekIs("(")) {
      query = t.parenthesized();
    } else {
      if (t.peekWord("binary")) {
        t.next();
        options.option("format", "binary");
      }
      StringBuilder name = new StringBuilder(t.identifier());
      relation = CopyTokens.unquote(name.toString());
      while (t.peekIs(".")) {
        t.next();
        String part = t.identifier();
        name.append('.').append(part);
        relation = CopyTokens.unquote(part);
      }
      table = name.toString();
      if (t.peekIs("(")) {
        t.next();
        do {
          columns.add(t.identifier());
        } while (t.acceptPunct(","));
        t.expectPunct(")");
      }
    }
    boolean from;
    String direction = t.word();
    if (direction.equals("from")) {
      from = true;
    } else if (direction.equals("to")) {
      from = false;
    } else {
      throw t.syntaxError(direction);
    }
    if (from && query != null) {
      throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"from\"");
    }
    if (t.peekWord("program") || t.peekString()) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY to or from a file is not supported", null,
          "Use COPY ... FROM STDIN or COPY ... TO STDOUT (psql: \\copy).", null);
    }
    String end = t.word();
    if (!end.equals(from ? "stdin" : "stdout")) {
      throw t.syntaxError(end);
    }
    parseOptions(t, options);
    return new CopyStatement(table, relation, List.copyOf(columns), query, from, options.build(from));
  }

  private static void parseOptions(CopyTokens t, CopyFormat.Builder options) {
    if (t.peekWord("with")) {
      t.next();
    }
    if (t.peekIs("(")) {
      t.next();
      do {
        String name = t.word();
        String value = null;
        if (t.peekIs("(")) {
          value = t.parenthesized();
        } else if (!t.peekIs(",") && !t.peekIs(")")) {
          value = t.value();
        }
        options.option(name, value);
      } while (t.acceptPunct(","));
      t.expectPunct(")");
    } else {
      while (!t.atEnd() && !t.peekWord("where")) {
        String word = t.word();
        switch (word) {
          case "binary" -> options.option("format", "binary");
          case "csv" -> options.option("format", "csv");
          case "header" -> options.option("header", null);
          case "delimiter", "null", "quote", "escape", "encoding" -> {
            if (t.peekWord("as")) {
              t.next();
            }
            options.option(word, t.string());
          }
          case "force" -> {
            String what = t.word();
            if (what.equals("not")) {
              t.expectWord("null");
              what = "not_null";
            }
            List<String> cols = new ArrayList<>();
            if (!t.acceptPunct("*")) {
              do {
                cols.add(t.identifier());
              } while (t.acceptPunct(","));
            }
            options.option("force_" + what, String.join(",", cols));
          }
          default -> throw t.syntaxError(word);
        }
      }
    }
    if (t.peekWord("where")) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY FROM ... WHERE is not supported");
    }
    if (!t.atEnd()) {
      throw t.syntaxError(t.next());
    }
  }

  /** @return the table name for contexts, lower-cased as an unquoted identifier */
  String contextName() {
    return relationName == null ? "" : relationName;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
