package io.phantomdb.kernel.sql.exec;

/** Makes a fresh {@link Accumulator} per group; built by the planner from an aggregate call. */
@FunctionalInterface
public interface AggregateFunction {
  /** @return a new, empty accumulator */
  Accumulator newAccumulator();
}
