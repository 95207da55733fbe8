package io.phantomdb.kernel.sql.exec;

/** The running state of one aggregate function over one group. */
public interface Accumulator {
  /**
   * Adds one input row.
   *
   * @param row the input row
   * @param ctx the execution context
   */
  void add(Object[] row, ExecContext ctx);

  /** @return the aggregate's value over the rows added (for no rows: COUNT 0, most others NULL) */
  Object result();
}
