package io.phantomdb.kernel.sql;

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

  /** Ends the session. Idempotent. */
  @Override
  void close();
}
