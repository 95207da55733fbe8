package io.phantomdb.kernel.sql.exec;

import java.util.List;

/** Passes the rows of its input for which a condition is TRUE. */
public final class FilterOperator implements Operator {
  private final Operator input;
  private final RowPredicate condition;
  private final String description;
  private ExecContext ctx;

  /**
   * @param input the rows to filter
   * @param condition the condition
   * @param description the condition as text, for EXPLAIN
   */
  public FilterOperator(Operator input, RowPredicate condition, String description) {
    this.input = input;
    this.condition = condition;
    this.description = description;
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    input.open(context);
  }

  @Override
  public Object[] next() {
    Object[] row;
    while ((row = input.next()) != null) {
      if (condition.test(row, ctx)) {
        return row;
      }
    }
    return null;
  }

  @Override
  public void close() {
    input.close();
  }

  @Override
  public String describe() {
    return "Filter: " + description;
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
