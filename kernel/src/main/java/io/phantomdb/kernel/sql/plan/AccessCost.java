package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.TableStatistics;
import io.phantomdb.kernel.sql.store.IndexLayout;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The cost of reading a table one way, in units of one row read in a sequential scan: a seek per
 * key range, then per row read 1 from the primary index, {@value #ENTRY} per index entry plus
 * {@value #FETCH} to fetch its row by primary key (a random read), and, when the scan does not
 * return the order a sort wants, the sort. A scan in the wanted order under a LIMIT stops early:
 * it pays for the share of rows the limit needs.
 */
final class AccessCost {
  static final double SEEK = 4;
  static final double ROW = 1;
  static final double ENTRY = 0.5;
  static final double FETCH = 4;
  static final double SORT = 0.02;
  /** The share of rows passing a condition the estimates know nothing about. */
  static final double UNKNOWN_CONDITION = 0.5;

  private final TableDescriptor table;
  private final TableStatistics statistics;
  private final double rowCount;
  private final ScanPlanner.Order order;
  private final double outputRows;

  /**
   * @param table the table with its statistics
   * @param extracted what the filter says per column
   * @param order the order wanted, or null
   */
  AccessCost(PhantomTable table, RangeExtractor.Result extracted, @Nullable ScanPlanner.Order order) {
    this.table = table.descriptor();
    this.statistics = table.statistics();
    this.rowCount = table.rowCount();
    this.order = order;
    double sel = 1;
    int recognized = 0;
    List<ColumnDescriptor> visible = this.table.visibleColumns();
    for (Map.Entry<Integer, RangeExtractor.ColumnFilter> e : extracted.columns().entrySet()) {
      sel *= selectivity(visible.get(e.getKey()), e.getValue().range());
      recognized += e.getValue().conjuncts().size();
    }
    sel *= Math.pow(UNKNOWN_CONDITION, extracted.conjuncts().size() - recognized);
    this.outputRows = rowCount * sel;
  }

  /**
   * @param index the index read (null: the primary index of a table keyed by row id)
   * @param ranges its ranges
   * @param indexOnly whether the index alone is read
   * @param ordered whether the scan returns the wanted order
   * @return the estimated cost
   */
  double of(@Nullable IndexLayout index, IndexRanges ranges, boolean indexOnly, boolean ordered) {
    double rows = rowCount;
    boolean allPoints = true;
    double combinations = 1;
    List<ColumnDescriptor> visible = table.visibleColumns();
    for (int k = 0; k < ranges.used(); k++) {
      int column = IndexRanges.visibleIndex(visible, index.index().columns().get(k).columnId());
      ColumnRange r = ranges.columns().get(k);
      rows *= selectivity(visible.get(column), r);
      allPoints &= r.isPoints();
      combinations *= r.pointCount();
    }
    if (index != null && index.index().unique() && allPoints && ranges.used() == index.keyColumns().size()) {
      rows = Math.min(rows, combinations); // at most one row per key
    }
    boolean primary = index == null || index.index().primary();
    double perRow = primary ? ROW : indexOnly ? ENTRY : ENTRY + FETCH;
    double seeks = Math.max(1, ranges.ranges().size()) * SEEK;
    if (order == null) {
      return seeks + rows * perRow;
    }
    if (ordered) {
      double share = order.limit() < 0 ? 1 : Math.min(1, order.limit() / Math.max(1, outputRows));
      return Math.max(SEEK, seeks * share) + rows * perRow * share;
    }
    double sorted = Math.min(rows, outputRows);
    return seeks + rows * perRow + sorted * SORT * (Math.log(sorted + 2) / Math.log(2));
  }

  private double selectivity(ColumnDescriptor column, ColumnRange range) {
    return Selectivity.of(column, range, statistics, rowCount, uniqueAlone(column));
  }

  /** Whether a unique index (or the primary key) has this column as its only column. */
  private boolean uniqueAlone(ColumnDescriptor column) {
    for (IndexDescriptor i : table.indexes()) {
      List<IndexColumn> cols = i.columns();
      if (i.unique() && cols.size() == 1 && cols.get(0).columnId() == column.id()) {
        return true;
      }
    }
    return false;
  }
}
