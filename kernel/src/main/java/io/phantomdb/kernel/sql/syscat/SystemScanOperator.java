package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.exec.ExecContext;
import io.phantomdb.kernel.sql.exec.Operator;
import java.util.Iterator;
import java.util.List;

/** Reads a {@link SystemTable}: its rows are computed when the operator opens. */
public final class SystemScanOperator implements Operator {
  private final SystemTable table;
  private Iterator<Object[]> rows;

  /** @param table the table */
  public SystemScanOperator(SystemTable table) {
    this.table = table;
  }

  @Override
  public void open(ExecContext context) {
    rows = table.rows(context.eval().session()).iterator();
  }

  @Override
  public Object[] next() {
    return rows.hasNext() ? rows.next().clone() : null;
  }

  @Override
  public void close() {
    rows = null;
  }

  @Override
  public String describe() {
    return "Function Scan on " + table.name();
  }

  @Override
  public List<Operator> children() {
    return List.of();
  }
}
