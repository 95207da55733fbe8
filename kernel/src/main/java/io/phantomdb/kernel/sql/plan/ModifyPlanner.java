package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.exec.ModifyOperator;
import io.phantomdb.kernel.sql.exec.Operator;
import io.phantomdb.kernel.sql.exec.ProjectOperator;
import io.phantomdb.kernel.sql.exec.RowFunction;
import io.phantomdb.kernel.sql.exec.StoredRowSource;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans INSERT, UPDATE and DELETE: the input rows, how each maps to the stored row it writes or
 * replaces (the hidden row id of tables without a primary key included), and the constraints to
 * check. Values assigned to columns are converted with assignment casts (an over-long string is an
 * error, not truncated).
 */
final class ModifyPlanner {
  private final StatementEnv env;
  private final PhysicalPlanner planner;

  ModifyPlanner(StatementEnv env, PhysicalPlanner planner) {
    this.env = env;
    this.planner = planner;
  }

  Operator modify(TableModify m) {
    if (env.writer() == null) {
      throw new SqlException(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot modify data in a read-only statement");
    }
    TableDescriptor table = m.getTable().unwrap(PhantomTable.class).descriptor();
    TableLayout layout = env.layout(table);
    List<ColumnDescriptor> live = table.liveColumns();
    List<ColumnDescriptor> visible = table.visibleColumns();
    int[] visibleInStored = new int[visible.size()];
    for (int i = 0; i < visibleInStored.length; i++) {
      visibleInStored[i] = live.indexOf(visible.get(i));
    }
    int hidden = -1;
    for (int i = 0; i < live.size(); i++) {
      if (live.get(i).hidden()) {
        hidden = i;
      }
    }
    List<ModifyOperator.Check> checks = env.checks().apply(table);
    int width = live.size();
    int hiddenPos = hidden;
    return switch (m.getOperation()) {
      case INSERT -> {
        Operator input = assigning(m.getInput(), table);
        Function<Object[], Object[]> toStored = row -> {
          Object[] stored = new Object[width];
          for (int i = 0; i < visibleInStored.length; i++) {
            stored[visibleInStored[i]] = row[i];
          }
          if (hiddenPos >= 0) {
            stored[hiddenPos] = env.rowIds().getAsLong();
          }
          return stored;
        };
        yield new ModifyOperator(ModifyOperator.Kind.INSERT, input, layout, env.writer(), toStored, null, null,
            visibleInStored, checks);
      }
      case UPDATE, DELETE -> {
        Operator input = m.getOperation() == TableModify.Operation.UPDATE ? assigning(m.getInput(), table) : planner.build(m.getInput());
        StoredRowSource scan = hiddenPos >= 0 ? findScan(input, table) : null;
        Function<Object[], Object[]> oldStored = row -> {
          if (scan != null) {
            return scan.currentStoredRow().clone();
          }
          Object[] stored = new Object[width];
          for (int i = 0; i < visibleInStored.length; i++) {
            stored[visibleInStored[i]] = row[i];
          }
          return stored;
        };
        List<String> updated = m.getUpdateColumnList() == null ? List.of() : m.getUpdateColumnList();
        int[] targets = new int[updated.size()];
        for (int j = 0; j < targets.length; j++) {
          String name = updated.get(j);
          targets[j] = live.indexOf(table.column(name).orElseThrow());
        }
        int oldWidth = visible.size();
        Function<Object[], Object[]> newStored = row -> {
          Object[] stored = oldStored.apply(row);
          for (int j = 0; j < targets.length; j++) {
            stored[targets[j]] = row[oldWidth + j];
          }
          return stored;
        };
        ModifyOperator.Kind kind = m.getOperation() == TableModify.Operation.UPDATE
            ? ModifyOperator.Kind.UPDATE : ModifyOperator.Kind.DELETE;
        yield new ModifyOperator(kind, input, layout, env.writer(), null, oldStored, newStored,
            visibleInStored, checks);
      }
      default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, m.getOperation() + " is not supported");
    };
  }

  /**
   * The input of an INSERT or UPDATE, with the casts Calcite put on the values assigned to columns
   * compiled as assignment casts.
   */
  private Operator assigning(RelNode input, TableDescriptor table) {
    if (!(input instanceof Project p)) {
      return planner.build(input);
    }
    List<RowFunction> fns = new ArrayList<>();
    int position = 0;
    for (RexNode e : p.getProjects()) {
      Expr compiled;
      RexNode inner = e.getKind() == SqlKind.CAST ? ((RexCall) e).getOperands().get(0) : e;
      if (inner.getKind() == SqlKind.DEFAULT) {
        // INSERT ... VALUES (..., DEFAULT): the column's declared default
        compiled = ExprCompiler.assignmentCast(env.defaults().apply(table, position), CalciteTypes.toDataType(e.getType()));
      } else if (e.getKind() == SqlKind.CAST) {
        RexNode operand = ((RexCall) e).getOperands().get(0);
        compiled = ExprCompiler.assignmentCast(ExprCompiler.compile(operand), CalciteTypes.toDataType(e.getType()));
      } else {
        compiled = ExprCompiler.compile(e);
      }
      fns.add(PhysicalPlanner.function(compiled));
      position++;
    }
    return new ProjectOperator(planner.build(p.getInput()), fns.toArray(new RowFunction[0]), p.getProjects().toString());
  }

  private static StoredRowSource findScan(Operator op, TableDescriptor table) {
    Operator inner = op;
    if (inner instanceof StoredRowSource s && s.layout().table().id() == table.id()) {
      return s;
    }
    for (Operator c : inner.children()) {
      StoredRowSource s = findScan(c, table);
      if (s != null) {
        return s;
      }
    }
    return null;
  }
}
