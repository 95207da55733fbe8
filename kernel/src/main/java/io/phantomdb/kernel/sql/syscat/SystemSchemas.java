package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import io.phantomdb.kernel.sql.expr.SessionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The system schemas every database has: {@code pg_catalog} (its tables from {@link
 * PgRelationTables} and {@link PgGlobalTables}) and {@code information_schema} ({@link
 * InformationSchema}), beside {@code pg_toast} (empty), as pg_namespace lists them.
 */
public final class SystemSchemas {
  /** The name of schema pg_catalog. */
  public static final String PG_CATALOG = "pg_catalog";
  /** The name of schema information_schema. */
  public static final String INFORMATION_SCHEMA = "information_schema";

  private static final Map<String, SystemTable> PG = new LinkedHashMap<>();
  private static final Map<String, SystemTable> INFO = new LinkedHashMap<>();
  private static final Map<Integer, SystemTable> BY_OID = new HashMap<>();
  private static volatile BiFunction<SessionContext, ViewDescriptor, List<SystemTable.Column>> viewColumns =
      (s, v) -> List.of();

  static {
    for (SystemTable t : PgRelationTables.all()) {
      put(PG, t);
    }
    for (SystemTable t : PgGlobalTables.all()) {
      put(PG, t);
    }
    for (SystemTable t : PgViews.all()) {
      put(PG, t);
    }
    for (SystemTable t : InformationSchema.all()) {
      put(INFO, t);
    }
  }

  private SystemSchemas() {}

  private static void put(Map<String, SystemTable> m, SystemTable t) {
    m.put(t.name(), t);
    BY_OID.put(t.oid(), t);
  }

  /** @return the tables of pg_catalog */
  public static List<SystemTable> pgCatalogTables() {
    return List.copyOf(PG.values());
  }

  /** @return the tables of information_schema */
  public static List<SystemTable> informationSchemaTables() {
    return List.copyOf(INFO.values());
  }

  /**
   * @param name a name
   * @return the pg_catalog table of that name, or null
   */
  public static SystemTable pgCatalog(String name) {
    return PG.get(name);
  }

  /**
   * @param oid an OID
   * @return the system table with that OID, or null
   */
  public static SystemTable table(int oid) {
    return BY_OID.get(oid);
  }

  /**
   * @param catalog a catalog
   * @param databaseId a database
   * @return pg_catalog, pg_toast, information_schema and the database's schemas, by OID
   */
  public static List<SchemaDescriptor> schemas(CatalogSnapshot catalog, int databaseId) {
    List<SchemaDescriptor> out = new ArrayList<>();
    out.add(new SchemaDescriptor(CatalogOids.PG_CATALOG, databaseId, PG_CATALOG));
    out.add(new SchemaDescriptor(CatalogOids.PG_TOAST, databaseId, "pg_toast"));
    out.add(new SchemaDescriptor(CatalogOids.INFORMATION_SCHEMA, databaseId, INFORMATION_SCHEMA));
    out.addAll(catalog.schemas(databaseId).stream().sorted(java.util.Comparator.comparingInt(SchemaDescriptor::id)).toList());
    return out;
  }

  /**
   * Sets how a view's columns are found (by planning its query; the planner sets it).
   *
   * @param f session and view → columns
   */
  public static void viewColumns(BiFunction<SessionContext, ViewDescriptor, List<SystemTable.Column>> f) {
    viewColumns = f;
  }

  /**
   * @param s the session
   * @param v a view
   * @return its columns (empty if its query no longer plans)
   */
  static List<SystemTable.Column> viewColumns(SessionContext s, ViewDescriptor v) {
    try {
      return viewColumns.apply(s, v);
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
