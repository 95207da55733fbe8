package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.KeyDecoder;
import io.phantomdb.kernel.sql.exec.IndexScanOperator;
import io.phantomdb.kernel.sql.exec.KeyScan;
import io.phantomdb.kernel.sql.exec.Operator;
import io.phantomdb.kernel.sql.exec.TableScanOperator;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.spi.storage.ScanOrder;
import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Chooses how to read a table for a filter, the columns the query needs and, when the query sorts,
 * the order it wants: a sequential scan, a range scan of the primary key, or a scan of a secondary
 * index fetching rows or (when the index holds every needed column) reading the index alone. Each
 * candidate gets a cost from the estimated rows it reads ({@link AccessCost}); the cheapest wins.
 * The conjuncts the chosen key ranges stand for are dropped; the rest come back as the residual
 * filter.
 */
final class ScanPlanner {
  /**
   * The order a sort above the scan wants, by visible column.
   *
   * @param keys the sort keys
   * @param limit the rows the query needs in that order (offset + fetch), or -1 for all
   */
  record Order(List<Key> keys, long limit) {
    /**
     * @param column a visible column of the table
     * @param descending whether it sorts descending
     * @param nullsFirst whether NULLs come first
     */
    record Key(int column, boolean descending, boolean nullsFirst) {}
  }

  /**
   * The chosen scan.
   *
   * @param scan the scan operator
   * @param residual what is left of the filter to check on its rows, or null
   * @param ordered whether the scan returns the rows in the requested order
   */
  record Planned(Operator scan, @Nullable RexNode residual, boolean ordered) {}

  /** One column of the order an index returns its rows in. */
  private record OrderColumn(int column, boolean descending, boolean nullsFirst, boolean nullable) {}

  private record Candidate(IndexLayout index, IndexRanges ranges, boolean indexOnly, ScanOrder order, boolean ordered,
      double cost) {}

  private final StatementEnv env;

  ScanPlanner(StatementEnv env) {
    this.env = env;
  }

  /**
   * @param scan the table scan
   * @param filter the filter over its rows, or null
   * @param required the visible columns the query reads above the filter, or null for all
   * @param order the order wanted, or null
   * @return the chosen scan
   */
  Planned plan(TableScan scan, @Nullable RexNode filter, @Nullable ImmutableBitSet required, @Nullable Order order) {
    PhantomTable t = scan.getTable().unwrap(PhantomTable.class);
    TableDescriptor table = t.descriptor();
    TableLayout layout = env.layout(table);
    List<ColumnDescriptor> visible = table.visibleColumns();
    RangeExtractor.Result extracted = RangeExtractor.extract(filter, visible, scan.getCluster().getRexBuilder(),
        env.evalContext());
    ImmutableBitSet needed = required == null ? ImmutableBitSet.range(visible.size())
        : filter == null ? required : required.union(RelOptUtil.InputFinder.bits(filter));
    boolean primaryPoint;
    IndexRanges primaryRanges;
    boolean primaryOrdered;
    ScanOrder primaryDirection;
    if (table.hasHiddenRowId()) {
      primaryRanges = IndexRanges.of(layout.primary(), table, java.util.Map.of());
      primaryOrdered = false;
      primaryDirection = ScanOrder.FORWARD;
      primaryPoint = false;
    } else {
      primaryRanges = IndexRanges.of(layout.primary(), table, extracted.columns());
      ScanOrder dir = direction(orderColumns(table, layout.primary(), extracted), primaryRanges.fixed(), order);
      primaryOrdered = dir != null;
      primaryDirection = dir == null ? ScanOrder.FORWARD : dir;
      // a primary key fixed to one value reads at most one row: no index can do better
      primaryPoint = primaryRanges.fixed() == layout.primary().index().columns().size();
    }
    if (primaryPoint || layout.secondary().isEmpty()) {
      // the only candidate: no costs to compare (a point lookup's common case)
      Candidate only = new Candidate(null, primaryRanges, false, primaryDirection, primaryOrdered, 0);
      return new Planned(build(t, layout, only, needed), residual(scan, extracted, primaryRanges), primaryOrdered);
    }
    AccessCost cost = new AccessCost(t, extracted, order);
    List<Candidate> candidates = new ArrayList<>();
    candidates.add(new Candidate(null, primaryRanges, false, primaryDirection, primaryOrdered,
        table.hasHiddenRowId() ? cost.of(null, primaryRanges, false, false)
            : cost.of(layout.primary(), primaryRanges, false, primaryOrdered)));
    for (IndexLayout index : layout.secondary()) {
      IndexRanges r = IndexRanges.of(index, table, extracted.columns());
      boolean indexOnly = env.writer() == null && covered(table, layout, index).contains(needed);
      ScanOrder dir = direction(orderColumns(table, index, extracted), r.fixed(), order);
      if (r.used() == 0 && dir == null) {
        continue; // a whole index in no useful order: the table scan reads the same rows
      }
      candidates.add(new Candidate(index, r, indexOnly, dir == null ? ScanOrder.FORWARD : dir, dir != null,
          cost.of(index, r, indexOnly, dir != null)));
    }
    Candidate best = candidates.get(0);
    for (Candidate c : candidates) {
      if (c.cost < best.cost) {
        best = c;
      }
    }
    return new Planned(build(t, layout, best, needed), residual(scan, extracted, best.ranges), best.ordered);
  }

