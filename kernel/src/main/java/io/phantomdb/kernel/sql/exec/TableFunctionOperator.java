package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.SetReturningFunctions;
import java.util.Iterator;
import java.util.List;

/**
 * A set-returning function in FROM ({@code generate_series}, {@code unnest}): evaluates its
 * arguments when opened (they may read an outer row of a correlated sub-query) and returns the
 * function's rows.
 */
public final class TableFunctionOperator implements Operator {
  private static final Object[] NO_ROW = new Object[0];

  private final String name;
  private final List<Expr> args;
  private Iterator<Object[]> rows;

  /**
   * @param name the function's name
   * @param args its arguments
   */
  public TableFunctionOperator(String name, List<Expr> args) {
    this.name = name;
    this.args = List.copyOf(args);
  }

  @Override
  public void open(ExecContext ctx) {
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = args.get(i).eval(NO_ROW, ctx.eval());
    }
    rows = SetReturningFunctions.rows(name, values).iterator();
  }

  @Override
  public Object[] next() {
    return rows != null && rows.hasNext() ? rows.next() : null;
  }

  @Override
  public void close() {
    rows = null;
  }

  @Override
  public String describe() {
    return "Function Scan on " + name.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public List<Operator> children() {
    return List.of();
  }
}
