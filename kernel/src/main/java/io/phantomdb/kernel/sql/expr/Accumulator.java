package io.phantomdb.kernel.sql.expr;

/**
 * The running state of one aggregate for one group. Created by {@link
 * AggregateSpec#newAccumulator()}, fed every input row of the group in order, asked for the
 * result once at the end. Not thread-safe (one per group per aggregate).
 */
public interface Accumulator {
  /**
   * Takes one input row of the Aggregate (its input's columns, by index). The accumulator reads
   * its own argument columns, applies its FILTER and DISTINCT.
   *
   * @param row the input row
   */
  void add(Object[] row);

  /**
   * @return the aggregate's value over the rows added so far: NULL for SUM/AVG/MIN/MAX of no
   *     (non-null) values, 0 for COUNT; of the Java class of {@link AggregateSpec#type()}
   */
  Object result();
}
