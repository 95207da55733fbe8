package io.phantomdb.kernel.sql.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking window functions {@code row_number()}, {@code rank()} and {@code dense_rank()}
 * {@code OVER (PARTITION BY ... ORDER BY ...)}: reads every input row, orders a copy of them by
 * partition then window order for each window, numbers them, and returns the input rows in input
 * order with one column appended per function.
 */
public final class WindowOperator implements Operator {
  /** A ranking function. */
  public enum Function { ROW_NUMBER, RANK, DENSE_RANK }

  /**
   * One window and the functions computed over it.
   *
   * @param partition orders rows by the PARTITION BY columns (equal = same partition)
   * @param order orders rows by the window's ORDER BY (equal = peers)
   * @param functions the functions, in output order
   */
  public record Window(Comparator<Object[]> partition, Comparator<Object[]> order, List<Function> functions) {}

  private final Operator input;
  private final List<Window> windows;
  private final int inputWidth;
  private List<Object[]> rows;
  private int next;

  /**
   * @param input the input
   * @param windows the windows, whose function columns follow the input's in this order
   * @param inputWidth the input's column count
   */
  public WindowOperator(Operator input, List<Window> windows, int inputWidth) {
    this.input = input;
    this.windows = List.copyOf(windows);
    this.inputWidth = inputWidth;
  }

  @Override
  public void open(ExecContext ctx) {
    input.open(ctx);
    int extra = windows.stream().mapToInt(w -> w.functions().size()).sum();
    rows = new ArrayList<>();
    Object[] row;
    while ((row = input.next()) != null) {
      Object[] wide = new Object[inputWidth + extra];
      System.arraycopy(row, 0, wide, 0, inputWidth);
      rows.add(wide);
    }
    int column = inputWidth;
    for (Window w : windows) {
      compute(w, column);
      column += w.functions().size();
    }
    next = 0;
  }

  private void compute(Window w, int firstColumn) {
    List<Object[]> sorted = new ArrayList<>(rows);
    sorted.sort(w.partition().thenComparing(w.order()));
    long rowNumber = 0;
    long rank = 0;
    long dense = 0;
    Object[] previous = null;
    for (Object[] r : sorted) {
      boolean newPartition = previous == null || w.partition().compare(previous, r) != 0;
      if (newPartition) {
        rowNumber = 0;
        rank = 0;
        dense = 0;
      }
      rowNumber++;
      if (newPartition || w.order().compare(previous, r) != 0) {
        rank = rowNumber;
        dense++;
      }
      for (int i = 0; i < w.functions().size(); i++) {
        r[firstColumn + i] = switch (w.functions().get(i)) {
          case ROW_NUMBER -> rowNumber;
          case RANK -> rank;
          case DENSE_RANK -> dense;
        };
      }
      previous = r;
    }
  }

  @Override
  public Object[] next() {
    return rows != null && next < rows.size() ? rows.get(next++) : null;
  }

  @Override
  public void close() {
    rows = null;
    input.close();
  }

  @Override
  public String describe() {
    return "WindowAgg";
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