  /**
   * Which live columns a table scan decodes: the needed ones, for a query (DML needs the whole
   * stored row, so it decodes everything); null for all.
   */
  private @Nullable boolean[] decoded(int liveCount, int[] positions, ImmutableBitSet needed) {
    if (env.writer() != null || needed.cardinality() == positions.length) {
      return null;
    }
    boolean[] wanted = new boolean[liveCount];
    for (int i = 0; i < positions.length; i++) {
      wanted[positions[i]] = needed.get(i);
    }
    return wanted;
  }

  private Operator build(PhantomTable t, TableLayout layout, Candidate c, ImmutableBitSet needed) {
    TableDescriptor table = t.descriptor();
    List<ColumnDescriptor> live = table.liveColumns();
    List<ColumnDescriptor> visible = table.visibleColumns();
    int[] positions = table.visibleInLive();
    KeyScan keys = new KeyScan(c.ranges.ranges(), c.order, c.ranges.condition());
    if (c.index == null) {
      return new TableScanOperator(env.reader(), env.data(), layout, keys, env.readTs(), positions,
          c.ranges.used() > 0 || c.ordered, decoded(live.size(), positions, needed));
    }
    if (!c.indexOnly) {
      return IndexScanOperator.fetching(env.reader(), env.data(), layout, c.index, keys, env.readTs(), positions);
    }
    int[] keyTargets = targets(visible, c.index.index().columns(), needed);
    int[] primaryTargets = targets(visible, layout.primary().index().columns(), needed);
    return IndexScanOperator.indexOnly(env.reader(), env.data(), layout, c.index, keys, env.readTs(), visible.size(),
        keyTargets, primaryTargets);
  }

  private static int[] targets(List<ColumnDescriptor> visible, List<IndexColumn> columns, ImmutableBitSet needed) {
    int[] out = new int[columns.size()];
    for (int k = 0; k < out.length; k++) {
      int v = IndexRanges.visibleIndex(visible, columns.get(k).columnId());
      out[k] = v >= 0 && needed.get(v) ? v : -1;
    }
    return out;
  }

  /** The visible columns an index's entries hold exactly: its own and the primary key's. */
  private static ImmutableBitSet covered(TableDescriptor table, TableLayout layout, IndexLayout index) {
    List<ColumnDescriptor> visible = table.visibleColumns();
    ImmutableBitSet.Builder b = ImmutableBitSet.builder();
    List<IndexColumn> columns = new ArrayList<>(index.index().columns());
    columns.addAll(layout.primary().index().columns());
    for (IndexColumn ic : columns) {
      int v = IndexRanges.visibleIndex(visible, ic.columnId());
      if (v >= 0 && KeyDecoder.decodesExactly(visible.get(v).type())) {
        b.set(v);
      }
    }
    return b.build();
  }

  /**
   * The columns an index returns rows in order of: its own, then (secondary) the primary key's;
   * where NULLs sort matters only for columns that may be NULL in the filter's rows.
   */
  private static List<OrderColumn> orderColumns(TableDescriptor table, IndexLayout index,
      RangeExtractor.Result extracted) {
    List<ColumnDescriptor> visible = table.visibleColumns();
    List<IndexColumn> columns = new ArrayList<>(index.index().columns());
    if (!index.index().primary()) {
      columns.addAll(table.primaryIndex().columns());
    }
    List<OrderColumn> out = new ArrayList<>();
    for (IndexColumn ic : columns) {
      int v = IndexRanges.visibleIndex(visible, ic.columnId());
      if (v < 0) {
        break; // the hidden row id: no order SQL can ask for
      }
      RangeExtractor.ColumnFilter f = extracted.columns().get(v);
      boolean nullable = visible.get(v).nullable() && (f == null || f.range().nullIncluded());
      out.add(new OrderColumn(v, ic.descending(), ic.nullsFirst(), nullable));
    }
    return out;
  }

  /**
   * The direction in which an index scan returns rows in the wanted order, or null if neither
   * does. Leading columns fixed to one value by the filter may be skipped in both lists.
   */
  private static ScanOrder direction(List<OrderColumn> columns, int fixed, @Nullable Order order) {
    if (order == null) {
      return null;
    }
    ScanOrder dir = null;
    int pos = fixed;
    for (Order.Key key : order.keys()) {
      boolean isFixed = false;
      for (int i = 0; i < Math.min(fixed, columns.size()); i++) {
        isFixed |= columns.get(i).column == key.column();
      }
      if (isFixed) {
        continue;
      }
      if (pos >= columns.size() || columns.get(pos).column != key.column()) {
        return null;
      }
      OrderColumn c = columns.get(pos++);
      boolean forward = key.descending() == c.descending && (!c.nullable || key.nullsFirst() == c.nullsFirst);
      boolean reverse = key.descending() != c.descending && (!c.nullable || key.nullsFirst() != c.nullsFirst);
      ScanOrder d = forward ? ScanOrder.FORWARD : reverse ? ScanOrder.REVERSE : null;
      if (d == null || (dir != null && d != dir)) {
        return null;
      }
      dir = d;
    }
    return dir == null ? ScanOrder.FORWARD : dir;
  }

  /** The conjuncts the chosen ranges do not stand for, as one condition, or null if none. */
  private static RexNode residual(TableScan scan, RangeExtractor.Result extracted, IndexRanges ranges) {
    Set<RexNode> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
    consumed.addAll(ranges.consumed());
    List<RexNode> rest = new ArrayList<>();
    for (RexNode c : extracted.conjuncts()) {
      if (!consumed.contains(c)) {
        rest.add(c);
      }
    }
    return rest.isEmpty() ? null : RexUtil.composeConjunction(scan.getCluster().getRexBuilder(), rest, false);
  }
}
