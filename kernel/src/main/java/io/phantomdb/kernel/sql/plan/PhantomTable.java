package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.type.CalciteTypes;
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
 * statistics (row count estimate, the primary key as a unique key). Holds the descriptor so the
 * executor can find it again from the plan.
 */
public final class PhantomTable extends AbstractTable {
  private final TableDescriptor descriptor;
  private final double rowCount;
  private final ColumnDefaults defaults;

  /**
   * @param descriptor the table
   * @param rowCount the estimated number of rows
   */
  public PhantomTable(TableDescriptor descriptor, double rowCount) {
    this.descriptor = descriptor;
    this.rowCount = rowCount;
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
    if (!descriptor.hasHiddenRowId()) {
      List<ColumnDescriptor> visible = descriptor.visibleColumns();
      ImmutableBitSet.Builder key = ImmutableBitSet.builder();
      for (IndexColumn ic : descriptor.primaryIndex().columns()) {
        for (int i = 0; i < visible.size(); i++) {
          if (visible.get(i).id() == ic.columnId()) {
            key.set(i);
          }
        }
      }
      keys.add(key.build());
    }
    return Statistics.of(rowCount, keys);
  }
}
