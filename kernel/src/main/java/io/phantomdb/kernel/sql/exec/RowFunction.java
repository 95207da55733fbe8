package io.phantomdb.kernel.sql.exec;

/** Computes one value from a row (a projected column, a join or group key). */
@FunctionalInterface
public interface RowFunction {
  /**
   * @param row the input row
   * @param ctx the execution context
   * @return the value (null for SQL NULL)
   */
  Object apply(Object[] row, ExecContext ctx);
}
