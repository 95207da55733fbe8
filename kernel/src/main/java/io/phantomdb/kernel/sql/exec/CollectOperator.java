package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.type.PgArray;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ARRAY(sub-query)}: reads every row of its input and returns one row holding an array of
 * the input's first column, in input order (empty when there are no rows, as PostgreSQL's
 * {@code ARRAY(SELECT ... WHERE false)} is {@code {}}).
 */
public final class CollectOperator implements Operator {
  private final Operator input;
  private boolean done;

  /** @param input the sub-query's rows (one column) */
  public CollectOperator(Operator input) {
    this.input = input;
  }

  @Override
  public void open(ExecContext ctx) {
    done = false;
    input.open(ctx);
  }

  @Override
  public Object[] next() {
    if (done) {
      return null;
    }
    done = true;
    List<Object> items = new ArrayList<>();
    Object[] row;
    while ((row = input.next()) != null) {
      items.add(row[0]);
    }
    return new Object[] {new PgArray(items)};
  }

  @Override
  public void close() {
    input.close();
  }

  @Override
  public String describe() {
    return "Collect";
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
