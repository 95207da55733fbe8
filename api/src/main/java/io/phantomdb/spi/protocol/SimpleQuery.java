package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;

/**
 * The statements of one simple query string, run one per {@link #next()} call.
 *
 * <p>Usage: call {@link #next()} until it returns null; read each result (rows, then its command
 * tag) and close it before the next call. If {@code next} or reading a result throws, the query
 * is over: the implicit transaction (if any) is rolled back and later {@code next} calls return
 * null. {@link #close()} ends the query (it commits the implicit transaction if all went well).
 */
@Experimental
public interface SimpleQuery extends AutoCloseable {

  /**
   * Whether the query string held no statement at all (PostgreSQL answers EmptyQueryResponse).
   *
   * @return true for an empty or comment-only string
   */
  boolean isEmpty();

  /**
   * Runs the next statement.
   *
   * @return its result, or null when no statement is left
   * @throws SqlErrorException if the statement failed
   */
  QueryResult next();

  /**
   * Finishes the query: closes the current result and commits the implicit transaction.
   *
   * @throws SqlErrorException if that commit fails (40001, 23505 deferred ...)
   */
  @Override
  void close();
}
