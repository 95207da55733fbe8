package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogicTest extends ExprTestBase {
  private static final Boolean[] VALUES = {true, false, null};

  /** Three-valued logic: b and (i > 0), with i > 0 true, false or unknown. */
  @Test
  void andOrNot() {
    for (Boolean x : VALUES) {
      for (Boolean y : VALUES) {
        Object[] row = {"b", x, "i", y == null ? null : y ? 1 : 0};
        assertThat(eval("b and i > 0", row)).as(x + " and " + y).isEqualTo(and(x, y));
        assertThat(eval("b or i > 0", row)).as(x + " or " + y).isEqualTo(or(x, y));
      }
      assertThat(eval("not b", "b", x)).isEqualTo(x == null ? null : !x);
    }
  }

  private static Boolean and(Boolean x, Boolean y) {
    if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
      return false;
    }
    return x == null || y == null ? null : true;
  }

  private static Boolean or(Boolean x, Boolean y) {
    if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
      return true;
    }
    return x == null || y == null ? null : false;
  }

  @Test
  void isPredicates() {
    for (Boolean x : VALUES) {
      Object[] row = {"b", x};
      assertThat(eval("b is true", row)).isEqualTo(Boolean.TRUE.equals(x));
      assertThat(eval("b is not true", row)).isEqualTo(!Boolean.TRUE.equals(x));
      assertThat(eval("b is false", row)).isEqualTo(Boolean.FALSE.equals(x));
      assertThat(eval("b is not false", row)).isEqualTo(!Boolean.FALSE.equals(x));
      assertThat(eval("b is unknown", row)).isEqualTo(x == null);
      assertThat(eval("b is not unknown", row)).isEqualTo(x != null);
      assertThat(eval("b is null", row)).isEqualTo(x == null);
      assertThat(eval("b is not null", row)).isEqualTo(x != null);
    }
  }

  @Test
  void andStopsAtFalse() {
    // the second operand would fail; FALSE decides first
    assertThat(eval("i > 0 and 10 / i > 1", "i", 0)).isEqualTo(false);
    assertThat(eval("i = 0 or 10 / i > 1", "i", 0)).isEqualTo(true);
  }

  @Test
  void caseCoalesceNullif() {
    assertThat(eval("case when i > 1 then 'a' else 'bb' end", "i", 2)).isEqualTo("a");
    assertThat(eval("case when i > 1 then 'a' else 'bb' end")).isEqualTo("bb");
    assertThat(eval("case i when 1 then 'one' when 2 then 'two' end", "i", 2)).isEqualTo("two");
    assertThat(eval("case i when 1 then 'one' when 2 then 'two' end", "i", 3)).isNull();
    assertThat(eval("case when b then i else bi end", "b", true, "i", 3, "bi", 4L)).isEqualTo(3L);
    assertThat(eval("case when i = 0 then 0 else 10 / i end", "i", 0)).isEqualTo(0);
    assertThat(eval("coalesce(i, 2)")).isEqualTo(2);
    assertThat(eval("coalesce(i, 2)", "i", 1)).isEqualTo(1);
    assertThat(eval("coalesce(i, bi, 7)", "bi", 5L)).isEqualTo(5L);
    assertThat(eval("coalesce(s, v5)")).isNull();
    assertThat(eval("nullif(i, 3)", "i", 3)).isNull();
    assertThat(eval("nullif(i, 3)", "i", 4)).isEqualTo(4);
    assertThat(eval("nullif(i, 3)")).isNull();
  }

  @Test
  void directCompile() {
    // Calcite rewrites COALESCE into CASE; compile the kinds directly too
    var rb = new org.apache.calcite.rex.RexBuilder(new org.apache.calcite.sql.type.SqlTypeFactoryImpl(
        io.phantomdb.kernel.sql.type.PhantomTypeSystem.INSTANCE));
    var intType = rb.getTypeFactory().createTypeWithNullability(
        rb.getTypeFactory().createSqlType(org.apache.calcite.sql.type.SqlTypeName.INTEGER), true);
    var ref = rb.makeInputRef(intType, 0);
    var coalesce = rb.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.COALESCE, ref, rb.makeExactLiteral(java.math.BigDecimal.TEN));
    assertThat(ExprCompiler.compile(coalesce).eval(new Object[] {null}, SqlFixture.CTX)).isEqualTo(10);
    var nullif = rb.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.NULLIF, ref, rb.makeExactLiteral(java.math.BigDecimal.TEN));
    assertThat(ExprCompiler.compile(nullif).eval(new Object[] {10}, SqlFixture.CTX)).isNull();
    assertThat(ExprCompiler.compile(nullif).eval(new Object[] {9}, SqlFixture.CTX)).isEqualTo(9);
    assertThat(Arrays.asList(VALUES)).hasSize(3);
  }
}
