package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.exec.AggregateFunction;
import io.phantomdb.kernel.sql.exec.FilterOperator;
import io.phantomdb.kernel.sql.exec.HashAggregateOperator;
import io.phantomdb.kernel.sql.exec.HashJoinOperator;
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
import io.phantomdb.kernel.sql.exec.ValuesOperator;
import io.phantomdb.kernel.sql.expr.AggregateSpec;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
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
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Maps an optimized logical plan onto our operators, compiling every expression: after this no
 * Calcite object is needed to run the statement.
 */
public final class PhysicalPlanner {
  private final StatementEnv env;
  private final boolean analyze;
  private RequiredColumns required;

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
    if (required == null) { // the first call gets the whole plan; queries only: DML needs whole rows
      required = RequiredColumns.of(env.writer() == null ? rel : null);
    }
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
      return scan(scan, null, required.columns(scan), null).op();
    }
    if (rel instanceof Filter f) {
      if (f.getInput() instanceof TableScan scan) {
        return scan(scan, f.getCondition(), required.columns(f), null).op();
      }
      return filter(build(f.getInput()), f.getCondition());
    }
    if (rel instanceof Project p) {
      ScanInput in = ScanInput.of(p.getInput());
      Operator input = in == null ? build(p.getInput())
          : maybeInstrument(scan(in.scan, in.filter, RelOptUtil.InputFinder.bits(p.getProjects(), null), null).op());
      return project(input, p);
    }
    if (rel instanceof Join j) {
      return join(j);
    }
    if (rel instanceof ProjectSet ps) {
      return ps.toOperator(build(ps.getInput()));
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
    if (rel instanceof org.apache.calcite.rel.core.TableFunctionScan f
        && f.getCall() instanceof org.apache.calcite.rex.RexCall call && f.getInputs().isEmpty()
        && io.phantomdb.kernel.sql.expr.SetReturningFunctions.isSetReturning(call.getOperator().getName())) {
      return new io.phantomdb.kernel.sql.exec.TableFunctionOperator(call.getOperator().getName(),
          ExprCompiler.compile(call.getOperands()));
    }
    if (rel instanceof org.apache.calcite.rel.core.Window w) {
      return window(w);
    }
    if (rel instanceof org.apache.calcite.rel.core.Correlate c) {
      if (c.getJoinType() != org.apache.calcite.rel.core.JoinRelType.INNER
          && c.getJoinType() != org.apache.calcite.rel.core.JoinRelType.LEFT) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "this kind of correlated sub-query is not supported yet");
      }
      return new io.phantomdb.kernel.sql.exec.CorrelateOperator(build(c.getLeft()), build(c.getRight()),
          c.getCorrelationId().getId(), c.getJoinType() == org.apache.calcite.rel.core.JoinRelType.LEFT,
          c.getRight().getRowType().getFieldCount());
    }
    if (rel instanceof org.apache.calcite.rel.core.Collect c) {
      if (c.getInput().getRowType().getFieldCount() != 1) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "ARRAY of a sub-query of more than one column is not supported");
      }
      kinds(c.getRowType()); // 0A000 for an array type PhantomDB does not have
      return new io.phantomdb.kernel.sql.exec.CollectOperator(build(c.getInput()));
    }
    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
        "this kind of query is not supported yet (" + rel.getRelTypeName() + ")");
  }

  private Operator aggregate(Aggregate a) {
    ScanInput in = ScanInput.of(a.getInput());
    Operator input = in == null ? build(a.getInput())
        : maybeInstrument(scan(in.scan, in.filter, ImmutableBitSet.of(RelOptUtil.getAllFields(a)), null).op());
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
    return new HashAggregateOperator(input, keys, RowKeys.equivalence(keyKinds), fns,
        "group " + a.getGroupSet() + " " + a.getAggCallList());
  }

  private Operator maybeInstrument(Operator op) {
    return analyze ? InstrumentedOperator.wrap(op) : op;
  }

  /** A filter, unless it is always true. */
  private Operator filter(Operator input, RexNode condition) {
    return new FilterOperator(input, predicate(ExprCompiler.compile(condition)), condition.toString());
  }

  private Operator project(Operator input, Project p) {
    List<Expr> exprs = ExprCompiler.compile(p.getProjects());
    RowFunction[] fns = exprs.stream().map(PhysicalPlanner::function).toArray(RowFunction[]::new);
    return new ProjectOperator(input, fns, p.getProjects().toString());
  }

  /** A table scan with the filter right above it, if any. */
  private record ScanInput(TableScan scan, RexNode filter) {
    static ScanInput of(RelNode rel) {
      if (rel instanceof TableScan s) {
        return new ScanInput(s, null);
      }
      if (rel instanceof Filter f && f.getInput() instanceof TableScan s) {
        return new ScanInput(s, f.getCondition());
      }
      return null;
    }
  }

  /** A scan and what remains of its filter; whether it returns the rows in the wanted order. */
  private record Scanned(Operator op, boolean ordered) {}

  /**
   * Reads a table the cheapest way ({@link ScanPlanner}) for a filter, the columns needed (null:
   * all) and an order; the part of the filter the access path does not stand for goes above it.
   * The result is not instrumented itself (its caller wraps it), its scan is.
   */
  private Scanned scan(TableScan scan, RexNode filter, ImmutableBitSet required, ScanPlanner.Order order) {
    io.phantomdb.kernel.sql.syscat.SystemTable system = scan.getTable().unwrap(io.phantomdb.kernel.sql.syscat.SystemTable.class);
    if (system != null) {
      Operator op = maybeInstrument(new io.phantomdb.kernel.sql.syscat.SystemScanOperator(system));
      return new Scanned(filter == null ? op : filter(op, filter), false);
    }
    ScanPlanner.Planned p = new ScanPlanner(env).plan(scan, filter, required, order);
    if (p.residual() == null) {
      return new Scanned(p.scan(), p.ordered());
    }
    return new Scanned(filter(maybeInstrument(p.scan()), p.residual()), p.ordered());
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

  private Operator window(org.apache.calcite.rel.core.Window w) {
    TypeKind[] kinds = kinds(w.getInput().getRowType());
    List<io.phantomdb.kernel.sql.exec.WindowOperator.Window> windows = new ArrayList<>();
    for (org.apache.calcite.rel.core.Window.Group g : w.groups) {
      List<RelFieldCollation> partition = new ArrayList<>();
      for (int k : g.keys) {
        partition.add(new RelFieldCollation(k));
      }
      List<io.phantomdb.kernel.sql.exec.WindowOperator.Function> fns = new ArrayList<>();
      for (org.apache.calcite.rel.core.Window.RexWinAggCall call : g.aggCalls) {
        String name = call.getOperator().getName();
        try {
          fns.add(io.phantomdb.kernel.sql.exec.WindowOperator.Function.valueOf(name));
        } catch (IllegalArgumentException e) {
          throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "window function " + name.toLowerCase(java.util.Locale.ROOT)
              + " is not supported yet");
        }
      }
      windows.add(new io.phantomdb.kernel.sql.exec.WindowOperator.Window(RowKeys.order(partition, kinds),
          RowKeys.order(g.orderKeys.getFieldCollations(), kinds), fns));
    }
    return new io.phantomdb.kernel.sql.exec.WindowOperator(build(w.getInput()), windows, kinds.length);
  }

  private Operator sort(Sort s) {
    long offset = s.offset == null ? 0 : longValue(s.offset);
    long fetch = s.fetch == null ? Long.MAX_VALUE : longValue(s.fetch);
    long keep = fetch == Long.MAX_VALUE ? Long.MAX_VALUE : offset + fetch;
    List<RelFieldCollation> collation = s.getCollation().getFieldCollations();
    Operator input = null;
    if (!collation.isEmpty()) {
      Scanned ordered = orderedScan(s.getInput(), collation, keep);
      if (ordered != null && ordered.ordered()) {
        return offset == 0 && fetch == Long.MAX_VALUE ? ordered.op() : new LimitOperator(maybeInstrument(ordered.op()), offset, fetch);
      }
      input = ordered == null ? build(s.getInput()) : maybeInstrument(ordered.op());
      input = new SortOperator(input, RowKeys.order(collation, kinds(s.getInput().getRowType())), keep,
          s.getCollation().toString());
      if (analyze) {
        input = InstrumentedOperator.wrap(input);
      }
    } else {
      input = build(s.getInput());
    }
    return offset == 0 && fetch == Long.MAX_VALUE ? input : new LimitOperator(input, offset, fetch);
  }

  /**
   * For a sort over {@code [Project] [Filter] TableScan} whose keys are columns of the table: the
   * input planned with the order in mind (and a scan in that order if it is the cheapest way);
   * null for any other input.
   */
  private Scanned orderedScan(RelNode input, List<RelFieldCollation> collation, long keep) {
    Project p = input instanceof Project proj ? proj : null;
    ScanInput in = ScanInput.of(p == null ? input : p.getInput());
    if (in == null) {
      return null;
    }
    List<ScanPlanner.Order.Key> keys = new ArrayList<>();
    for (RelFieldCollation fc : collation) {
      int field = fc.getFieldIndex();
      if (p != null && !(p.getProjects().get(field) instanceof RexInputRef)) {
        return null;
      }
      int column = p == null ? field : ((RexInputRef) p.getProjects().get(field)).getIndex();
      boolean desc = fc.getDirection().isDescending();
      boolean nullsFirst = fc.nullDirection == RelFieldCollation.NullDirection.FIRST
          || (fc.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && desc);
      keys.add(new ScanPlanner.Order.Key(column, desc, nullsFirst));
    }
    ScanPlanner.Order order = new ScanPlanner.Order(keys, keep == Long.MAX_VALUE ? -1 : keep);
    ImmutableBitSet required = p == null ? null : RelOptUtil.InputFinder.bits(p.getProjects(), null);
    Scanned scanned = scan(in.scan, in.filter, required, order);
    if (p == null) {
      return scanned;
    }
    return new Scanned(project(maybeInstrument(scanned.op()), p), scanned.ordered());
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
