package io.phantomdb.kernel.sql.exec;

import java.util.List;

/**
 * A node of an execution plan. Life cycle: {@link #open}, then {@link #next} until it returns null,
 * then {@link #close} (always, also after a failure or when the consumer stops early). An operator
 * may be opened again after close (the inner side of a nested-loop join is). Single-threaded.
 */
public interface Operator extends AutoCloseable {

  /**
   * Prepares to produce rows.
   *
   * @param ctx the statement's execution context
   */
  void open(ExecContext ctx);

  /**
   * @return the next row, or null when there are no more; the caller may keep the array
   */
  Object[] next();

  /** Releases what {@link #open} acquired. Idempotent. */
  @Override
  void close();

  /** @return a one-line description for EXPLAIN, such as {@code Hash Join (inner) on [0] = [1]} */
  String describe();

  /** @return the inputs, for EXPLAIN */
  List<Operator> children();

  /**
   * @return lines EXPLAIN prints under this operator's line, such as {@code Index Cond: (a > 5)}
   *     or {@code Conflict Resolution: UPDATE}; none by default
   */
  default List<String> details() {
    return List.of();
  }
}
