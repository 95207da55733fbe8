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
  static {
    io.phantomdb.kernel.sql.syscat.SystemSchemas.viewColumns((session, view) -> {
      CatalogSnapshot catalog = session.catalog();
      SchemaDescriptor schema = (SchemaDescriptor) catalog.byId(view.schemaId()).orElseThrow();
      SqlPlanner planner = new SqlPlanner(rootOf(catalog, schema.databaseId()), java.util.List.of(schema.name()));
      java.util.List<io.phantomdb.kernel.sql.syscat.SystemTable.Column> out = new java.util.ArrayList<>();
      for (var f : planner.viewRowType(view.sql(), view.columnNames()).getFieldList()) {
        out.add(new io.phantomdb.kernel.sql.syscat.SystemTable.Column(f.getName(),
            io.phantomdb.kernel.sql.type.CalciteTypes.toDataType(f.getType())));
      }
      return out;
    });
  }

  private CatalogSchemas() {}

  private static void addSystem(CalciteSchema root, String name,
      java.util.List<io.phantomdb.kernel.sql.syscat.SystemTable> tables) {
    Map<String, Table> map = new HashMap<>();
    for (var t : tables) {
      map.put(t.name(), t);
    }
    root.add(name, new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        return map;
      }
    });
  }

  /**
   * @param catalog the catalog snapshot
   * @param databaseId the database whose schemas to show
   * @return the root schema, with the database's schemas as children
   */
  public static CalciteSchema rootOf(CatalogSnapshot catalog, int databaseId) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    // the system schemas: pg_catalog (looked in first unless the search path names it) and
    // information_schema, computed from the catalog when read
    addSystem(root, io.phantomdb.kernel.sql.syscat.SystemSchemas.PG_CATALOG,
        io.phantomdb.kernel.sql.syscat.SystemSchemas.pgCatalogTables());
    addSystem(root, io.phantomdb.kernel.sql.syscat.SystemSchemas.INFORMATION_SCHEMA,
        io.phantomdb.kernel.sql.syscat.SystemSchemas.informationSchemaTables());
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
