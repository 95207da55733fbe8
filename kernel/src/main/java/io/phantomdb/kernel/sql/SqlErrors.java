package io.phantomdb.kernel.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * Turns Calcite's validation errors into PostgreSQL's SQLSTATEs and wording, so clients can tell
 * a missing table (42P01) from a missing column (42703) from a type error.
 */
final class SqlErrors {
  private static final Pattern OBJECT = Pattern.compile("Object '([^']*)' not found");
  private static final Pattern TABLE = Pattern.compile("Table '([^']*)' not found");
  private static final Pattern COLUMN = Pattern.compile("Column '([^']*)' not found");
  private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
  private static final Pattern NOT_NULL = Pattern.compile("Column '([^']*)' has no default value and does not allow NULLs");
  private static final Pattern FUNCTION = Pattern.compile("No match found for function signature ([^(]*)\\(");

  private SqlErrors() {}

  static SqlException of(RuntimeException e) {
    if (e instanceof SqlException s) {
      return s;
    }
    Throwable t = e;
    while (t.getCause() != null && !(t instanceof CalciteContextException)) {
      t = t.getCause();
    }
    String msg = t instanceof CalciteContextException c && c.getCause() != null
        ? c.getCause().getMessage() : String.valueOf(t.getMessage());
    Matcher m;
    if ((m = OBJECT.matcher(msg)).find() || (m = TABLE.matcher(msg)).find()) {
      return new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + m.group(1) + "\" does not exist");
    }
    if ((m = NOT_NULL.matcher(msg)).find()) {
      return new SqlException(SqlState.NOT_NULL_VIOLATION,
          "null value in column \"" + m.group(1) + "\" violates not-null constraint");
    }
    if ((m = COLUMN.matcher(msg)).find()) {
      return new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + m.group(1) + "\" does not exist");
    }
    if ((m = AMBIGUOUS.matcher(msg)).find()) {
      return new SqlException(SqlState.AMBIGUOUS_COLUMN, "column reference \"" + m.group(1) + "\" is ambiguous");
    }
    if ((m = FUNCTION.matcher(msg)).find()) {
      return new SqlException(SqlState.UNDEFINED_FUNCTION, "function " + m.group(1).toLowerCase() + " does not exist",
          null, "No function matches the given name and argument types.", null);
    }
    if (msg.contains("is not being grouped") || msg.contains("not a GROUP BY expression")) {
      return new SqlException(SqlState.GROUPING_ERROR, msg);
    }
    if (msg.contains("Cannot apply") || msg.contains("Cannot assign") || msg.contains("Type mismatch")) {
      return new SqlException(SqlState.DATATYPE_MISMATCH, msg);
    }
    if (t instanceof CalciteContextException) {
      return new SqlException(SqlState.SYNTAX_ERROR, msg);
    }
    return new SqlException(SqlState.INTERNAL_ERROR, "internal error: " + e, null, null, e);
  }
}
