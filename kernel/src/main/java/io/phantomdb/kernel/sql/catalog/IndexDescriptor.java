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
 */
public record IndexDescriptor(
    int id, String name, List<IndexColumn> columns, boolean unique, boolean primary, boolean constraint) {

  /** The id of every table's primary index. */
  public static final int PRIMARY_INDEX_ID = 1;

  /** Copies the column list. */
  public IndexDescriptor {
    columns = List.copyOf(columns);
  }
}
