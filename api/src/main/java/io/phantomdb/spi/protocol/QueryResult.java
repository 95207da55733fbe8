package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.List;

/**
 * The outcome of one statement, read as a cursor: rows one at a time with {@link #next()}, each
 * column's value as text ({@link #text(int)}) or as a Java value ({@link #value(int)}), then the
 * command tag. Rows are computed lazily, so a large result is never held in memory; a server may
 * stop after any row and continue later (row limits).
 *
 * <p>One thread at a time. Close it when done (closing early stops the statement).
 */
@Experimental
public interface QueryResult extends AutoCloseable {

  /**
   * The columns of the rows (RowDescription).
   *
   * @return the columns; empty if the statement returns no rows (NoData)
   */
  List<Column> columns();

  /**
   * Whether the statement text was empty (EmptyQueryResponse instead of CommandComplete).
   *
   * @return true for an empty statement
   */
  default boolean isEmptyQuery() {
    return false;
  }

  /**
   * For {@code COPY ... FROM STDIN}: the COPY waiting for its data, which the server feeds
   * before it reads the {@link #commandTag()}-less outcome from {@link CopyIn#done()}. Such a
   * result has no columns and no rows.
   *
   * @return the copy, or null for any other statement (the default)
   */
  default CopyIn copyIn() {
    return null;
  }

  /**
   * For {@code COPY ... TO STDOUT}: the lines to send as CopyData, after which {@link
   * #commandTag()} is {@code COPY n}. Such a result has no columns and no rows.
   *
   * @return the copy, or null for any other statement (the default)
   */
  default CopyOut copyOut() {
    return null;
  }

  /**
   * Moves to the next row.
   *
   * @return true if there is one; false at the end (then {@link #commandTag()} is final)
   * @throws SqlErrorException if computing the row fails (22012 division by zero, 57014 cancelled)
   */
  boolean next();

  /**
   * A column of the current row in PostgreSQL's text output format, in the session's {@code
   * DateStyle} and {@code TimeZone}.
   *
   * @param column 0-based
   * @return the text, or null for SQL NULL
   */
  String text(int column);

  /**
   * A column of the current row as a Java value of the class {@link Column} lists for its type,
   * for binary encodings.
   *
   * @param column 0-based
   * @return the value, or null for SQL NULL
   */
  Object value(int column);

  /**
   * The command tag (CommandComplete): {@code SELECT 3}, {@code INSERT 0 1}, {@code UPDATE 2},
   * {@code CREATE TABLE}, {@code BEGIN}, ... For statements returning rows, the count is final
   * once {@link #next()} returned false.
   *
   * @return the tag
   */
  String commandTag();

  /** Releases what the statement holds. Idempotent. */
  @Override
  void close();
}
