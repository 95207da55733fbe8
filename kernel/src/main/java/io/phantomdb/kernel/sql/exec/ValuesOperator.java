package io.phantomdb.kernel.sql.exec;

import java.util.List;

/** Produces a fixed list of rows, each computed from the empty row (VALUES, constant SELECT). */
public final class ValuesOperator implements Operator {
  private final List<RowFunction[]> rows;
  private int next;
  private ExecContext ctx;

  /** @param rows one array of value functions per row */
  public ValuesOperator(List<RowFunction[]> rows) {
    this.rows = List.copyOf(rows);
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
    RowFunction[] fns = rows.get(next++);
    Object[] out = new Object[fns.length];
    Object[] empty = new Object[0];
    for (int i = 0; i < fns.length; i++) {
      out[i] = fns[i].apply(empty, ctx);
    }
    return out;
  }

  @Override
  public void close() {}

  @Override
  public String describe() {
    return "Values (" + rows.size() + " rows)";
  }

  @Override
  public List<Operator> children() {
    return List.of();
  }
}
