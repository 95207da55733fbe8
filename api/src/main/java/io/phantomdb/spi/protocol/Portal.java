package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.List;

/**
 * A bound statement ready to run (PostgreSQL's portal). It runs at the first {@link #execute()};
 * the result it gives may be read a few rows at a time (Execute with a row limit, then
 * PortalSuspended, then Execute again).
 */
@Experimental
public interface Portal extends AutoCloseable {

  /**
   * The result columns (RowDescription for Describe of the portal). For a statement whose columns
   * are known only when it runs ({@code SHOW}, {@code EXPLAIN}), this runs it.
   *
   * @return the columns; empty if the statement returns no rows
   * @throws SqlErrorException if running it to learn the columns failed
   */
  List<Column> columns();

  /**
   * Runs the statement on the first call and returns its result; later calls return the same
   * result, positioned after the rows already read.
   *
   * @return the result, closed by closing the portal
   * @throws SqlErrorException if the statement failed
   */
  QueryResult execute();

  /** Closes the result and forgets the portal. Idempotent. */
  @Override
  void close();
}
