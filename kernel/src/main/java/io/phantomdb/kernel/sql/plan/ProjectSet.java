package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.expr.SelectListSetFunctions;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * A projection with set-returning function calls (PostgreSQL's ProjectSet): for each input row,
 * every such call gives a list of values; the node makes as many output rows as the longest list,
 * the calls in lock-step (a shorter list gives NULL after its end), and none when all lists are
 * empty. Its own node type keeps the rewrite rules (filter push-down, projection merging,
 * constant folding) from moving the calls.
 */
public final class ProjectSet extends SingleRel {
  private final List<RexNode> exprs;

  /**
   * @param cluster the cluster
   * @param traits the traits
   * @param input the input
   * @param exprs one expression per output column, over the input's fields
   * @param rowType the output row type
   */
  public ProjectSet(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<RexNode> exprs, RelDataType rowType) {
    super(cluster, traits, input);
    this.exprs = List.copyOf(exprs);
    this.rowType = rowType;
  }

  /** @return one expression per output column */
  public List<RexNode> exprs() {
    return exprs;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ProjectSet(getCluster(), traitSet, sole(inputs), exprs, rowType);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("exprs", exprs);
  }

  /**
   * @param rel a plan as converted from SQL
   * @return the plan with each projection that calls a set-returning function turned into a
   *     ProjectSet (also in sub-queries)
   */
  static RelNode of(RelNode rel) {
    return rel.accept(new Converter());
  }

  /**
   * The operator that runs this node over its input's operator.
   *
   * @param input the input's operator
   * @return the operator
   * @throws io.phantomdb.kernel.sql.SqlException 0A000 for a set-returning call in the arguments
   *     of another
   */
  io.phantomdb.kernel.sql.exec.Operator toOperator(io.phantomdb.kernel.sql.exec.Operator input) {
    int base = getInput().getRowType().getFieldCount();
    List<RexCall> calls = new java.util.ArrayList<>();
    RexShuttle slots = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        if (!SelectListSetFunctions.isSetValued(call.getOperator())) {
          return super.visitCall(call);
        }
        for (RexNode operand : call.getOperands()) {
          if (findCall(operand) != null) {
            throw new io.phantomdb.kernel.sql.SqlException(io.phantomdb.kernel.sql.SqlState.FEATURE_NOT_SUPPORTED,
                "a set-returning function in the arguments of another is not supported");
          }
        }
        int k = calls.indexOf(call);
        if (k < 0) {
          calls.add(call);
          k = calls.size() - 1;
        }
        return new org.apache.calcite.rex.RexInputRef(base + k, call.getType());
      }
    };
    List<RexNode> outs = exprs.stream().map(e -> e.accept(slots)).toList();
    List<io.phantomdb.kernel.sql.exec.ProjectSetOperator.SetCall> sets = new java.util.ArrayList<>();
    for (RexCall call : calls) {
      List<io.phantomdb.kernel.sql.expr.Expr> args = io.phantomdb.kernel.sql.expr.ExprCompiler.compile(call.getOperands());
      List<io.phantomdb.kernel.sql.type.DataType> types = args.stream().map(io.phantomdb.kernel.sql.expr.Expr::type).toList();
      String name = call.getOperator().getName();
      sets.add((row, ctx) -> {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = args.get(i).eval(row, ctx);
        }
        return SelectListSetFunctions.values(name, values, types);
      });
    }
    List<io.phantomdb.kernel.sql.expr.Expr> columns = io.phantomdb.kernel.sql.expr.ExprCompiler.compile(outs);
    return new io.phantomdb.kernel.sql.exec.ProjectSetOperator(input, sets, columns, exprs.toString());
  }

  private static RexNode findCall(RexNode node) {
    try {
      node.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
        @Override
        public Void visitCall(RexCall call) {
          if (SelectListSetFunctions.isSetValued(call.getOperator())) {
            throw new org.apache.calcite.util.Util.FoundOne(call);
          }
          return super.visitCall(call);
        }
      });
      return null;
    } catch (org.apache.calcite.util.Util.FoundOne e) {
      return (RexNode) e.getNode();
    }
  }

  /** Bottom-up: inputs first, then sub-queries in the node's expressions, then the node. */
  private static final class Converter extends RelShuttleImpl {
    @Override
    public RelNode visit(LogicalProject project) {
      RelNode rel = super.visit(project).accept(subQueries());
      if (rel instanceof LogicalProject p && p.getProjects().stream().anyMatch(e -> findCall(e) != null)) {
        return new ProjectSet(p.getCluster(), p.getTraitSet(), p.getInput(), p.getProjects(), p.getRowType());
      }
      return rel;
    }

    @Override
    public RelNode visit(RelNode other) {
      return super.visit(other).accept(subQueries());
    }

    @Override
    public RelNode visit(org.apache.calcite.rel.logical.LogicalFilter filter) {
      return super.visit(filter).accept(subQueries());
    }

    @Override
    public RelNode visit(org.apache.calcite.rel.logical.LogicalJoin join) {
      return super.visit(join).accept(subQueries());
    }

    private RexShuttle subQueries() {
      Converter self = this;
      return new RexShuttle() {
        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
          return subQuery.clone(subQuery.rel.accept(self));
        }
      };
    }
  }
}
