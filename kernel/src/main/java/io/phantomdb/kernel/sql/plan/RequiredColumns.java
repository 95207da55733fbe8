package io.phantomdb.kernel.sql.plan;

import jakarta.annotation.Nullable;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Which columns of each table scan a query reads, found top-down over the logical plan, so a scan
 * under a join or a sort decodes only those (a row's other columns stay NULL, as in an index-only
 * scan). Projections, filters, joins, aggregates and sorts narrow what their inputs must give;
 * every other node (set operations, windows, correlates, ...) needs all of its inputs' columns. A
 * plan that modifies a table records nothing: UPDATE and DELETE need the whole stored row.
 */
final class RequiredColumns {
  private final Map<RelNode, ImmutableBitSet> byNode = new IdentityHashMap<>();

  private RequiredColumns() {}

  /**
   * @param root the whole logical plan, or null to record nothing
   * @return the columns each scan (or filter right over a scan) must return
   */
  static RequiredColumns of(@Nullable RelNode root) {
    RequiredColumns r = new RequiredColumns();
    if (root != null && !modifies(root)) {
      r.visit(root, all(root));
    }
    return r;
  }

  /**
   * @param rel a table scan or a filter over one
   * @return the columns of its output that the nodes above it read, or null for all
   */
  ImmutableBitSet columns(RelNode rel) {
    return byNode.get(rel);
  }

  private static boolean modifies(RelNode rel) {
    if (rel instanceof TableModify) {
      return true;
    }
    for (RelNode in : rel.getInputs()) {
      if (modifies(in)) {
        return true;
      }
    }
    return false;
  }

  private static ImmutableBitSet all(RelNode rel) {
    return ImmutableBitSet.range(rel.getRowType().getFieldCount());
  }

  private void visit(RelNode rel, ImmutableBitSet required) {
    if (rel instanceof TableScan || (rel instanceof Filter f && f.getInput() instanceof TableScan)) {
      byNode.merge(rel, required, ImmutableBitSet::union); // a node met twice reads both sets
      if (rel instanceof Filter f) {
        visit(f.getInput(), required.union(RelOptUtil.InputFinder.bits(f.getCondition())));
      }
      return;
    }
    if (rel instanceof Project p) {
      visit(p.getInput(), RelOptUtil.InputFinder.bits(p.getProjects(), null));
    } else if (rel instanceof Filter f) {
      visit(f.getInput(), required.union(RelOptUtil.InputFinder.bits(f.getCondition())));
    } else if (rel instanceof Sort s) {
      ImmutableBitSet.Builder b = required.rebuild();
      for (RelFieldCollation c : s.getCollation().getFieldCollations()) {
        b.set(c.getFieldIndex());
      }
      visit(s.getInput(), b.build());
    } else if (rel instanceof Aggregate a) {
      visit(a.getInput(), ImmutableBitSet.of(RelOptUtil.getAllFields(a)));
    } else if (rel instanceof Join j) {
      int leftWidth = j.getLeft().getRowType().getFieldCount();
      int rightWidth = j.getRight().getRowType().getFieldCount();
      ImmutableBitSet used = required.union(RelOptUtil.InputFinder.bits(j.getCondition()));
      visit(j.getLeft(), used.intersect(ImmutableBitSet.range(leftWidth)));
      visit(j.getRight(), used.intersect(ImmutableBitSet.range(leftWidth, leftWidth + rightWidth)).shift(-leftWidth));
    } else {
      for (RelNode in : rel.getInputs()) {
        visit(in, all(in));
      }
    }
  }
}
