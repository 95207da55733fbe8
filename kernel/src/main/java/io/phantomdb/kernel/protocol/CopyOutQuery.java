package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.StatementResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The SELECT behind a COPY: which columns it reads, and the query {@code COPY ... TO} runs. */
final class CopyOutQuery {
  private CopyOutQuery() {}

  /**
   * The query a {@code COPY ... TO} runs: its own for {@code COPY (query)}, else the listed
   * columns (all by default) of the table.
   */
  static String sql(CopyStatement statement) {
    if (statement.query() != null) {
      return statement.query();
    }
    return "SELECT " + (statement.columns().isEmpty() ? "*" : String.join(", ", statement.columns())) + " FROM "
        + statement.table();
  }

  /**
   * The columns of the table a COPY names (the listed ones, or all), with their types.
   *
   * @throws SqlException 42P01 unknown table, 42703 unknown column, 42701 a column listed twice
   */
  static List<ColumnInfo> columnsOf(Session session, CopyStatement statement) {
    checkDistinct(statement);
    try (StatementResult r = session.execute(sql(statement) + " LIMIT 0")) {
      return r.columns();
    }
  }

  /**
   * Refuses a column listed twice.
   *
   * @throws SqlException 42701 as PostgreSQL
   */
  static void checkDistinct(CopyStatement statement) {
    Set<String> seen = new HashSet<>();
    for (String c : statement.columns()) {
      if (!seen.add(CopyTokens.unquote(c))) {
        throw new SqlException(SqlState.DUPLICATE_COLUMN,
            "column \"" + CopyTokens.unquote(c) + "\" specified more than once");
      }
    }
  }

  /** A name as a quoted identifier. */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Whether a FORCE_* list (null: none, {@code *}: all) names a column. */
  static boolean listed(List<String> names, String column) {
    return names != null && (names.contains("*") || names.contains(column));
  }
}
