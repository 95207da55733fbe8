package io.phantomdb.kernel.sql.exec;

/** A condition over a row with SQL semantics: a row passes only if it is TRUE (not NULL). */
@FunctionalInterface
public interface RowPredicate {
  /**
   * @param row the input row
   * @param ctx the execution context
   * @return true only if the condition is TRUE
   */
  boolean test(Object[] row, ExecContext ctx);
}
