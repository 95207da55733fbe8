package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.junit.jupiter.api.Test;

class CompilerTest extends ExprTestBase {
  @Test
  void unsupportedOperatorsFailAtCompileTime() {
    fails(() -> F.compile("to_char(ts, 'YYYY')"), "0A000", "function TO_CHAR is not supported");
    fails(() -> F.compile("regexp_replace(s, 'a', 'b')"), "0A000", "function REGEXP_REPLACE is not supported");
    fails(() -> ExprCompiler.compile(((Project) F.rel("select sum(i) over () from t")).getProjects().get(0)),
        "0A000", null);
  }

  @Test
  void correlationVariablesReadTheOuterRowSet() {
    RexBuilder rb = new RexBuilder(org.apache.calcite.sql.type.SqlTypeFactoryImpl.class.cast(
        new org.apache.calcite.sql.type.SqlTypeFactoryImpl(io.phantomdb.kernel.sql.type.PhantomTypeSystem.INSTANCE)));
    var rowType = F.rel("select * from t").getRowType();
    RexNode corr = rb.makeCorrel(rowType, new org.apache.calcite.rel.core.CorrelationId(3));
    RexNode access = rb.makeFieldAccess(corr, 0);
    Expr e = ExprCompiler.compile(access);
    EvalContext ctx = EvalContext.of();
    ctx.setCorrelation(3, new Object[] {42, "x"});
    org.assertj.core.api.Assertions.assertThat(e.eval(new Object[0], ctx)).isEqualTo(42);
    RexNode bare = corr;
    fails(() -> ExprCompiler.compile(bare), "0A000", null);
  }

  @Test
  void compiledExpressionsHoldNoCalciteObjects() throws Exception {
    String[] exprs = {
      "i + 1", "i in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)", "i between 1 and 3", "s like 'a%'", "trim(both 'x' from s)",
      "extract(year from ts)", "floor(ts to day)", "cast(s as varchar(3))", "case when b then i else 0 end",
      "date_trunc('month', ts)", "now()", "n / 3", "s similar to 'a|b'", "coalesce(i, 1)", "ts + interval '1' day"
    };
    for (String e : exprs) {
      assertNoCalcite(F.compile(e), e, new IdentityHashMap<>());
    }
  }

  private static void assertNoCalcite(Object o, String path, Map<Object, Boolean> seen) throws IllegalAccessException {
    if (o == null || seen.put(o, true) != null) {
      return;
    }
    Class<?> c = o.getClass();
    assertThat(c.getName()).as(path).doesNotStartWith("org.apache.calcite").doesNotStartWith("com.google");
    if (c.isArray()) {
      if (!c.getComponentType().isPrimitive()) {
        for (Object x : (Object[]) o) {
          assertNoCalcite(x, path + "[]", seen);
        }
      }
      return;
    }
    if (c.getName().startsWith("java.")) {
      return;
    }
    for (Class<?> k = c; k != null && !k.getName().startsWith("java."); k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
          continue;
        }
        f.setAccessible(true);
        assertNoCalcite(f.get(o), path + "." + f.getName(), seen);
      }
    }
  }

  @Test
  void compilesLists() {
    var project = (Project) F.rel("select i + 1, s from t");
    var exprs = ExprCompiler.compile(project.getProjects());
    assertThat(exprs).hasSize(2);
    assertThat(exprs.get(0).eval(SqlFixture.row("i", 1), SqlFixture.CTX)).isEqualTo(2);
  }

  @Test
  void dynamicParameters() {
    Expr e = F.compile("n + ?");
    EvalContext ctx = new EvalContext(new Object[] {new BigDecimal("1.5")}, SqlFixture.START, java.time.ZoneOffset.UTC);
    assertThat(e.eval(SqlFixture.row("n", new BigDecimal("1.00")), ctx)).isEqualTo(new BigDecimal("2.50"));
    assertThat(EvalContext.of(1, 2).parameterCount()).isEqualTo(2);
  }
}
