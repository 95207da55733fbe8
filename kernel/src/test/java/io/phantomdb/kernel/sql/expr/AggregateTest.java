package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.junit.jupiter.api.Test;

class AggregateTest extends ExprTestBase {
  private static List<Object[]> rows(Object[]... rows) {
    return Arrays.asList(rows);
  }

  private static final List<Object[]> INTS = rows(
      SqlFixture.row("i", 1, "s", "a", "b", true, "d", 1.5, "n", new BigDecimal("1.10")),
      SqlFixture.row("i", 2, "s", "b", "b", false, "d", 2.5, "n", new BigDecimal("2.20")),
      SqlFixture.row("i", 2, "s", "c", "b", null, "d", null, "n", new BigDecimal("2.20")),
      SqlFixture.row("i", null, "s", null, "b", true, "d", 3.0, "n", null));

  private static List<Object> agg(String aggs, List<Object[]> rows) {
    return F.aggregate(aggs, rows);
  }

  @Test
  void countSumAvgMinMax() {
    assertThat(agg("count(*), count(i), count(distinct i), sum(i), avg(i), min(i), max(i)", INTS))
        .containsExactly(4L, 3L, 2L, 5L, new BigDecimal("1.6666666666666667"), 1, 2);
    assertThat(agg("sum(n), avg(n), min(n), max(n), sum(distinct n)", INTS))
        .containsExactly(new BigDecimal("5.50"), new BigDecimal("1.8333333333333333"), new BigDecimal("1.10"),
            new BigDecimal("2.20"), new BigDecimal("3.30"));
    assertThat(agg("sum(d), avg(d), min(d), max(d)", INTS)).containsExactly(7.0, 7.0 / 3, 1.5, 3.0);
    assertThat(agg("min(s), max(s), count(s)", INTS)).containsExactly("a", "c", 3L);
  }

  @Test
  void postgresResultTypes() {
    assertThat(spec("sum(i)").type().kind()).isEqualTo(TypeKind.BIGINT);
    assertThat(spec("sum(si)").type().kind()).isEqualTo(TypeKind.BIGINT);
    assertThat(spec("sum(bi)").type()).isEqualTo(DataType.of(TypeKind.NUMERIC));
    assertThat(spec("sum(n)").type()).isEqualTo(DataType.of(TypeKind.NUMERIC));
    assertThat(spec("avg(i)").type()).isEqualTo(DataType.of(TypeKind.NUMERIC));
    assertThat(spec("avg(d)").type().kind()).isEqualTo(TypeKind.DOUBLE);
    assertThat(spec("avg(r)").type().kind()).isEqualTo(TypeKind.DOUBLE);
    assertThat(spec("count(*)").type()).isEqualTo(DataType.of(TypeKind.BIGINT).withNullable(false));
    assertThat(spec("count(*)").name()).isEqualTo("COUNT");
  }

  private static AggregateSpec spec(String agg) {
    Aggregate a = (Aggregate) F.rel("select " + agg + " from t");
    AggregateCall call = a.getAggCallList().get(0);
    return AggregateSpec.of(call, a.getInput().getRowType());
  }

  @Test
  void emptyInput() {
    assertThat(agg("count(*), count(i), sum(i), avg(i), min(i), max(i), bool_and(b), every(b)", List.of()))
        .containsExactly(0L, 0L, null, null, null, null, null, null);
    assertThat(agg("sum(i), avg(n)", rows(SqlFixture.row()))).containsExactly(null, null);
  }

  @Test
  void sumOverflowsOnlyPastBigint() {
    List<Object[]> big = rows(SqlFixture.row("i", Integer.MAX_VALUE), SqlFixture.row("i", Integer.MAX_VALUE));
    assertThat(agg("sum(i)", big)).containsExactly(2L * Integer.MAX_VALUE);
    List<Object[]> huge = rows(SqlFixture.row("bi", Long.MAX_VALUE), SqlFixture.row("bi", Long.MAX_VALUE));
    assertThat(agg("sum(bi)", huge)).containsExactly(new BigDecimal("18446744073709551614"));
    assertThat(agg("avg(bi)", huge)).containsExactly(new BigDecimal("9223372036854775807"));
  }

