package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Finds, in a filter over a table's visible columns, the conjuncts that restrict one column to
 * ranges of values: comparisons with constants ({@code =, <, <=, >, >=}, either side), {@code
 * BETWEEN}, {@code IN} lists and ORs of such (Calcite's SEARCH), {@code IS [NOT] NULL}, and ANDs
 * and ORs of these on one column. Constants are literals and statement parameters, evaluated now
 * (operators are built per execution). A column may be seen through an exact cast ({@link
 * KeyBounds#exactCast}); comparisons a key cannot answer exactly are left alone.
 */
final class RangeExtractor {
  /**
   * What a filter says about one column.
   *
   * @param column the visible column's position
   * @param range the values passing every conjunct below
   * @param conjuncts the conjuncts that make up {@code range} (exactly)
   */
  record ColumnFilter(int column, ColumnRange range, List<RexNode> conjuncts) {}

  /**
   * @param columns the restricted columns by visible position
   * @param conjuncts every conjunct of the filter
   */
  record Result(Map<Integer, ColumnFilter> columns, List<RexNode> conjuncts) {}

  private record Leaf(int column, ColumnRange range) {}

  private final List<ColumnDescriptor> visible;
  private final RexBuilder rexBuilder;
  private final EvalContext ctx;

  private RangeExtractor(List<ColumnDescriptor> visible, RexBuilder rexBuilder, EvalContext ctx) {
    this.visible = visible;
    this.rexBuilder = rexBuilder;
    this.ctx = ctx;
  }

  /**
   * @param condition the filter, or null
   * @param visible the table's visible columns (the scan's row)
   * @param rexBuilder to expand SEARCH calls
   * @param ctx to evaluate parameters
   * @return the columns' ranges and the conjuncts
   */
  static Result extract(RexNode condition, List<ColumnDescriptor> visible, RexBuilder rexBuilder, EvalContext ctx) {
    if (condition == null) {
      return new Result(Map.of(), List.of());
    }
    RangeExtractor x = new RangeExtractor(visible, rexBuilder, ctx);
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    Map<Integer, ColumnFilter> columns = new LinkedHashMap<>();
    for (RexNode c : conjuncts) {
      Leaf leaf = x.leaf(c);
      if (leaf == null) {
        continue;
      }
      ColumnFilter before = columns.get(leaf.column);
      if (before == null) {
        columns.put(leaf.column, new ColumnFilter(leaf.column, leaf.range, List.of(c)));
        continue;
      }
      ColumnRange mine = before.range().adopt(leaf.range);
      ColumnRange other = mine.align(leaf.range);
      if (other != null) {
        List<RexNode> cs = new ArrayList<>(before.conjuncts());
        cs.add(c);
        columns.put(leaf.column, new ColumnFilter(leaf.column, mine.intersect(other), List.copyOf(cs)));
      }
    }
    return new Result(columns, conjuncts);
  }

  /** The column and values one predicate allows, or null if it is not a range of one column. */
  private Leaf leaf(RexNode e) {
    switch (e.getKind()) {
      case SEARCH:
        return leaf(RexUtil.expandSearch(rexBuilder, null, e));
      case AND:
      case OR: {
        Leaf acc = null;
        for (RexNode operand : ((RexCall) e).getOperands()) {
          Leaf l = leaf(operand);
          if (l == null || (acc != null && l.column != acc.column)) {
            return null;
          }
          if (acc == null) {
            acc = l;
            continue;
          }
          ColumnRange mine = acc.range.adopt(l.range);
          ColumnRange other = mine.align(l.range);
          if (other == null) {
            return null;
          }
          acc = new Leaf(l.column, e.getKind() == SqlKind.AND ? mine.intersect(other) : union(mine, other));
        }
        return acc;
      }
      case IS_NULL:
      case IS_NOT_NULL: {
        int col = columnOf(((RexCall) e).getOperands().get(0));
        if (col < 0) {
          return null;
        }
        DataType type = visible.get(col).type();
        return new Leaf(col, e.getKind() == SqlKind.IS_NULL ? ColumnRange.onlyNull(type) : ColumnRange.all(type, false));
      }
      case EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison((RexCall) e);
      default:
        return null;
    }
  }

  private static ColumnRange union(ColumnRange a, ColumnRange b) {
    List<ColumnRange.Interval> all = new ArrayList<>(a.intervals());
    all.addAll(b.intervals());
    return ColumnRange.of(a.keyType(), all, a.nullIncluded() || b.nullIncluded());
  }

  private Leaf comparison(RexCall call) {
    SqlKind op = call.getKind();
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (columnOf(left) < 0) {
      RexNode t = left;
      left = right;
      right = t;
      op = op.reverse();
    }
    int col = columnOf(left);
    if (col < 0 || !isConstant(right)) {
      return null;
    }
    DataType columnType = visible.get(col).type();
    DataType constantType = CalciteTypes.toDataType(right.getType());
    DataType key = KeyBounds.keyType(columnType, CalciteTypes.toDataType(left.getType()), constantType);
    if (key == null) {
      return null;
    }
    Object v;
    try {
      v = ExprCompiler.compile(right).eval(new Object[0], ctx);
    } catch (RuntimeException e) {
      return null; // the filter raises it if a row ever reaches the comparison
    }
    if (v == null) {
      return new Leaf(col, ColumnRange.none(key)); // a comparison with NULL passes nothing
    }
    KeyBounds.Edge lo = new KeyBounds.Edge(null, false);
    KeyBounds.Edge hi = new KeyBounds.Edge(null, false);
    switch (op) {
      case EQUALS -> {
        lo = KeyBounds.lower(key, constantType, v, true);
        hi = KeyBounds.upper(key, constantType, v, true);
      }
      case LESS_THAN -> hi = KeyBounds.upper(key, constantType, v, false);
      case LESS_THAN_OR_EQUAL -> hi = KeyBounds.upper(key, constantType, v, true);
      case GREATER_THAN -> lo = KeyBounds.lower(key, constantType, v, false);
      default -> lo = KeyBounds.lower(key, constantType, v, true);
    }
    if (lo.empty() || hi.empty()) {
      return new Leaf(col, ColumnRange.none(key));
    }
    return new Leaf(col, ColumnRange.of(key, List.of(new ColumnRange.Interval(lo.bound(), hi.bound())), false));
  }

  /** The visible column {@code e} reads, directly or through an exact cast, or -1. */
  private int columnOf(RexNode e) {
    if (e instanceof RexInputRef ref) {
      return ref.getIndex();
    }
    if (e.getKind() == SqlKind.CAST && ((RexCall) e).getOperands().get(0) instanceof RexInputRef ref
        && KeyBounds.exactCast(visible.get(ref.getIndex()).type(), CalciteTypes.toDataType(e.getType()))) {
      return ref.getIndex();
    }
    return -1;
  }

  private static boolean isConstant(RexNode e) {
    if (e instanceof RexLiteral || e instanceof RexDynamicParam) {
      return true;
    }
    return e.getKind() == SqlKind.CAST && isConstant(((RexCall) e).getOperands().get(0));
  }
}
