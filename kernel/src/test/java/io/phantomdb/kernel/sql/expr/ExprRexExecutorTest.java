package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.junit.jupiter.api.Test;

/** Constant folding in the planner follows PostgreSQL, because it runs our compiler. */
class ExprRexExecutorTest extends ExprTestBase {
  @Test
  void foldsWithPostgresSemantics() {
    assertThat(literal("cast(2.5 as integer)").getValueAs(Integer.class)).isEqualTo(3);
    assertThat(literal("cast(-2.5 as integer)").getValueAs(Integer.class)).isEqualTo(-3);
    assertThat(literal("cast('12' as integer)").getValueAs(Integer.class)).isEqualTo(12);
    assertThat(literal("cast('2024-01-31' as date)").toString()).isEqualTo("2024-01-31");
  }

  @Test
  void leavesWhatItCannotFoldExactly() {
    // Calcite's unconstrained DECIMAL literal would be cut to scale 0, so it stays a cast
    RexNode r = F.rex("cast('2.5' as numeric)");
    assertThat(r).isNotInstanceOf(RexLiteral.class);
    assertThat(eval("cast('2.5' as numeric)").toString()).isEqualTo("2.5");
    // errors are raised when the statement runs, not when it is planned
    assertThat(F.rex("1 / 0")).isNotInstanceOf(RexLiteral.class);
    assertThat(F.rex("cast('abc' as integer)")).isNotInstanceOf(RexLiteral.class);
  }

  private static RexLiteral literal(String expr) {
    RexNode r = F.rex(expr);
    assertThat(r).as(expr + " -> " + r).isInstanceOf(RexLiteral.class);
    return (RexLiteral) r;
  }
}
