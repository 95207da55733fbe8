package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.List;

/**
 * A statement parsed and planned once (PostgreSQL's prepared statement), bound many times.
 *
 * <p>Belongs to its session: one thread at a time; unusable after the session closes.
 */
@Experimental
public interface PreparedQuery extends AutoCloseable {

  /**
   * The parameter type OIDs, as declared or inferred, {@code $1} first (ParameterDescription).
   *
   * @return the OIDs; empty for a statement without parameters
   */
  List<Integer> parameterTypes();

  /**
   * The result columns (RowDescription), or empty when the statement returns no rows or when they
   * are known only once it runs (utility statements such as {@code SHOW}: a {@link
   * Portal#columns()} knows them).
   *
   * @return the columns
   */
  List<Column> columns();

  /**
   * Binds parameter values (PostgreSQL's Bind), giving a portal that has not run yet.
   *
   * @param values one per parameter: null (SQL NULL), a {@link String} in PostgreSQL's text format
   *     for the parameter's type, or a Java value of the class {@link Column} lists for that type
   *     (what a server decoded from a binary parameter)
   * @return the portal; the caller closes it
   * @throws SqlErrorException 08P01 if the number of values is wrong, 22P02 (or the conversion's
   *     SQLSTATE) if a value does not convert
   */
  Portal bind(List<Object> values);

  /** Forgets the statement. Idempotent. */
  @Override
  void close();
}
