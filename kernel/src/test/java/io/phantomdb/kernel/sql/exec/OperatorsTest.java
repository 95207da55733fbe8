package io.phantomdb.kernel.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class OperatorsTest {
  private static final KeyEquivalence PLAIN = new KeyEquivalence() {
    @Override
    public int hash(Object[] key) {
      return Arrays.hashCode(key);
    }

    @Override
    public boolean equal(Object[] a, Object[] b) {
      return Arrays.equals(a, b);
    }
  };

  private static Operator rows(Object[]... rows) {
    List<RowFunction[]> fns = new ArrayList<>();
    for (Object[] r : rows) {
      RowFunction[] f = new RowFunction[r.length];
      for (int i = 0; i < r.length; i++) {
        Object v = r[i];
        f[i] = (row, ctx) -> v;
      }
      fns.add(f);
    }
    return new ValuesOperator(fns);
  }

  private static Object[] r(Object... values) {
    return values;
  }

  private static List<List<Object>> run(Operator op) {
    List<List<Object>> out = new ArrayList<>();
    op.open(new ExecContext(io.phantomdb.kernel.sql.expr.EvalContext.of()));
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

  private static Operator left() {
    return rows(r(1, "a"), r(2, "b"), r(null, "n"), r(3, "c"));
  }

  private static Operator right() {
    return rows(r(2, "x"), r(3, "y"), r(3, "z"), r(4, "w"), r(null, "m"));
  }

  private static Operator hash(JoinType type) {
    return new HashJoinOperator(left(), right(), new int[] {0}, new int[] {0}, PLAIN, null, type, 2, 2, "l.0 = r.0");
  }

  private static Operator loop(JoinType type) {
    RowPredicate eq = (row, ctx) -> row[0] != null && row[2] != null && row[0].equals(row[2]);
    return new NestedLoopJoinOperator(left(), right(), eq, type, 2, 2, "l.0 = r.0");
  }

  @Test
  void everyJoinTypeAgreesBetweenHashAndNestedLoopAndNullsNeverMatch() {
    for (JoinType t : JoinType.values()) {
      assertThat(run(hash(t))).as(t.name()).containsExactlyInAnyOrderElementsOf(run(loop(t)));
    }
    assertThat(run(hash(JoinType.INNER))).containsExactlyInAnyOrder(
        List.of(2, "b", 2, "x"), List.of(3, "c", 3, "y"), List.of(3, "c", 3, "z"));
    assertThat(run(hash(JoinType.LEFT))).hasSize(5).contains(Arrays.asList(null, "n", null, null));
    assertThat(run(hash(JoinType.RIGHT))).hasSize(5).contains(Arrays.asList(null, null, null, "m"));
    assertThat(run(hash(JoinType.FULL))).hasSize(7);
    assertThat(run(hash(JoinType.SEMI))).containsExactlyInAnyOrder(List.of(2, "b"), List.of(3, "c"));
    assertThat(run(hash(JoinType.ANTI))).containsExactlyInAnyOrder(List.of(1, "a"), Arrays.asList(null, "n"));
  }

  @Test
  void aResidualConditionFiltersHashMatches() {
    RowPredicate notZ = (row, ctx) -> !"z".equals(row[3]);
    Operator j = new HashJoinOperator(left(), right(), new int[] {0}, new int[] {0}, PLAIN, notZ,
        JoinType.LEFT, 2, 2, "");
    assertThat(run(j)).contains(List.of(3, "c", 3, "y")).doesNotContain(List.of(3, "c", 3, "z")).hasSize(4);
  }

  @Test
  void aggregateGroupsAndEmptyInputGivesOneRowWithoutKeys() {
    AggregateFunction count = () -> new io.phantomdb.kernel.sql.expr.Accumulator() {
      long n;

      @Override
      public void add(Object[] row) {
        n++;
      }

      @Override
      public Object result() {
        return n;
      }
    };
    Operator grouped = new HashAggregateOperator(right(), new int[] {0}, PLAIN, List.of(count), "");
    assertThat(run(grouped)).containsExactlyInAnyOrder(
        List.of(2, 1L), List.of(3, 2L), List.of(4, 1L), Arrays.asList(null, 1L));
    Operator none = new HashAggregateOperator(rows(), new int[0], PLAIN, List.of(count), "");
    assertThat(run(none)).containsExactly(List.of(0L));
    Operator noneGrouped = new HashAggregateOperator(rows(), new int[] {0}, PLAIN, List.of(count), "");
    assertThat(run(noneGrouped)).isEmpty();
  }

  @Test
  void setOperationsCountDuplicates() {
    Operator a = rows(r(1), r(1), r(2), r((Object) null));
    Operator b = rows(r(1), r(3), r((Object) null));
    assertThat(run(new SetOperator(SetOperator.Kind.UNION, false, List.of(a, b), PLAIN))).hasSize(4);
    assertThat(run(new SetOperator(SetOperator.Kind.UNION, true,
        List.of(rows(r(1), r(1)), rows(r(1))), PLAIN))).hasSize(3);
    assertThat(run(new SetOperator(SetOperator.Kind.INTERSECT, false,
        List.of(rows(r(1), r(1), r(2), r((Object) null)), rows(r(1), r(3), r((Object) null))), PLAIN)))
        .containsExactlyInAnyOrder(List.of(1), Arrays.asList((Object) null));
    assertThat(run(new SetOperator(SetOperator.Kind.EXCEPT, true,
        List.of(rows(r(1), r(1), r(2)), rows(r(1))), PLAIN)))
        .containsExactlyInAnyOrder(List.of(1), List.of(2));
    assertThat(run(new SetOperator(SetOperator.Kind.EXCEPT, false,
        List.of(rows(r(1), r(1), r(2)), rows(r(1))), PLAIN))).containsExactly(List.of(2));
  }

  @Test
  void sortLimitFilterProject() {
    Comparator<Object[]> byFirstDescNullsFirst = Comparator.comparing(
        (Object[] row) -> (Integer) row[0], Comparator.nullsFirst(Comparator.<Integer>reverseOrder()));
    Operator sorted = new SortOperator(right(), byFirstDescNullsFirst, Long.MAX_VALUE, "");
    assertThat(run(sorted)).extracting(l -> l.get(1)).containsExactly("m", "w", "y", "z", "x");
    Operator topTwo = new LimitOperator(new SortOperator(right(), byFirstDescNullsFirst, 3, ""), 1, 2);
    assertThat(run(topTwo)).extracting(l -> l.get(1)).containsExactly("w", "y");
    Operator filtered = new FilterOperator(right(), (row, ctx) -> Objects.equals(row[0], 3), "");
    Operator projected = new ProjectOperator(filtered, new RowFunction[] {(row, ctx) -> row[1]}, "");
    assertThat(run(projected)).containsExactly(List.of("y"), List.of("z"));
  }

  @Test
  void explainAnalyzeCountsRowsPerOperator() {
    Operator scan = InstrumentedOperator.wrap(right());
    Operator filter = InstrumentedOperator.wrap(
        new FilterOperator(scan, (row, ctx) -> Objects.equals(row[0], 3), "r.0 = 3"));
    Operator limit = InstrumentedOperator.wrap(new LimitOperator(filter, 0, 1));
    assertThat(run(limit)).hasSize(1);
    List<String> lines = ExplainPrinter.render(limit);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("Limit: 1  (actual time=").endsWith("rows=1 loops=1)");
    assertThat(lines.get(1)).startsWith("  ->  Filter: r.0 = 3").endsWith("rows=1 loops=1)");
    assertThat(lines.get(2)).startsWith("        ->  Values (5 rows)").endsWith("rows=2 loops=1)");
  }
}
