package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.type.DataType;
import java.util.List;

/**
 * A statement parsed and planned once and executed many times with parameter values ({@code $1},
 * {@code $2}, ...): what PostgreSQL's extended query protocol (Parse / Bind / Execute) and a
 * driver's prepared statement map onto.
 *
 * <p>The plan is remade transparently when the catalog changed since it was made (a table was
 * altered, an index created); if that changes the statement's result columns, execution fails
 * with 0A000 ("cached plan must not change result type") as in PostgreSQL — prepare it again.
 *
 * <p>Belongs to its session: not thread-safe, and unusable once the session is closed.
 */
public interface PreparedStatement extends AutoCloseable {

  /**
   * The types of the parameters: as declared when preparing, or inferred from where each is used
   * ({@code id = $1} takes the type of {@code id}; otherwise {@code text}).
   *
   * @return one type per parameter, {@code $1} first; empty for statements without parameters
   */
  List<DataType> parameterTypes();

  /**
   * The columns of the rows the statement returns.
   *
   * @return the columns; empty for statements that return no rows (INSERT without RETURNING,
   *     DDL, SET, ...)
   */
  List<ColumnInfo> columns();

  /**
   * Executes the statement with parameter values.
   *
   * @param parameters one value per parameter, each null (SQL NULL), of the Java class of the
   *     parameter's type ({@link io.phantomdb.kernel.sql.type.TypeKind#javaClass()}), or a String
   *     in PostgreSQL's text format, converted to the parameter's type
   * @return the result, to read and close before the next statement of the session
   * @throws SqlException 08P01 if the number of values is wrong, 22P02 (or the conversion's
   *     SQLSTATE) if a value does not convert, or whatever executing the statement raises
   */
  StatementResult execute(Object... parameters);

  /** Forgets the statement. Idempotent. */
  @Override
  void close();
}
