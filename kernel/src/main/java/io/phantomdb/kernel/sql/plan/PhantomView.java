package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view as Calcite sees it while planning: its row type is that of its query (validated against
 * the current catalog), and reading it expands the query in place.
 */
final class PhantomView extends AbstractTable implements TranslatableTable {
  private final ViewDescriptor view;
  private final List<String> schemaPath;
  private final Supplier<SqlPlanner> planner;
  private RelDataType rowType;

  PhantomView(ViewDescriptor view, List<String> schemaPath, Supplier<SqlPlanner> planner) {
    this.view = view;
    this.schemaPath = schemaPath;
    this.planner = planner;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    if (rowType == null) {
      rowType = planner.get().viewRowType(view.sql(), view.columnNames());
    }
    return typeFactory.copyType(rowType);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return context.expandView(relOptTable.getRowType(), view.sql(), schemaPath, List.of(view.name())).rel;
  }
}
