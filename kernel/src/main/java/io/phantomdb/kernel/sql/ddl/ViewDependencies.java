package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import io.phantomdb.kernel.sql.plan.CatalogSchemas;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Which views an ALTER TABLE would affect. Views are stored as SQL text and re-validated against
 * the altered catalog; a column a view uses is found by planning the view against a catalog in
 * which that column has another name.
 */
final class ViewDependencies {
  private static final String PROBE = "phantomdb$probe";

  private final DdlExecutor ddl;

  ViewDependencies(DdlExecutor ddl) {
    this.ddl = ddl;
  }

  /**
   * Refuses an ALTER after which a view that is valid now would no longer be.
   *
   * @param table the altered table
   * @param after the catalog with the ALTER made
   * @throws SqlException 2BP01 naming the view
   */
  void checkStillValid(TableDescriptor table, CatalogSnapshot after) {
    CatalogSnapshot before = ddl.catalog().current();
    for (CatalogObject o : after.objects()) {
      if (o instanceof ViewDescriptor v && rowType(after, v) == null && rowType(before, v) != null) {
        throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot alter table " + table.name()
            + " because view " + v.name() + " depends on it (views are not rewritten yet)");
      }
    }
  }

  /**
   * Refuses to change the type of a column a view uses, as PostgreSQL does.
   *
   * @param catalog the catalog as altered so far
   * @param table the table
   * @param column the column whose type would change
   * @throws SqlException 0A000 naming a view that uses the column
   */
  void refuseTypeChange(CatalogSnapshot catalog, TableDescriptor table, ColumnDescriptor column) {
    List<ColumnDescriptor> columns = new ArrayList<>();
    for (ColumnDescriptor c : table.columns()) {
      columns.add(c != column ? c : new ColumnDescriptor(c.id(), PROBE, c.type(), c.defaultSql(), c.identity(),
          c.sequenceId(), c.hidden(), c.dropped(), c.missingText()));
    }
    CatalogSnapshot probe = catalog.with(table.withColumns(columns, table.nextColumnId()));
    for (CatalogObject o : catalog.objects()) {
      if (!(o instanceof ViewDescriptor v)) {
        continue;
      }
      RelDataType now = rowType(catalog, v);
      if (now != null && !now.equals(rowType(probe, v))) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "cannot alter type of a column used by a view or rule",
            "rule _RETURN on view " + v.name() + " depends on column \"" + column.name() + "\"", null, null);
      }
    }
  }

  /** The view's row type against a catalog, or null if it is not valid there. */
  private RelDataType rowType(CatalogSnapshot cat, ViewDescriptor v) {
    try {
      return new SqlPlanner(CatalogSchemas.rootOf(cat, ddl.databaseId()), ddl.searchPath())
          .viewRowType(v.sql(), v.columnNames());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
