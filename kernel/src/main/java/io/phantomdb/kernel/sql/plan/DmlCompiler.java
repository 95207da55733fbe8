package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.exec.ConflictAction;
import io.phantomdb.kernel.sql.exec.RowFunction;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.store.TableLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * Compiles the parts of a {@link DmlPlan} that are evaluated over rows the statement holds rather
 * than rows it scans: RETURNING (over the changed row's visible columns), ON CONFLICT DO UPDATE
 * (over the existing row's and the proposed row's visible columns) and assigned values (converted
 * to their columns' types with assignment casts; DEFAULT and NULL supplied here).
 */
final class DmlCompiler {
  private DmlCompiler() {}

  /**
   * @param plan a DML plan
   * @return its RETURNING expressions over a row of the target's visible columns, or null
   */
  static RowFunction[] returning(DmlPlan plan) {
    if (plan.returning() == null) {
      return null;
    }
    return ExprCompiler.compile(ScanRowInliner.inline(plan.returning())).stream()
        .map(PhysicalPlanner::function).toArray(RowFunction[]::new);
  }

  /**
   * @param plan an INSERT ... ON CONFLICT
   * @param env the execution's environment (for DEFAULTs)
   * @param layout the target table's layout
   * @return the clause, ready to run
   */
  static ConflictAction conflict(DmlPlan plan, StatementEnv env, TableLayout layout) {
    DmlPlan.ConflictPlan c = plan.conflict();
    List<IndexLayout> arbiters = new ArrayList<>();
    for (int id : c.arbiterIndexIds()) {
      if (id == IndexDescriptor.PRIMARY_INDEX_ID) {
        arbiters.add(layout.primary());
      } else {
        layout.secondary().stream().filter(i -> i.index().id() == id).forEach(arbiters::add);
      }
    }
    if (c.doNothing()) {
      return new ConflictAction(arbiters, c.inferred(), null, null, null, null);
    }
    List<RexNode> exprs = ScanRowInliner.inline(c.update());
    int n = c.set().columns().length;
    RowFunction[] values = assignments(plan.table(), c.set(), exprs.subList(0, n), env);
    RowFunction where = null;
    String whereText = null;
    if (c.hasWhere()) {
      RexNode w = exprs.get(n);
      whereText = w.toString();
      Expr cond = ExprCompiler.compile(w);
      where = PhysicalPlanner.function(cond);
    }
    return new ConflictAction(arbiters, c.inferred(), storedPositions(plan.table(), c.set()), values, where, whereText);
  }

  /**
   * @param table the target
   * @param set assignments
   * @return the stored-row position of each column set
   */
  static int[] storedPositions(TableDescriptor table, Assignments set) {
    List<ColumnDescriptor> live = table.liveColumns();
    List<ColumnDescriptor> visible = table.visibleColumns();
    int[] out = new int[set.columns().length];
    for (int j = 0; j < out.length; j++) {
      out[j] = live.indexOf(visible.get(set.columns()[j]));
    }
    return out;
  }

  /**
   * @param table the target
   * @param set assignments
   * @param values the planned value of each (placeholders for DEFAULT and NULL)
   * @param env the execution's environment (for DEFAULTs)
   * @return each column's new value, of the column's type
   */
  static RowFunction[] assignments(TableDescriptor table, Assignments set, List<RexNode> values, StatementEnv env) {
    List<ColumnDescriptor> visible = table.visibleColumns();
    RowFunction[] out = new RowFunction[values.size()];
    for (int j = 0; j < out.length; j++) {
      int column = set.columns()[j];
      ColumnDescriptor c = visible.get(column);
      out[j] = switch (set.sources()[j]) {
        case NULL -> (row, ctx) -> null;
        case DEFAULT -> PhysicalPlanner.function(ExprCompiler.assignmentCast(env.defaults().apply(table, column), c.type()));
        case EXPRESSION -> PhysicalPlanner.function(ExprCompiler.assignmentCast(ExprCompiler.compile(values.get(j)), c.type()));
      };
    }
    return out;
  }
}
