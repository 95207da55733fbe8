package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.exec.AggregateFunction;
import io.phantomdb.kernel.sql.exec.FilterOperator;
import io.phantomdb.kernel.sql.exec.HashAggregateOperator;
import io.phantomdb.kernel.sql.exec.HashJoinOperator;
import io.phantomdb.kernel.sql.exec.IndexLookupOperator;
import io.phantomdb.kernel.sql.exec.InstrumentedOperator;
import io.phantomdb.kernel.sql.exec.JoinType;
import io.phantomdb.kernel.sql.exec.LimitOperator;
import io.phantomdb.kernel.sql.exec.NestedLoopJoinOperator;
import io.phantomdb.kernel.sql.exec.Operator;
import io.phantomdb.kernel.sql.exec.ProjectOperator;
import io.phantomdb.kernel.sql.exec.RowFunction;
import io.phantomdb.kernel.sql.exec.RowPredicate;
import io.phantomdb.kernel.sql.exec.SetOperator;
import io.phantomdb.kernel.sql.exec.SortOperator;
import io.phantomdb.kernel.sql.exec.TableScanOperator;
import io.phantomdb.kernel.sql.exec.ValuesOperator;
import io.phantomdb.kernel.sql.expr.AggregateSpec;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Maps an optimized logical plan onto our operators, compiling every expression: after this no
 * Calcite object is needed to run the statement.
 */
public final class PhysicalPlanner {
  private final StatementEnv env;
  private final boolean analyze;

  /**
   * @param env the storage view and tables of the statement
   * @param analyze true to count rows and time per operator (EXPLAIN ANALYZE)
   */
  public PhysicalPlanner(StatementEnv env, boolean analyze) {
    this.env = env;
    this.analyze = analyze;
  }

  /**
   * @param rel the logical plan
   * @return the operator tree
   * @throws SqlException 0A000 for a plan shape not supported yet
   */
  public Operator build(RelNode rel) {
    Operator op = convert(rel);
    return analyze ? InstrumentedOperator.wrap(op) : op;
  }

