package io.phantomdb.kernel.sql;

import java.util.List;

/**
 * The outcome of one executed statement: rows to read (a query, {@code EXPLAIN}, DML with
 * {@code RETURNING}), or just a command tag and a count.
 *
 * <p>Rows are produced lazily: read them with {@link #next()} until it returns null, then {@link
 * #close()} (try-with-resources); closing early stops the statement. Not thread-safe: one thread
 * reads one result.
 */
public interface StatementResult extends AutoCloseable {

  /**
   * The columns of the rows, in order.
   *
   * @return the columns; empty if the statement returns no rows
   */
  List<ColumnInfo> columns();

  /**
   * The next row. Values follow {@link io.phantomdb.kernel.sql.type.TypeKind}'s Java classes;
   * SQL NULL is {@code null}.
   *
   * @return the next row, or null when there are no more
   * @throws SqlException if computing the row fails (division by zero, a cast, ...)
   */
  Object[] next();

  /**
   * The PostgreSQL command tag, such as {@code SELECT 3}, {@code INSERT 0 1}, {@code UPDATE 2},
   * {@code CREATE TABLE}. For statements returning rows the count is known only after the last
   * row was read.
   *
   * @return the tag
   */
  String commandTag();

  /**
   * Rows inserted, updated or deleted, or rows returned by a query once all were read.
   *
   * @return the count
   */
  long rowCount();

  /** Releases what the statement holds. Idempotent. */
  @Override
  void close();
}
