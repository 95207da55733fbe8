package io.phantomdb.kernel.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Turns the plan of {@code SELECT expressions FROM t [, u]} (no WHERE, no sub-queries) back into
 * the expressions over the scanned rows laid side by side ({@code t}'s visible columns, then
 * {@code u}'s): the form RETURNING and ON CONFLICT DO UPDATE evaluate over rows the statement
 * holds rather than rows it scans. Calcite's field trimming and projection merging may have put
 * projections over the scans; they are inlined.
 */
final class ScanRowInliner {
  private ScanRowInliner() {}

  /**
   * @param root a planned SELECT of scans, projections and unconditioned inner joins
   * @return its output expressions, in output order, over the concatenated scanned rows; null if
   *     the plan has another shape
   */
  static List<RexNode> inline(RelRoot root) {
    List<RexNode> fields = fields(root.rel, new int[1]);
    if (fields == null) {
      return null;
    }
    List<RexNode> out = new ArrayList<>(root.fields.size());
    for (Map.Entry<Integer, String> f : root.fields) {
      out.add(fields.get(f.getKey()));
    }
    return out;
  }

  /** The expressions of each output field of {@code rel}; {@code offset[0]} is the next scan's first column. */
  private static List<RexNode> fields(RelNode rel, int[] offset) {
    if (rel instanceof TableScan scan) {
      List<RexNode> out = new ArrayList<>();
      for (RelDataTypeField f : scan.getRowType().getFieldList()) {
        out.add(new RexInputRef(offset[0] + f.getIndex(), f.getType()));
      }
      offset[0] += out.size();
      return out;
    }
    if (rel instanceof Project p) {
      List<RexNode> input = fields(p.getInput(), offset);
      if (input == null) {
        return null;
      }
      RexShuttle substitute = new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return input.get(ref.getIndex());
        }
      };
      List<RexNode> out = new ArrayList<>();
      for (RexNode e : p.getProjects()) {
        out.add(e.accept(substitute));
      }
      return out;
    }
    if (rel instanceof Join j && j.getJoinType() == JoinRelType.INNER && j.getCondition().isAlwaysTrue()) {
      List<RexNode> left = fields(j.getLeft(), offset);
      List<RexNode> right = left == null ? null : fields(j.getRight(), offset);
      if (right == null) {
        return null;
      }
      List<RexNode> out = new ArrayList<>(left);
      out.addAll(right);
      return out;
    }
    return null;
  }
}