  static TypeKind[] kinds(RelDataType rowType) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    TypeKind[] kinds = new TypeKind[fields.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = CalciteTypes.toDataType(fields.get(i).getType()).kind();
    }
    return kinds;
  }

  static RowFunction function(Expr e) {
    return (row, ctx) -> e.eval(row, ctx.eval());
  }

  static RowPredicate predicate(Expr e) {
    return (row, ctx) -> Boolean.TRUE.equals(e.eval(row, ctx.eval()));
  }

  private Operator convert(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return scan(scan);
    }
    if (rel instanceof Filter f) {
      Operator input = f.getInput() instanceof TableScan scan
          ? maybeInstrument(scan(scan, f.getCondition())) : build(f.getInput());
      return new FilterOperator(input, predicate(ExprCompiler.compile(f.getCondition())),
          f.getCondition().toString());
    }
    if (rel instanceof Project p) {
      List<Expr> exprs = ExprCompiler.compile(p.getProjects());
      RowFunction[] fns = exprs.stream().map(PhysicalPlanner::function).toArray(RowFunction[]::new);
      return new ProjectOperator(build(p.getInput()), fns, p.getProjects().toString());
    }
    if (rel instanceof Join j) {
      return join(j);
    }
    if (rel instanceof Sort s) {
      return sort(s);
    }
    if (rel instanceof Values v) {
      List<RowFunction[]> rows = new ArrayList<>();
      for (List<RexLiteral> tuple : v.getTuples()) {
        rows.add(ExprCompiler.compile(tuple).stream().map(PhysicalPlanner::function).toArray(RowFunction[]::new));
      }
      return new ValuesOperator(rows);
    }
    if (rel instanceof SetOp op) {
      List<Operator> inputs = new ArrayList<>();
      for (RelNode in : op.getInputs()) {
        inputs.add(build(in));
      }
      SetOperator.Kind kind = op instanceof Union ? SetOperator.Kind.UNION
          : op instanceof Intersect ? SetOperator.Kind.INTERSECT : SetOperator.Kind.EXCEPT;
      return new SetOperator(kind, op.all, inputs, RowKeys.equivalence(kinds(op.getRowType())));
    }
    if (rel instanceof Aggregate a) {
      return aggregate(a);
    }
    if (rel instanceof TableModify m) {
      return new ModifyPlanner(env, this).modify(m);
    }
    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
        "this kind of query is not supported yet (" + rel.getRelTypeName() + ")");
  }

  private Operator aggregate(Aggregate a) {
    if (a.getGroupSets().size() > 1) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "GROUPING SETS, ROLLUP and CUBE are not supported yet");
    }
    RelDataType inputType = a.getInput().getRowType();
    List<AggregateFunction> fns = new ArrayList<>();
    for (AggregateCall call : a.getAggCallList()) {
      AggregateSpec spec = AggregateSpec.of(call, inputType);
      fns.add(spec::newAccumulator);
    }
    int[] keys = a.getGroupSet().toArray();
    TypeKind[] inputKinds = kinds(inputType);
    TypeKind[] keyKinds = new TypeKind[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keyKinds[i] = inputKinds[keys[i]];
    }
    return new HashAggregateOperator(build(a.getInput()), keys, RowKeys.equivalence(keyKinds), fns,
        "group " + a.getGroupSet() + " " + a.getAggCallList());
  }

  Operator scanOf(TableScan scan) {
    return scan(scan);
  }

  private Operator maybeInstrument(Operator op) {
    return analyze ? InstrumentedOperator.wrap(op) : op;
  }

  private Operator scan(TableScan scan) {
    return scan(scan, null);
  }

  /** A scan of the table's primary index, narrowed by {@code filter} where it fixes key columns. */
  private Operator scan(TableScan scan, RexNode filter) {
    PhantomTable t = scan.getTable().unwrap(PhantomTable.class);
    TableLayout layout = env.layout(t.descriptor());
    List<ColumnDescriptor> live = t.descriptor().liveColumns();
    List<ColumnDescriptor> visible = t.descriptor().visibleColumns();
    int[] positions = new int[visible.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = live.indexOf(visible.get(i));
    }
    KeyRangePushdown.Narrowed narrowed = filter == null ? null
        : KeyRangePushdown.narrow(filter, t.descriptor(), layout, env.evalContext());
    if (narrowed != null && narrowed.index() != null) {
      if (!t.descriptor().hasHiddenRowId()) {
        return new IndexLookupOperator(env.reader(), env.data(), layout, narrowed.index(), narrowed.range(),
            env.readTs(), positions, narrowed.description());
      }
      narrowed = null; // UPDATE/DELETE of row-id tables take the stored row from a table scan
    }
    return new TableScanOperator(env.reader(), env.data(), layout,
        narrowed == null ? VersionedKeys.indexRange(t.descriptor().id(), 1) : narrowed.range(),
        env.readTs(), positions, narrowed == null ? "" : narrowed.description());
  }

  private Operator join(Join j) {
    JoinType type = switch (j.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "join type " + j.getJoinType());
    };
    Operator left = build(j.getLeft());
    Operator right = build(j.getRight());
    int lw = j.getLeft().getRowType().getFieldCount();
    int rw = j.getRight().getRowType().getFieldCount();
    JoinInfo info = j.analyzeCondition();
    if (info.leftKeys.isEmpty()) {
      RowPredicate cond = j.getCondition().isAlwaysTrue() ? null : predicate(ExprCompiler.compile(j.getCondition()));
      return new NestedLoopJoinOperator(left, right, cond, type, lw, rw, j.getCondition().toString());
    }
    int[] lk = info.leftKeys.toIntArray();
    int[] rk = info.rightKeys.toIntArray();
    TypeKind[] leftKinds = kinds(j.getLeft().getRowType());
    TypeKind[] keyKinds = new TypeKind[lk.length];
    for (int i = 0; i < lk.length; i++) {
      keyKinds[i] = leftKinds[lk[i]];
    }
    RexNode residual = info.getRemaining(j.getCluster().getRexBuilder());
    RowPredicate rest = residual.isAlwaysTrue() ? null : predicate(ExprCompiler.compile(residual));
    return new HashJoinOperator(left, right, lk, rk, RowKeys.equivalence(keyKinds), rest, type, lw, rw,
        j.getCondition().toString());
  }

  private Operator sort(Sort s) {
    Operator input = build(s.getInput());
    long offset = s.offset == null ? 0 : longValue(s.offset);
    long fetch = s.fetch == null ? Long.MAX_VALUE : longValue(s.fetch);
    if (!s.getCollation().getFieldCollations().isEmpty()) {
      long keep = fetch == Long.MAX_VALUE ? Long.MAX_VALUE : offset + fetch;
      input = new SortOperator(input,
          RowKeys.order(s.getCollation().getFieldCollations(), kinds(s.getInput().getRowType())), keep,
          s.getCollation().toString());
      if (analyze) {
        input = InstrumentedOperator.wrap(input);
      }
    }
    return offset == 0 && fetch == Long.MAX_VALUE ? input : new LimitOperator(input, offset, fetch);
  }

  private long longValue(RexNode n) {
    Object v = ExprCompiler.compile(n).eval(new Object[0], env.evalContext());
    if (v == null) {
      return n == null ? 0 : Long.MAX_VALUE; // LIMIT NULL means no limit
    }
    long l = ((Number) v).longValue();
    if (l < 0) {
      throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "LIMIT/OFFSET must not be negative");
    }
    return l;
  }
}