  @Test
  void booleans() {
    assertThat(agg("bool_and(b), bool_or(b), every(b)", INTS)).containsExactly(false, true, false);
    assertThat(agg("bool_and(b), bool_or(b)", rows(SqlFixture.row("b", true), SqlFixture.row())))
        .containsExactly(true, true);
  }

  @Test
  void filterAndDistinct() {
    assertThat(agg("count(*) filter (where i > 1), sum(i) filter (where b)", INTS)).containsExactly(2L, 1L);
    assertThat(agg("count(distinct s), avg(distinct i)", INTS)).containsExactly(3L, new BigDecimal("1.5000000000000000"));
    assertThat(agg("count(distinct d)", rows(SqlFixture.row("d", 0.0), SqlFixture.row("d", -0.0))))
        .containsExactly(1L);
  }

  @Test
  void stringAgg() {
    assertThat(agg("string_agg(s, ',')", INTS)).containsExactly("a,b,c");
    assertThat(agg("string_agg(s, '-' order by s desc)", INTS)).containsExactly("c-b-a");
    assertThat(agg("string_agg(s, ',')", List.of())).containsExactly((Object) null);
  }

  @Test
  void intervals() {
    List<Object[]> ivs = rows(SqlFixture.row("iv", new PgInterval(0, 1, 0)), SqlFixture.row("iv", new PgInterval(0, 2, 0)));
    assertThat(agg("min(iv), max(iv)", ivs)).containsExactly(new PgInterval(0, 1, 0), new PgInterval(0, 2, 0));
    // Calcite's validator refuses sum/avg of intervals; PostgreSQL has them, so the runtime does
    var rowType = F.rel("select * from t").getRowType();
    var ivType = rowType.getFieldList().get(16).getType();
    for (var fn : List.of(org.apache.calcite.sql.fun.SqlStdOperatorTable.SUM, org.apache.calcite.sql.fun.SqlStdOperatorTable.AVG)) {
      AggregateCall call = AggregateCall.create(fn, false, false, false, List.of(), List.of(16), -1, null,
          org.apache.calcite.rel.RelCollations.EMPTY, ivType, "x");
      Accumulator acc = AggregateSpec.of(call, rowType).newAccumulator();
      ivs.forEach(acc::add);
      assertThat(acc.result()).isEqualTo(fn == org.apache.calcite.sql.fun.SqlStdOperatorTable.SUM
          ? new PgInterval(0, 3, 0) : new PgInterval(0, 1, 43_200_000_000L));
    }
  }

  @Test
  void expressionsAroundAggregates() {
    assertThat(agg("sum(i + 1) * 2, count(*) + 1", INTS)).containsExactly(16L, 5L);
  }

  @Test
  void singleValue() {
    Aggregate a = (Aggregate) F.rel("select i from t group by i");
    AggregateCall sv = AggregateCall.create(org.apache.calcite.sql.fun.SqlStdOperatorTable.SINGLE_VALUE, false,
        false, false, List.of(), List.of(0), -1, null, org.apache.calcite.rel.RelCollations.EMPTY,
        a.getInput().getRowType().getFieldList().get(0).getType(), "x");
    AggregateSpec spec = AggregateSpec.of(sv, a.getInput().getRowType());
    Accumulator acc = spec.newAccumulator();
    assertThat(acc.result()).isNull();
    acc.add(SqlFixture.row());
    assertThat(acc.result()).isNull();
    Accumulator two = spec.newAccumulator();
    two.add(SqlFixture.row("i", 1));
    fails(() -> two.add(SqlFixture.row("i", 2)), "21000", "more than one row returned by a subquery used as an expression");
  }

  @Test
  void unsupported() {
    fails(() -> spec("stddev_pop(d)"), "0A000", "aggregate function STDDEV_POP is not supported");
    List<Object> none = new ArrayList<>();
    assertThat(none).isEmpty();
  }
}
