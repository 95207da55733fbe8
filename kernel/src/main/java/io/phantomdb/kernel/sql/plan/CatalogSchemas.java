package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Builds the Calcite schema tree of one database from a catalog snapshot: one sub-schema per
 * catalog schema, one {@link PhantomTable} per table (with its ANALYZE statistics). Built per
 * catalog version and shared by the
 * statements planned against that version.
 */
public final class CatalogSchemas {
  private CatalogSchemas() {}

  /**
   * @param catalog the catalog snapshot
   * @param databaseId the database whose schemas to show
   * @return the root schema, with the database's schemas as children
   */
  public static CalciteSchema rootOf(CatalogSnapshot catalog, int databaseId) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    for (SchemaDescriptor s : catalog.schemas(databaseId)) {
      Map<String, Table> tables = new HashMap<>();
      for (CatalogObject o : catalog.relations(s.id())) {
        if (o instanceof TableDescriptor t) {
          tables.put(t.name(), new PhantomTable(t, catalog.statistics(t.id()).orElse(null)));
        } else if (o instanceof io.phantomdb.kernel.sql.catalog.ViewDescriptor v) {
          tables.put(v.name(), new PhantomView(v, java.util.List.of(s.name()),
              () -> new SqlPlanner(root, java.util.List.of(s.name()))));
        }
      }
      root.add(s.name(), new AbstractSchema() {
        @Override
        protected Map<String, Table> getTableMap() {
          return tables;
        }
      });
    }
    return root;
  }
}
