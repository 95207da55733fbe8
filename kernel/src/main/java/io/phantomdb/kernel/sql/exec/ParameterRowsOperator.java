package io.phantomdb.kernel.sql.exec;

import java.util.List;

/**
 * The rows of a many-row INSERT ... VALUES planned as one row of parameters: for each row of
 * parameter values it binds them ({@link io.phantomdb.kernel.sql.expr.EvalContext#bindParameters})
 * and yields the one row of its input (the planned single-row VALUES), so the expressions above
 * it (the assignment casts and the defaults of omitted columns) see that row's values.
 */
public final class ParameterRowsOperator implements Operator {
  private final Operator input;
  private final List<Object[]> rows;
  private ExecContext ctx;
  private int next;

  /**
   * @param input the single-row input whose expressions read the parameters
   * @param rows the parameter values of each row, converted to the parameters' types
   */
  public ParameterRowsOperator(Operator input, List<Object[]> rows) {
    this.input = input;
    this.rows = rows;
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    next = 0;
  }

  @Override
  public Object[] next() {
    if (next >= rows.size()) {
      return null;
    }
    ctx.eval().bindParameters(rows.get(next++));
    input.open(ctx);
    try {
      return input.next();
    } finally {
      input.close();
    }
  }

  @Override
  public void close() {}

  @Override
  public String describe() {
    return "Values (" + rows.size() + " parameter rows)";
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
