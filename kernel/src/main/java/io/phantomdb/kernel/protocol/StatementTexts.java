package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.cli.sql.StatementSplitter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splitting query strings into statements, and telling statements apart by their first word. */
final class StatementTexts {
  /** Statements that may run inside PostgreSQL's implicit transaction of a multi-statement query. */
  private static final Set<String> TRANSACTIONAL =
      Set.of("select", "insert", "update", "delete", "with", "values", "table", "explain");
  /** Statements whose result columns are known only once they run. */
  private static final Set<String> COLUMNS_AT_RUN_TIME = Set.of("show", "explain");

  private StatementTexts() {}

  /** The statements of a query string, without empty ones and comments around them. */
  static List<String> split(String sql) {
    StatementSplitter splitter = new StatementSplitter();
    List<StatementSplitter.Statement> all = new java.util.ArrayList<>(splitter.feed(sql));
    all.addAll(splitter.finish());
    return all.stream().map(StatementSplitter.Statement::sql).filter(s -> !s.isBlank()).toList();
  }

  /** Whether every statement may run inside one implicit transaction block. */
  static boolean allTransactional(List<String> statements) {
    return statements.stream().allMatch(s -> TRANSACTIONAL.contains(firstWord(s)));
  }

  /** Whether a statement's columns are known only once it runs ({@code SHOW}, {@code EXPLAIN}). */
  static boolean columnsAtRunTime(String statement) {
    return COLUMNS_AT_RUN_TIME.contains(firstWord(statement));
  }

  /** The first keyword, lower case (a leading parenthesis skipped). */
  static String firstWord(String statement) {
    int i = 0;
    int n = statement.length();
    while (i < n && (Character.isWhitespace(statement.charAt(i)) || statement.charAt(i) == '(')) {
      i++;
    }
    int start = i;
    while (i < n && Character.isLetter(statement.charAt(i))) {
      i++;
    }
    return statement.substring(start, i).toLowerCase(Locale.ROOT);
  }
}
