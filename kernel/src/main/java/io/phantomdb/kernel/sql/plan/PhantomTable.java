package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.TableStatistics;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A catalog table as Calcite sees it while planning: its visible columns as the row type, and
 * statistics: the row count ANALYZE found ({@value #DEFAULT_ROW_COUNT} before the first ANALYZE),
 * and as unique keys the primary key and the unique indexes over NOT NULL columns. Holds the
 * descriptor and the statistics so the physical planner finds them again from the plan.
 */
public final class PhantomTable extends AbstractTable {
  /** The row count assumed for a table never analyzed. */
  public static final long DEFAULT_ROW_COUNT = 1000;

  private final TableDescriptor descriptor;
  private final TableStatistics statistics;
  private final ColumnDefaults defaults;

  /**
   * @param descriptor the table
   * @param statistics what ANALYZE found, or null if it never ran on the table
   */
  public PhantomTable(TableDescriptor descriptor, @Nullable TableStatistics statistics) {
    this.descriptor = descriptor;
    this.statistics = statistics;
    this.defaults = new ColumnDefaults(descriptor);
  }

  @Override
  public <C> C unwrap(Class<C> type) {
    if (type.isInstance(defaults)) {
      return type.cast(defaults);
    }
    return super.unwrap(type);
  }

  /** @return the table descriptor */
  public TableDescriptor descriptor() {
    return descriptor;
  }

  /** @return what ANALYZE found, or null if it never ran on the table */
  @Nullable
  public TableStatistics statistics() {
    return statistics;
  }

  /** @return the estimated number of rows: ANALYZE's count (at least 1), else the default */
  public double rowCount() {
    return statistics == null ? DEFAULT_ROW_COUNT : Math.max(1, statistics.rowCount());
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (ColumnDescriptor c : descriptor.visibleColumns()) {
      b.add(c.name(), CalciteTypes.toRelDataType(typeFactory, c.type()));
    }
    return b.build();
  }

  @Override
  public Statistic getStatistic() {
    List<ImmutableBitSet> keys = new ArrayList<>();
    List<ColumnDescriptor> visible = descriptor.visibleColumns();
    for (IndexDescriptor index : descriptor.indexes()) {
      if (!index.unique()) {
        continue;
      }
      ImmutableBitSet.Builder key = ImmutableBitSet.builder();
      boolean usable = true;
      for (IndexColumn ic : index.columns()) {
        int i = IndexRanges.visibleIndex(visible, ic.columnId());
        // NULLs never collide in a unique index, so only NOT NULL columns make a key
        usable &= i >= 0 && !visible.get(i).nullable();
        if (usable) {
          key.set(i);
        }
      }
      if (usable) {
        keys.add(key.build());
      }
    }
    return Statistics.of(rowCount(), keys);
  }
}
