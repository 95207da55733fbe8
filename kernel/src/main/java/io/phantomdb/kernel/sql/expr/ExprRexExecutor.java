package io.phantomdb.kernel.sql.expr;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Constant folding for the planner with PostgreSQL semantics: evaluates constant expressions
 * with {@link ExprCompiler} instead of Calcite's generated Java code, so that what the planner
 * folds ({@code CAST(2.5 AS INTEGER)} is 3, {@code CAST('2.5' AS NUMERIC)} is 2.5) is what the
 * executor would compute. Install it with {@code FrameworkConfig.executor(...)} or {@code
 * planner.setExecutor(...)}; RexSimplify and ReduceExpressionsRule use it.
 *
 * <p>A CAST to {@code char(n)}/{@code varchar(n)} of a string too long for it is not folded
 * (an explicit cast would cut it, but the same CAST on a value assigned to a column must fail).
 * An expression that fails (1/0) or whose value Calcite cannot hold as a literal (NaN, a
 * year before 1, an interval mixing months and days) is left as it is; it fails or is computed
 * when the statement runs.
 */
public final class ExprRexExecutor implements RexExecutor {
  /** Folds in UTC. */
  public static final ExprRexExecutor INSTANCE = new ExprRexExecutor(java.time.ZoneOffset.UTC);

  private static final Object[] NO_ROW = new Object[0];

  private final java.time.ZoneId timeZone;

  private ExprRexExecutor(java.time.ZoneId timeZone) {
    this.timeZone = timeZone;
  }

  /**
   * @param timeZone the session time zone (conversions of timestamptz constants depend on it)
   * @return an executor folding in that zone
   */
  public static ExprRexExecutor forZone(java.time.ZoneId timeZone) {
    return timeZone.equals(java.time.ZoneOffset.UTC) ? INSTANCE : new ExprRexExecutor(timeZone);
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    EvalContext ctx = new EvalContext(NO_ROW, java.time.Instant.now(), timeZone);
    for (RexNode e : constExps) {
      RexNode reduced = e;
      try {
        if (e.getKind() == SqlKind.CAST && SqlTypeUtil.inCharFamily(e.getType()) && e.getType().getPrecision() > 0) {
          // a CAST Calcite put on a value assigned to a char(n)/varchar(n) column must fail, not
          // cut, when the value is too long: fold it only if the assignment would succeed
          ExprCompiler.assignmentCast(ExprCompiler.compile(((RexCall) e).getOperands().get(0)), ExprCompiler.typeOf(e))
              .eval(NO_ROW, ctx);
        }
        Object v = ExprCompiler.compile(e).eval(NO_ROW, ctx);
        RexNode lit = Literals.toRexLiteral(rexBuilder, v, e.getType());
        if (lit != null) {
          reduced = lit;
        }
      } catch (RuntimeException ex) {
        // not foldable here: evaluated (and reported) at run time
      }
      reducedValues.add(reduced);
    }
  }
}
