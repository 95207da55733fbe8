package io.phantomdb.kernel.sql.catalog;

import java.util.List;

/**
 * An index of a table. Index id 1 is always the primary index (the table's rows, keyed by the
 * primary key, or by the hidden row id); secondary indexes have ids from 2.
 *
 * @param id the index id within its table
 * @param name the index name (unique within the schema, as in PostgreSQL)
 * @param columns the key columns, in order
 * @param unique whether two rows may not have equal non-null keys
 * @param primary whether this is the primary index
 * @param constraint true if it was created by a PRIMARY KEY or UNIQUE constraint (dropped with it)
 * @param oid its OID in {@code pg_class} (and, for a constraint's index, the constraint's OID in
 *     {@code pg_constraint}), unique among catalog objects; 0 until the catalog assigns one when
 *     the table is stored ({@link CatalogStore.Change#put})
 */
public record IndexDescriptor(
    int id, String name, List<IndexColumn> columns, boolean unique, boolean primary, boolean constraint, int oid) {

  /**
   * An index without an OID yet (the catalog gives it one when its table is stored).
   *
   * @param id the index id within its table
   * @param name the index name
   * @param columns the key columns
   * @param unique unique
   * @param primary the primary index
   * @param constraint made by a constraint
   */
  public IndexDescriptor(int id, String name, List<IndexColumn> columns, boolean unique, boolean primary,
      boolean constraint) {
    this(id, name, columns, unique, primary, constraint, 0);
  }

  /**
   * @param newOid an OID
   * @return a copy with that OID
   */
  public IndexDescriptor withOid(int newOid) {
    return new IndexDescriptor(id, name, columns, unique, primary, constraint, newOid);
  }

  /** The id of every table's primary index. */
  public static final int PRIMARY_INDEX_ID = 1;

  /** Copies the column list. */
  public IndexDescriptor {
    columns = List.copyOf(columns);
  }
}
