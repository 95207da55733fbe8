package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The relations and constraints of a catalog snapshot by OID, as pg_class and pg_constraint number
 * them: a table's, view's, sequence's, schema's, database's and role's OID is its catalog id; an
 * index and a CHECK carry their own ({@link IndexDescriptor#oid()}, {@link CheckDescriptor#oid()});
 * a PRIMARY KEY or UNIQUE constraint has its index's OID (OIDs are unique per system catalog in
 * PostgreSQL, not across them). The hidden row-id index of a table without a primary key is not
 * listed. Built once per snapshot (cached weakly).
 */
public final class CatalogOids {
  /** OID of schema pg_catalog. */
  public static final int PG_CATALOG = 11;
  /** OID of schema pg_toast. */
  public static final int PG_TOAST = 99;
  /** OID of schema information_schema (PostgreSQL's differs per build). */
  public static final int INFORMATION_SCHEMA = 13000;

  /**
   * A relation: a table ('r'), view ('v'), sequence ('S') or index ('i').
   *
   * @param oid its OID
   * @param name its name
   * @param schema its schema
   * @param kind relkind
   * @param object the table, view or sequence; for an index, its table
   * @param index the index, or null
   */
  public record Rel(int oid, String name, SchemaDescriptor schema, char kind, CatalogObject object, IndexDescriptor index) {}

  /**
   * A constraint: 'p' primary key, 'u' unique, 'c' check.
   *
   * @param oid its OID
   * @param name its name
   * @param table its table
   * @param type contype
   * @param index the index of a key constraint, else null
   * @param check the check, else null
   */
  public record Con(int oid, String name, TableDescriptor table, char type, IndexDescriptor index, CheckDescriptor check) {}

  private static final Map<CatalogSnapshot, CatalogOids> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<Integer, Rel> relations = new HashMap<>();
  private final List<Rel> ordered = new ArrayList<>();
  private final Map<Integer, Con> constraints = new HashMap<>();
  private final List<Con> orderedConstraints = new ArrayList<>();

  private CatalogOids(CatalogSnapshot catalog) {
    for (CatalogObject o : catalog.objects()) {
      if (o instanceof TableDescriptor t) {
        SchemaDescriptor s = schema(catalog, t.schemaId());
        add(new Rel(t.id(), t.name(), s, 'r', t, null));
        for (IndexDescriptor i : t.indexes()) {
          if (i.primary() && t.hasHiddenRowId()) {
            continue;
          }
          add(new Rel(i.oid(), i.name(), s, 'i', t, i));
          if (i.constraint()) {
            add(new Con(i.oid(), i.name(), t, i.primary() ? 'p' : 'u', i, null));
          }
        }
        for (CheckDescriptor c : t.checks()) {
          add(new Con(c.oid(), c.name(), t, 'c', null, c));
        }
      } else if (o instanceof ViewDescriptor v) {
        add(new Rel(v.id(), v.name(), schema(catalog, v.schemaId()), 'v', v, null));
      } else if (o instanceof SequenceDescriptor q) {
        add(new Rel(q.id(), q.name(), schema(catalog, q.schemaId()), 'S', q, null));
      }
    }
    ordered.sort(java.util.Comparator.comparingInt(Rel::oid));
    orderedConstraints.sort(java.util.Comparator.comparingInt(Con::oid));
  }

  private static SchemaDescriptor schema(CatalogSnapshot catalog, int id) {
    return (SchemaDescriptor) catalog.byId(id).orElseThrow();
  }

  private void add(Rel r) {
    relations.put(r.oid(), r);
    ordered.add(r);
  }

  private void add(Con c) {
    constraints.put(c.oid(), c);
    orderedConstraints.add(c);
  }

  /**
   * @param catalog a snapshot
   * @return its OIDs
   */
  public static CatalogOids of(CatalogSnapshot catalog) {
    return CACHE.computeIfAbsent(catalog, CatalogOids::new);
  }

  /**
   * @param oid an OID
   * @return the relation, or null
   */
  public Rel relation(int oid) {
    return relations.get(oid);
  }

  /**
   * @param databaseId a database
   * @return its relations, by OID
   */
  public List<Rel> relations(int databaseId) {
    return ordered.stream().filter(r -> r.schema().databaseId() == databaseId).toList();
  }

  /**
   * @param oid an OID
   * @return the constraint, or null
   */
  public Con constraint(int oid) {
    return constraints.get(oid);
  }

  /**
   * @param databaseId a database
   * @return its constraints, by OID
   */
  public List<Con> constraints(int databaseId) {
    return orderedConstraints.stream().filter(c -> c.table() != null
        && c.table().schemaId() != 0 && schemaDb(c) == databaseId).toList();
  }

  private int schemaDb(Con c) {
    Rel r = relations.get(c.table().id());
    return r == null ? -1 : r.schema().databaseId();
  }
}
