package io.phantomdb.kernel.sql.exec;

import java.util.List;

/**
 * A correlated join (Calcite's {@code Correlate}, left by sub-queries the decorrelator cannot turn
 * into joins, such as {@code ARRAY(SELECT ... WHERE x = outer.y)}): for each outer row, sets the
 * correlation variable and runs the inner side again; emits outer ++ inner rows, and for a LEFT
 * correlate an outer row with nulls when the inner side has no rows.
 */
public final class CorrelateOperator implements Operator {
  private final Operator outer;
  private final Operator inner;
  private final int correlationId;
  private final boolean left;
  private final int innerWidth;
  private ExecContext ctx;
  private Object[] current;
  private boolean matched;

  /**
   * @param outer the outer rows
   * @param inner the inner side, reading the correlation variable
   * @param correlationId the variable's id
   * @param left whether outer rows without inner rows are kept (LEFT)
   * @param innerWidth the inner side's column count
   */
  public CorrelateOperator(Operator outer, Operator inner, int correlationId, boolean left, int innerWidth) {
    this.outer = outer;
    this.inner = inner;
    this.correlationId = correlationId;
    this.left = left;
    this.innerWidth = innerWidth;
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    current = null;
    outer.open(context);
  }

  @Override
  public Object[] next() {
    while (true) {
      if (current == null) {
        current = outer.next();
        if (current == null) {
          return null;
        }
        ctx.checkCancelled();
        ctx.eval().setCorrelation(correlationId, current);
        inner.close();
        inner.open(ctx);
        matched = false;
      }
      Object[] in = inner.next();
      if (in != null) {
        matched = true;
        return join(current, in);
      }
      Object[] o = current;
      current = null;
      if (left && !matched) {
        return join(o, new Object[innerWidth]);
      }
    }
  }

  private static Object[] join(Object[] a, Object[] b) {
    Object[] r = new Object[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  @Override
  public void close() {
    inner.close();
    outer.close();
  }

  @Override
  public String describe() {
    return "Correlated Nested Loop" + (left ? " (left)" : "");
  }

  @Override
  public List<Operator> children() {
    return List.of(outer, inner);
  }
}
