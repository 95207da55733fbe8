package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.exec.ExecContext;
import io.phantomdb.kernel.sql.exec.InstrumentedOperator;
import io.phantomdb.kernel.sql.exec.ModifyOperator;
import io.phantomdb.kernel.sql.exec.ModifyTarget;
import io.phantomdb.kernel.sql.exec.Operator;
import io.phantomdb.kernel.sql.exec.ProjectOperator;
import io.phantomdb.kernel.sql.exec.RowFunction;
import io.phantomdb.kernel.sql.exec.StoredRowSource;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Builds the operators of INSERT, UPDATE and DELETE: the input rows, how each maps to the stored
 * row it writes or replaces (the hidden row id of tables without a primary key included), the
 * constraints to check, and a {@link DmlPlan}'s RETURNING and ON CONFLICT ({@link DmlCompiler}).
 * Values assigned to columns are converted with assignment casts (an over-long string is an
 * error, not truncated).
 */
public final class ModifyPlanner {
  private final StatementEnv env;
  private final PhysicalPlanner planner;
  private final boolean analyze;
  private java.util.List<Object[]> parameterRows;

  ModifyPlanner(StatementEnv env, PhysicalPlanner planner) {
    this(env, planner, false);
  }

  private ModifyPlanner(StatementEnv env, PhysicalPlanner planner, boolean analyze) {
    this.env = env;
    this.planner = planner;
    this.analyze = analyze;
  }

  /**
   * @param plan a planned INSERT, UPDATE or DELETE
   * @param env the execution's environment, with the statement's writer
   * @param analyze true to count rows per operator (EXPLAIN ANALYZE)
   * @return the operator tree; its root is the {@link ModifyOperator}
   */
  public static Operator build(DmlPlan plan, StatementEnv env, boolean analyze) {
    return build(plan, env, analyze, null);
  }

  /**
   * @param plan a planned INSERT, UPDATE or DELETE
   * @param env the execution's environment, with the statement's writer
   * @param analyze true to count rows per operator (EXPLAIN ANALYZE)
   * @param parameterRows for an INSERT of one row of parameters ({@link #isParameterRow}): the
   *     parameter values of each row to insert; else null
   * @return the operator tree; its root is the {@link ModifyOperator}
   */
  public static Operator build(DmlPlan plan, StatementEnv env, boolean analyze, java.util.List<Object[]> parameterRows) {
    ModifyPlanner mp = new ModifyPlanner(env, new PhysicalPlanner(env, analyze), analyze);
    if (parameterRows != null && !isParameterRow(plan)) {
      throw new SqlException(SqlState.INTERNAL_ERROR, "not a single-row INSERT of parameters: " + plan.core().rel);
    }
    mp.parameterRows = parameterRows;
    Operator op;
    if (plan.joined()) {
      op = mp.joined(plan);
    } else if (plan.core().rel instanceof TableModify m) {
      op = mp.modify(m, plan);
    } else {
      throw new SqlException(SqlState.INTERNAL_ERROR, "a DML plan without TableModify: " + plan.core().rel);
    }
    return analyze ? InstrumentedOperator.wrap(op) : op;
  }

  /**
   * @param plan a planned statement
   * @return whether it is an INSERT of one VALUES row computed by a projection (the single-row
   *     plan of a many-row INSERT ... VALUES of parameters), which {@link #build(DmlPlan,
   *     StatementEnv, boolean, java.util.List)} can run for many rows of parameter values
   */
  public static boolean isParameterRow(DmlPlan plan) {
    return plan.kind() == SqlKind.INSERT && !plan.joined() && plan.core().rel instanceof TableModify m
        && m.getOperation() == TableModify.Operation.INSERT && m.getInput() instanceof Project p
        && p.getInput() instanceof org.apache.calcite.rel.core.Values v && v.getTuples().size() == 1;
  }

  /** A TableModify met in a plan built by {@link PhysicalPlanner}: no RETURNING, no ON CONFLICT. */
  Operator modify(TableModify m) {
    return modify(m, null);
  }

