package io.phantomdb.kernel.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.expr.EvalContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded-heap (top-N) path of {@link SortOperator} gives exactly the stable full sort's first rows. */
class TopNSortTest {
  private static final Comparator<Object[]> BY_KEY = Comparator.comparing(r -> (Integer) r[0]);

  /** Rows {@code [key, arrival]} with few distinct keys, so most rows tie on the sort key. */
  private static List<Object[]> input(int n, int distinct, long seed) {
    Random random = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {random.nextInt(distinct), i});
    }
    return rows;
  }

  private static Operator source(List<Object[]> rows) {
    List<RowFunction[]> fns = new ArrayList<>();
    for (Object[] r : rows) {
      fns.add(new RowFunction[] {(row, ctx) -> r[0], (row, ctx) -> r[1]});
    }
    return new ValuesOperator(fns);
  }

  private static List<List<Object>> run(Operator op) {
    List<List<Object>> out = new ArrayList<>();
    op.open(new ExecContext(EvalContext.of()));
    try {
      Object[] row;
      while ((row = op.next()) != null) {
        out.add(Arrays.asList(row));
      }
    } finally {
      op.close();
    }
    return out;
  }

  /** The stable sort of the whole input (List.sort is a stable merge sort), then its first rows. */
  private static List<List<Object>> expected(List<Object[]> rows, Comparator<Object[]> order, int keep) {
    List<Object[]> sorted = new ArrayList<>(rows);
    sorted.sort(order);
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : sorted.subList(0, Math.min(keep, sorted.size()))) {
      out.add(Arrays.asList(r));
    }
    return out;
  }

  @Test
  void tiesKeepTheirInputOrderAsInTheStableFullSort() {
    List<Object[]> rows = input(3000, 7, 42);
    for (Comparator<Object[]> order : List.of(BY_KEY, BY_KEY.reversed())) {
      for (int keep : new int[] {1, 2, 10, 429, 2999, 3000, 5000}) {
        assertThat(run(new SortOperator(source(rows), order, keep, "")))
            .as("keep %d", keep)
            .containsExactlyElementsOf(expected(rows, order, keep));
      }
    }
  }

  @Test
  void agreesWithTheFullSortOnRandomInputs() {
    for (long seed = 1; seed <= 20; seed++) {
      List<Object[]> rows = input(500 + (int) seed * 37, 1 + (int) seed, seed);
      int keep = (int) (seed * 13);
      List<List<Object>> full = run(new SortOperator(source(rows), BY_KEY, Long.MAX_VALUE, ""));
      assertThat(run(new SortOperator(source(rows), BY_KEY, keep, "")))
          .containsExactlyElementsOf(full.subList(0, Math.min(keep, full.size())));
    }
  }

  @Test
  void limitZeroReturnsNothingAndAHintAboveTheHeapLimitSortsEverything() {
    List<Object[]> rows = input(100, 3, 7);
    assertThat(run(new SortOperator(source(rows), BY_KEY, 0, ""))).isEmpty();
    assertThat(run(new SortOperator(source(rows), BY_KEY, SortOperator.HEAP_LIMIT + 1, "")))
        .containsExactlyElementsOf(expected(rows, BY_KEY, rows.size()));
    assertThat(run(new SortOperator(source(List.of()), BY_KEY, 5, ""))).isEmpty();
  }
}
