package io.phantomdb.kernel.sql.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts its whole input in memory (stable), then returns it in order. With a limit hint of at most
 * {@link #HEAP_LIMIT} rows it keeps only what the limit needs while it reads (a top-N heap sort, as
 * PostgreSQL's "top-N heapsort"): a bounded max-heap ordered by the sort keys and then by arrival,
 * so rows that tie on the keys come out in input order, exactly as the stable full sort's first
 * rows. Every input row is still read (an error in the input surfaces as with a full sort).
 */
public final class SortOperator implements Operator {
  /** The largest limit hint sorted with a bounded heap; a larger one sorts everything. */
  static final long HEAP_LIMIT = 10_000;
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
    next = 0;
    if (keep <= HEAP_LIMIT) {
      rows = topN(ctx);
      return;
    }
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
  }

  /** A row and its position in the input, the tie-breaker that keeps the sort stable. */
  private record Entry(Object[] row, long seq) {}

  /** Reads the input keeping the first {@code keep} rows in order, in a bounded max-heap. */
  private List<Object[]> topN(ExecContext ctx) {
    Comparator<Entry> stable = (a, b) -> {
      int c = order.compare(a.row, b.row);
      return c != 0 ? c : Long.compare(a.seq, b.seq);
    };
    int cap = (int) keep;
    PriorityQueue<Entry> heap = new PriorityQueue<>(Math.max(1, cap), stable.reversed());
    long seq = 0;
    Object[] row;
    while ((row = input.next()) != null) {
      if (heap.size() < cap) {
        heap.add(new Entry(row, seq));
      } else if (cap > 0 && order.compare(row, heap.peek().row) < 0) {
        // a later row that ties with the greatest kept one sorts after it: only a smaller one enters
        heap.poll();
        heap.add(new Entry(row, seq));
      }
      if (++seq % 4096 == 0) {
        ctx.checkCancelled();
      }
    }
    List<Entry> kept = new ArrayList<>(heap);
    kept.sort(stable);
    List<Object[]> out = new ArrayList<>(kept.size());
    for (Entry e : kept) {
      out.add(e.row);
    }
    return out;
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
