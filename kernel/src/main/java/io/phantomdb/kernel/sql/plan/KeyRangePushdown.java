package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.spi.storage.KeyRange;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Narrows a table scan to the primary-key range a filter allows: equalities between the leading
 * primary-key columns and constants (literals or parameters of exactly the column's type) become
 * a key prefix, so {@code WHERE id = 5} reads one key instead of the table. The filter itself stays
 * above the scan, so this only ever removes rows that could not pass it.
 */
final class KeyRangePushdown {
  /** A narrowed range and its description for EXPLAIN. */
  record Narrowed(KeyRange range, String description) {}

  private KeyRangePushdown() {}

  /**
   * @param condition the filter over the scan's visible columns
   * @param table the table
   * @param layout its layout
   * @param ctx to evaluate parameters and literals
   * @return the narrowed range, or null if the condition fixes no leading key column
   */
  static Narrowed narrow(RexNode condition, TableDescriptor table, TableLayout layout, EvalContext ctx) {
    if (table.hasHiddenRowId()) {
      return null;
    }
    List<ColumnDescriptor> visible = table.visibleColumns();
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    KeyEncoder prefix = new KeyEncoder(64).appendEncoded(layout.primary().prefix(), 0, layout.primary().prefix().length);
    List<String> fixed = new ArrayList<>();
    int k = 0;
    for (IndexColumn ic : table.primaryIndex().columns()) {
      int visibleIndex = -1;
      for (int i = 0; i < visible.size(); i++) {
        if (visible.get(i).id() == ic.columnId()) {
          visibleIndex = i;
        }
      }
      Object value = constantFor(conjuncts, visibleIndex, visible.get(visibleIndex), ctx);
      if (value == null) {
        break;
      }
      prefix.append(layout.primary().keyColumns().get(k), value);
      fixed.add(visible.get(visibleIndex).name() + " = " + value);
      k++;
    }
    if (k == 0) {
      return null;
    }
    return new Narrowed(VersionedKeys.prefixRange(prefix.toByteArray()), String.join(" AND ", fixed));
  }

  /** The non-null constant {@code column = constant} fixes, from one of the conjuncts, or null. */
  private static Object constantFor(List<RexNode> conjuncts, int column, ColumnDescriptor col, EvalContext ctx) {
    for (RexNode c : conjuncts) {
      if (c.getKind() != SqlKind.EQUALS) {
        continue;
      }
      List<RexNode> ops = ((RexCall) c).getOperands();
      for (int side = 0; side < 2; side++) {
        RexNode ref = ops.get(side);
        RexNode other = ops.get(1 - side);
        if (ref instanceof RexInputRef in && in.getIndex() == column
            && (other instanceof RexLiteral || other instanceof RexDynamicParam)
            && CalciteTypes.toDataType(other.getType()).kind() == col.type().kind()) {
          Object v = ExprCompiler.compile(other).eval(new Object[0], ctx);
          if (v != null) {
            return v;
          }
        }
      }
    }
    return null;
  }
}
