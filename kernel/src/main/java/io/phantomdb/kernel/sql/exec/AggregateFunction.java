package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.expr.Accumulator;

/**
 * Makes a fresh {@link Accumulator} per group; built by the planner from an aggregate call
 * ({@code io.phantomdb.kernel.sql.expr.AggregateSpec::newAccumulator}).
 */
@FunctionalInterface
public interface AggregateFunction {
  /** @return a new, empty accumulator */
  Accumulator newAccumulator();
}
