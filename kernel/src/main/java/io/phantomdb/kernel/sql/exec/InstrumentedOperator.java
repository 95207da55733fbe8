package io.phantomdb.kernel.sql.exec;

import java.util.List;

/**
 * Wraps an operator to count the rows it returns, the times it was opened and the time spent in
 * it (its children included), for EXPLAIN ANALYZE. The physical planner wraps each operator as it
 * builds it (see {@link #wrap}), so a parent pulls through its children's wrappers.
 */
public final class InstrumentedOperator implements Operator {
  private final Operator inner;
  private long rows;
  private long nanos;
  private long loops;

  private InstrumentedOperator(Operator inner) {
    this.inner = inner;
  }

  /**
   * @param op an operator whose inputs are already wrapped
   * @return the operator, counted
   */
  public static InstrumentedOperator wrap(Operator op) {
    return new InstrumentedOperator(op);
  }

  @Override
  public void open(ExecContext ctx) {
    loops++;
    long start = System.nanoTime();
    try {
      inner.open(ctx);
    } finally {
      nanos += System.nanoTime() - start;
    }
  }

  @Override
  public Object[] next() {
    long start = System.nanoTime();
    try {
      Object[] row = inner.next();
      if (row != null) {
        rows++;
      }
      return row;
    } finally {
      nanos += System.nanoTime() - start;
    }
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  @Override
  public List<Operator> children() {
    return inner.children();
  }

  @Override
  public List<String> details() {
    return inner.details();
  }

  /** @return the operator counted */
  public Operator inner() {
    return inner;
  }

  /** @return rows returned */
  public long rows() {
    return rows;
  }

  /** @return time spent in open and next, in milliseconds */
  public double millis() {
    return nanos / 1e6;
  }

  /** @return how often it was opened */
  public long loops() {
    return loops;
  }
}
