package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import java.util.List;

/** PostgreSQL's convenience views pg_tables, pg_views and pg_indexes (system tables here). */
final class PgViews {
  private PgViews() {}

  static List<SystemTable> all() {
    return List.of(tables(), views(), indexes());
  }

  private static SystemTable tables() {
    return SystemTable.builder("pg_tables", 12010).text("schemaname", "tablename", "tableowner", "tablespace")
        .bool("hasindexes", "hasrules", "hastriggers", "rowsecurity")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.kind() == 'r') {
              TableDescriptor t = (TableDescriptor) r.object();
              rows.add(r.schema().name(), r.name(), PgFunctions.userById(s, 10), null,
                  !t.hasHiddenRowId() || !t.secondaryIndexes().isEmpty(), false, false, false);
            }
          }
        });
  }

  private static SystemTable views() {
    return SystemTable.builder("pg_views", 12011).text("schemaname", "viewname", "viewowner", "definition")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.kind() == 'v') {
              rows.add(r.schema().name(), r.name(), PgFunctions.userById(s, 10), ((ViewDescriptor) r.object()).sql());
            }
          }
        });
  }

  private static SystemTable indexes() {
    return SystemTable.builder("pg_indexes", 12012).text("schemaname", "tablename", "indexname", "tablespace", "indexdef")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.kind() == 'i') {
              rows.add(r.schema().name(), r.object().name(), r.name(), null, PgFunctions.indexDef(s, r.oid(), null));
            }
          }
        });
  }
}
