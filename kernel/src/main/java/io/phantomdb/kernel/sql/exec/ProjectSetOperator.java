package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's ProjectSet: a projection whose expressions call set-returning functions. For each
 * input row every call gives its values; the operator makes as many rows as the longest list of
 * values (the calls in lock-step, a shorter list giving NULL after its end) and none when every
 * list is empty. The output expressions read the input row followed by one slot per call.
 */
public final class ProjectSetOperator implements Operator {
  /** One set-returning call: its values for an input row. */
  @FunctionalInterface
  public interface SetCall {
    /**
     * @param row the input row
     * @param ctx the evaluation context
     * @return the call's values, in order
     */
    List<Object> values(Object[] row, EvalContext ctx);
  }

  private final Operator input;
  private final List<SetCall> calls;
  private final List<Expr> columns;
  private final String description;
  private ExecContext ctx;
  private Object[] extended;
  private List<List<Object>> current = List.of();
  private int position;
  private int length;

  /**
   * @param input the input
   * @param calls the set-returning calls; call k fills slot {@code input width + k}
   * @param columns one expression per output column, over the input row and the slots
   * @param description the expressions as text, for EXPLAIN
   */
  public ProjectSetOperator(Operator input, List<SetCall> calls, List<Expr> columns, String description) {
    this.input = input;
    this.calls = List.copyOf(calls);
    this.columns = List.copyOf(columns);
    this.description = description;
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    position = 0;
    length = 0;
    input.open(context);
  }

  @Override
  public Object[] next() {
    while (position >= length) {
      Object[] row = input.next();
      if (row == null) {
        return null;
      }
      List<List<Object>> lists = new ArrayList<>(calls.size());
      length = 0;
      for (SetCall call : calls) {
        List<Object> values = call.values(row, ctx.eval());
        lists.add(values);
        length = Math.max(length, values.size());
      }
      current = lists;
      position = 0;
      extended = new Object[row.length + calls.size()];
      System.arraycopy(row, 0, extended, 0, row.length);
    }
    int base = extended.length - calls.size();
    for (int k = 0; k < calls.size(); k++) {
      List<Object> values = current.get(k);
      extended[base + k] = position < values.size() ? values.get(position) : null;
    }
    position++;
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = columns.get(i).eval(extended, ctx.eval());
    }
    return out;
  }

  @Override
  public void close() {
    input.close();
  }

  @Override
  public String describe() {
    return "ProjectSet: " + description;
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
