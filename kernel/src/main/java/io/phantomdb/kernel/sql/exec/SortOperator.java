package io.phantomdb.kernel.sql.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts its whole input in memory (stable), then returns it in order. With a limit hint it keeps
 * only what the limit needs (a top-N sort).
 */
public final class SortOperator implements Operator {
  private final Operator input;
  private final Comparator<Object[]> order;
  private final long keep;
  private final String description;
  private List<Object[]> rows;
  private int next;

  /**
   * @param input the input
   * @param order the sort order
   * @param keep how many of the first rows are needed ({@code Long.MAX_VALUE} for all)
   * @param description the sort keys as text, for EXPLAIN
   */
  public SortOperator(Operator input, Comparator<Object[]> order, long keep, String description) {
    this.input = input;
    this.order = order;
    this.keep = keep;
    this.description = description;
  }

  @Override
  public void open(ExecContext ctx) {
    input.open(ctx);
    rows = new ArrayList<>();
    Object[] row;
    while ((row = input.next()) != null) {
      rows.add(row);
      if (rows.size() % 4096 == 0) {
        ctx.checkCancelled();
      }
    }
    rows.sort(order);
    if (rows.size() > keep) {
      rows = new ArrayList<>(rows.subList(0, (int) keep));
    }
    next = 0;
  }

  @Override
  public Object[] next() {
    return next < rows.size() ? rows.get(next++) : null;
  }

  @Override
  public void close() {
    rows = null;
    input.close();
  }

  @Override
  public String describe() {
    return "Sort: " + description;
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
