package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.store.IndexLayout;
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
 * Narrows a table scan to the key range a filter allows: equalities between the leading
 * primary-key columns and constants (literals or parameters of exactly the column's type) become
 * a key prefix, so {@code WHERE id = 5} reads one key instead of the table; failing that,
 * equalities on every column of a secondary index make an index lookup. The filter itself stays
 * above the scan, so this only ever removes rows that could not pass it.
 */
final class KeyRangePushdown {
  /** A narrowed range, the secondary index it is in (null: the primary index), for EXPLAIN. */
  record Narrowed(KeyRange range, String description, IndexLayout index) {}

  private KeyRangePushdown() {}

  /**
   * @param condition the filter over the scan's visible columns
   * @param table the table
   * @param layout its layout
   * @param ctx to evaluate parameters and literals
   * @return the narrowed range, or null if the condition fixes no leading key column
   */
  static Narrowed narrow(RexNode condition, TableDescriptor table, TableLayout layout, EvalContext ctx) {
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    if (!table.hasHiddenRowId()) {
      Narrowed primary = narrow(conjuncts, table, layout.primary(), null, ctx, 1);
      if (primary != null) {
        return primary;
      }
    }
    for (IndexLayout idx : layout.secondary()) {
      // a secondary index is worth it only when every one of its columns is fixed
      Narrowed n = narrow(conjuncts, table, idx, idx, ctx, idx.keyColumns().size());
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  private static Narrowed narrow(List<RexNode> conjuncts, TableDescriptor table, IndexLayout keyOf,
      IndexLayout secondary, EvalContext ctx, int needed) {
    List<ColumnDescriptor> visible = table.visibleColumns();
    KeyEncoder prefix = new KeyEncoder(64).appendEncoded(keyOf.prefix(), 0, keyOf.prefix().length);
    List<String> fixed = new ArrayList<>();
    int k = 0;
    for (IndexColumn ic : keyOf.index().columns()) {
      int visibleIndex = -1;
      for (int i = 0; i < visible.size(); i++) {
        if (visible.get(i).id() == ic.columnId()) {
          visibleIndex = i;
        }
      }
      if (visibleIndex < 0) {
        break; // the hidden row id
      }
      Object value = constantFor(conjuncts, visibleIndex, visible.get(visibleIndex), ctx);
      if (value == null) {
        break;
      }
      prefix.append(keyOf.keyColumns().get(k), value);
      fixed.add(visible.get(visibleIndex).name() + " = " + value);
      k++;
    }
    if (k == 0 || k < needed) {
      return null;
    }
    return new Narrowed(VersionedKeys.prefixRange(prefix.toByteArray()), String.join(" AND ", fixed), secondary);
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