  private Operator modify(TableModify m, DmlPlan plan) {
    TableDescriptor table = m.getTable().unwrap(PhantomTable.class).descriptor();
    ModifyTarget target = target(table);
    int[] visibleInStored = visibleInStored(table);
    int width = table.liveColumns().size();
    int hiddenPos = hiddenPosition(table);
    RowFunction[] returning = plan == null ? null : DmlCompiler.returning(plan);
    return switch (m.getOperation()) {
      case INSERT -> {
        Operator input = assigning(m.getInput(), table, m.getTable().getRowType());
        BiFunction<Object[], ExecContext, Object[]> toStored = (row, ctx) -> {
          Object[] stored = new Object[width];
          for (int i = 0; i < visibleInStored.length; i++) {
            stored[visibleInStored[i]] = row[i];
          }
          if (hiddenPos >= 0) {
            stored[hiddenPos] = env.rowIds().getAsLong();
          }
          return stored;
        };
        yield new ModifyOperator(ModifyOperator.Kind.INSERT, input, target, new ModifyOperator.Rows(toStored, null, null),
            plan == null || plan.conflict() == null ? null : DmlCompiler.conflict(plan, env, target.layout()),
            returning, false);
      }
      case UPDATE, DELETE -> {
        Operator input = m.getOperation() == TableModify.Operation.UPDATE ? assigning(m.getInput(), table, null) : planner.build(m.getInput());
        BiFunction<Object[], ExecContext, Object[]> oldStored = oldStored(input, table);
        List<String> updated = m.getUpdateColumnList() == null ? List.of() : m.getUpdateColumnList();
        List<ColumnDescriptor> live = table.liveColumns();
        int[] targets = new int[updated.size()];
        for (int j = 0; j < targets.length; j++) {
          targets[j] = live.indexOf(table.column(updated.get(j)).orElseThrow());
        }
        int oldWidth = visibleInStored.length;
        BiFunction<Object[], ExecContext, Object[]> newStored = (row, ctx) -> {
          Object[] stored = oldStored.apply(row, ctx);
          for (int j = 0; j < targets.length; j++) {
            stored[targets[j]] = row[oldWidth + j];
          }
          return stored;
        };
        boolean update = m.getOperation() == TableModify.Operation.UPDATE;
        yield new ModifyOperator(update ? ModifyOperator.Kind.UPDATE : ModifyOperator.Kind.DELETE, input, target,
            new ModifyOperator.Rows(null, oldStored, update ? newStored : null), null, returning, false);
      }
      default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, m.getOperation() + " is not supported");
    };
  }

  /**
   * UPDATE ... FROM and DELETE ... USING: the input is the join, each row the target's visible
   * columns then the new values; a target row joined several times changes once.
   */
  private Operator joined(DmlPlan plan) {
    TableDescriptor table = plan.table();
    ModifyTarget target = target(table);
    Operator input = planner.build(plan.core().rel);
    if (!plan.core().isRefTrivial()) {
      int[] fields = plan.core().fields.stream().mapToInt(f -> f.getKey()).toArray();
      RowFunction[] fns = new RowFunction[fields.length];
      for (int i = 0; i < fns.length; i++) {
        int index = fields[i];
        fns[i] = (row, ctx) -> row[index];
      }
      input = new ProjectOperator(input, fns, "output");
    }
    BiFunction<Object[], ExecContext, Object[]> oldStored = oldStored(input, table);
    RowFunction[] returning = DmlCompiler.returning(plan);
    if (plan.kind() == SqlKind.DELETE) {
      return new ModifyOperator(ModifyOperator.Kind.DELETE, input, target, new ModifyOperator.Rows(null, oldStored, null),
          null, returning, true);
    }
    int oldWidth = table.visibleColumns().size();
    List<RexNode> values = new ArrayList<>();
    for (int j = 0; j < plan.set().columns().length; j++) {
      values.add(RexInputRef.of(oldWidth + j, plan.core().validatedRowType));
    }
    int[] targets = DmlCompiler.storedPositions(table, plan.set());
    RowFunction[] fns = DmlCompiler.assignments(table, plan.set(), values, env);
    BiFunction<Object[], ExecContext, Object[]> newStored = (row, ctx) -> {
      Object[] stored = oldStored.apply(row, ctx);
      for (int j = 0; j < targets.length; j++) {
        stored[targets[j]] = fns[j].apply(row, ctx);
      }
      return stored;
    };
    return new ModifyOperator(ModifyOperator.Kind.UPDATE, input, target,
        new ModifyOperator.Rows(null, oldStored, newStored), null, returning, true);
  }

  private ModifyTarget target(TableDescriptor table) {
    if (env.writer() == null) {
      throw new SqlException(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot modify data in a read-only statement");
    }
    return new ModifyTarget(env.layout(table), env.writer(), visibleInStored(table), env.checks().apply(table));
  }

  /** The stored row an input row of UPDATE or DELETE came from. */
  private BiFunction<Object[], ExecContext, Object[]> oldStored(Operator input, TableDescriptor table) {
    int[] visibleInStored = visibleInStored(table);
    int width = table.liveColumns().size();
    StoredRowSource scan = hiddenPosition(table) >= 0 ? findScan(input, table) : null;
    if (hiddenPosition(table) >= 0 && scan == null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "this UPDATE or DELETE of a table without a primary key is not supported yet");
    }
    return (row, ctx) -> {
      if (scan != null) {
        return scan.currentStoredRow().clone();
      }
      Object[] stored = new Object[width];
      for (int i = 0; i < visibleInStored.length; i++) {
        stored[visibleInStored[i]] = row[i];
      }
      return stored;
    };
  }

  static int[] visibleInStored(TableDescriptor table) {
    return table.visibleInLive();
  }

  private static int hiddenPosition(TableDescriptor table) {
    List<ColumnDescriptor> live = table.liveColumns();
    for (int i = 0; i < live.size(); i++) {
      if (live.get(i).hidden()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The input of an INSERT or UPDATE, with the casts Calcite put on the values assigned to columns
   * compiled as assignment casts.
   */
  /**
   * @param target the row type of the table for INSERT (a value of another kind, such as a
   *     double precision parameter for a real column, gets an assignment cast), or null
   */
  private Operator assigning(RelNode input, TableDescriptor table, org.apache.calcite.rel.type.RelDataType target) {
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
        if (target != null && position < target.getFieldCount()) {
          io.phantomdb.kernel.sql.type.DataType to = CalciteTypes.toDataType(target.getFieldList().get(position).getType());
          io.phantomdb.kernel.sql.type.TypeKind from = CalciteTypes.toDataType(e.getType()).kind();
          if (to.kind() != from && from != io.phantomdb.kernel.sql.type.TypeKind.UNKNOWN) {
            compiled = ExprCompiler.assignmentCast(compiled, to);
          }
        }
      }
      fns.add(PhysicalPlanner.function(compiled));
      position++;
    }
    Operator source = planner.build(p.getInput());
    if (parameterRows != null && target != null) {
      source = new io.phantomdb.kernel.sql.exec.ParameterRowsOperator(source, parameterRows);
    }
    Operator project = new ProjectOperator(source, fns.toArray(new RowFunction[0]),
        p.getProjects().toString());
    return analyze ? InstrumentedOperator.wrap(project) : project;
  }

  private static StoredRowSource findScan(Operator op, TableDescriptor table) {
    if (op instanceof InstrumentedOperator i) {
      return findScan(i.inner(), table);
    }
    if (op instanceof StoredRowSource s && s.layout().table().id() == table.id()) {
      return s;
    }
    for (Operator c : op.children()) {
      StoredRowSource s = findScan(c, table);
      if (s != null) {
        return s;
      }
    }
    return null;
  }
}
