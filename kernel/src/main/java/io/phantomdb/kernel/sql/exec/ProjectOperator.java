package io.phantomdb.kernel.sql.exec;

import java.util.List;

/** Computes output columns from each input row. */
public final class ProjectOperator implements Operator {
  private final Operator input;
  private final RowFunction[] columns;
  private final String description;
  private ExecContext ctx;

  /**
   * @param input the input
   * @param columns one function per output column
   * @param description the expressions as text, for EXPLAIN
   */
  public ProjectOperator(Operator input, RowFunction[] columns, String description) {
    this.input = input;
    this.columns = columns.clone();
    this.description = description;
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    input.open(context);
  }

  @Override
  public Object[] next() {
    Object[] row = input.next();
    if (row == null) {
      return null;
    }
    Object[] out = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = columns[i].apply(row, ctx);
    }
    return out;
  }

  @Override
  public void close() {
    input.close();
  }

  @Override
  public String describe() {
    return "Project: " + description;
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
