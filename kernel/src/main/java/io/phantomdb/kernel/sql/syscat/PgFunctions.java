package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.RoleDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.expr.SessionContext;
import io.phantomdb.kernel.sql.session.SearchPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What PostgreSQL's catalog functions return, from the statement's catalog: {@code
 * pg_get_userbyid}, {@code pg_table_is_visible}, {@code pg_get_indexdef}, {@code
 * pg_get_constraintdef}, and the {@code regclass}, {@code regtype}, {@code regnamespace}, {@code
 * regrole} conversions (a name to its OID, an OID to its name).
 */
public final class PgFunctions {
  private PgFunctions() {}

  /**
   * @param v an OID as a number or as text
   * @return it as an int
   */
  public static int oid(Object v) {
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new SqlException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type oid: \"" + v + "\"");
    }
  }

  private static CatalogSnapshot catalog(SessionContext s) {
    if (s.catalog() == null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "catalog functions need a session");
    }
    return s.catalog();
  }

  /** pg_get_userbyid(oid). */
  public static String userById(SessionContext s, Object oid) {
    int id = oid(oid);
    return catalog(s).byId(id).filter(o -> o instanceof RoleDescriptor).map(CatalogObject::name)
        .orElse("unknown (OID=" + id + ")");
  }

  /** The schemas names are looked up in: pg_catalog first unless the path names it. */
  static List<String> lookupPath(SessionContext s) {
    List<String> path = new ArrayList<>();
    if (!s.searchPath().contains("pg_catalog")) {
      path.add("pg_catalog");
    }
    path.addAll(s.searchPath());
    return path;
  }

  /** pg_table_is_visible(oid): null for an unknown OID, as PostgreSQL. */
  public static Boolean tableIsVisible(SessionContext s, Object oid) {
    int id = oid(oid);
    CatalogOids.Rel r = CatalogOids.of(catalog(s)).relation(id);
    if (r == null) {
      return SystemSchemas.table(id) != null ? Boolean.TRUE : null;
    }
    for (String schema : lookupPath(s)) {
      if (schema.equals(r.schema().name())) {
        return true;
      }
      if (schema.equals("pg_catalog") ? SystemSchemas.pgCatalog(r.name()) != null
          : catalog(s).schema(s.databaseId(), schema).map(sd -> catalog(s).nameTaken(sd.id(), r.name())).orElse(false)) {
        return false;
      }
    }
    return false;
  }

  /** pg_get_indexdef(oid [, column, pretty]). */
  public static String indexDef(SessionContext s, Object oid, Integer column) {
    CatalogOids.Rel r = CatalogOids.of(catalog(s)).relation(oid(oid));
    if (r == null || r.index() == null) {
      return null;
    }
    TableDescriptor t = (TableDescriptor) r.object();
    List<String> cols = new ArrayList<>();
    for (IndexColumn ic : r.index().columns()) {
      String name = SearchPath.quote(columnName(t, ic.columnId()));
      if (ic.descending()) {
        name += " DESC" + (ic.nullsFirst() ? "" : " NULLS LAST");
      } else if (ic.nullsFirst()) {
        name += " NULLS FIRST";
      }
      cols.add(name);
    }
    if (column != null && column > 0) {
      return column <= r.index().columns().size() ? SearchPath.quote(columnName(t, r.index().columns().get(column - 1).columnId())) : null;
    }
    return "CREATE " + (r.index().unique() ? "UNIQUE " : "") + "INDEX " + SearchPath.quote(r.name()) + " ON "
        + SearchPath.quote(r.schema().name()) + "." + SearchPath.quote(t.name()) + " USING btree ("
        + String.join(", ", cols) + ")";
  }

  /** pg_get_constraintdef(oid [, pretty]). */
  public static String constraintDef(SessionContext s, Object oid) {
    CatalogOids.Con c = CatalogOids.of(catalog(s)).constraint(oid(oid));
    if (c == null) {
      return null;
    }
    if (c.check() != null) {
      return "CHECK ((" + c.check().sql() + "))";
    }
    List<String> cols = new ArrayList<>();
    for (IndexColumn ic : c.index().columns()) {
      cols.add(SearchPath.quote(columnName(c.table(), ic.columnId())));
    }
    return (c.type() == 'p' ? "PRIMARY KEY (" : "UNIQUE (") + String.join(", ", cols) + ")";
  }

  static String columnName(TableDescriptor t, int columnId) {
    for (ColumnDescriptor c : t.columns()) {
      if (c.id() == columnId) {
        return c.name();
      }
    }
    return "?";
  }

  /** regclass: text → OID (42P01 if none), OID → name (schema-qualified when not visible). */
  public static Object regclass(SessionContext s, Object v) {
    if (v instanceof Number n) {
      CatalogOids.Rel r = CatalogOids.of(catalog(s)).relation(n.intValue());
      if (r == null) {
        SystemTable sys = SystemSchemas.table(n.intValue());
        return sys != null ? sys.name() : n.toString();
      }
      String name = SearchPath.quote(r.name());
      return Boolean.TRUE.equals(tableIsVisible(s, n)) ? name : SearchPath.quote(r.schema().name()) + "." + name;
    }
    String text = v.toString();
    if (text.matches("\\s*[0-9]+\\s*")) {
      return oid(text);
    }
    List<String> parts = SearchPath.split(text.replace('.', ','));
    if (parts == null || parts.isEmpty() || parts.size() > 2) {
      throw new SqlException(SqlState.INVALID_NAME, "invalid name syntax");
    }
    String name = parts.get(parts.size() - 1);
    List<String> schemas = parts.size() == 2 ? List.of(parts.get(0)) : lookupPath(s);
    for (String schema : schemas) {
      if (schema.equals("pg_catalog")) {
        SystemTable sys = SystemSchemas.pgCatalog(name);
        if (sys != null) {
          return sys.oid();
        }
        continue;
      }
      SchemaDescriptor sd = catalog(s).schema(s.databaseId(), schema).orElse(null);
      if (sd == null) {
        continue;
      }
      var rel = catalog(s).relation(sd.id(), name);
      if (rel.isPresent()) {
        return rel.get().id();
      }
      var owner = catalog(s).indexOwner(sd.id(), name);
      if (owner.isPresent()) {
        return owner.get().index(name).orElseThrow().oid();
      }
    }
    throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
  }

  /** regtype: text → OID (42704 if none), OID → format_type. */
  public static Object regtype(Object v) {
    if (v instanceof Number n) {
      PgTypes.PgType t = PgTypes.byOid(n.intValue());
      return t == null ? n.toString() : PgTypes.format(n.intValue(), -1);
    }
    String name = v.toString().trim().toLowerCase(Locale.ROOT).replaceFirst("^pg_catalog\\.", "");
    int oid = PgTypes.oidOf(name);
    if (oid == 0) {
      for (PgTypes.PgType t : PgTypes.all()) {
        if (PgTypes.format(t.oid(), -1).equals(name)) {
          return t.oid();
        }
      }
      throw new SqlException(SqlState.UNDEFINED_OBJECT, "type \"" + v + "\" does not exist");
    }
    return oid;
  }

  /** regnamespace: text → OID (3F000 if none), OID → name. */
  public static Object regnamespace(SessionContext s, Object v) {
    if (v instanceof Number n) {
      int id = n.intValue();
      for (SchemaDescriptor sd : SystemSchemas.schemas(catalog(s), s.databaseId())) {
        if (sd.id() == id) {
          return SearchPath.quote(sd.name());
        }
      }
      return n.toString();
    }
    List<String> parts = SearchPath.split(v.toString());
    String name = parts == null || parts.size() != 1 ? v.toString() : parts.get(0);
    for (SchemaDescriptor sd : SystemSchemas.schemas(catalog(s), s.databaseId())) {
      if (sd.name().equals(name)) {
        return sd.id();
      }
    }
    throw new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
  }

  /** regrole: text → OID (42704 if none), OID → name. */
  public static Object regrole(SessionContext s, Object v) {
    if (v instanceof Number n) {
      return catalog(s).byId(n.intValue()).filter(o -> o instanceof RoleDescriptor)
          .map(o -> SearchPath.quote(o.name())).orElse(n.toString());
    }
    List<String> parts = SearchPath.split(v.toString());
    String name = parts == null || parts.size() != 1 ? v.toString() : parts.get(0);
    return catalog(s).role(name).map(RoleDescriptor::id).orElseThrow(() ->
        new SqlException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist"));
  }
}
