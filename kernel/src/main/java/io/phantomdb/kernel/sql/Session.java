package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.type.DataType;
import java.util.List;

/**
 * A connection's view of the SQL engine: its current database and {@code search_path}, its
 * settings, and (later) its transaction. Protocol servers, the embedded shell and tests each hold
 * one per connection.
 *
 * <p>Not thread-safe: one statement at a time. A failed statement leaves the session usable.
 */
public interface Session extends AutoCloseable {

  /**
   * Parses, plans and executes one SQL statement (a trailing semicolon is allowed).
   *
   * @param sql the statement text
   * @return its result; the caller closes it before executing the next statement
   * @throws SqlException with the SQLSTATE of whatever went wrong; the session stays usable
   */
  StatementResult execute(String sql);

  /**
   * Parses and plans a statement with parameters {@code $1, $2, ...} for repeated execution.
   *
   * @param sql one statement
   * @param parameterTypes the declared type of each parameter, {@code $1} first; a null entry
   *     (or a list shorter than the parameters) leaves the type to be inferred
   * @return the prepared statement
   * @throws SqlException with the SQLSTATE of what is wrong with the statement (42601 syntax,
   *     42P01 unknown table, 42P18 a parameter whose type cannot be told, ...)
   */
  PreparedStatement prepare(String sql, List<DataType> parameterTypes);

  /**
   * Parses and plans a statement, inferring its parameters' types.
   *
   * @param sql one statement
   * @return the prepared statement
   * @throws SqlException see {@link #prepare(String, List)}
   */
  default PreparedStatement prepare(String sql) {
    return prepare(sql, List.of());
  }

  /** Ends the session. Idempotent. */
  @Override
  void close();
}
