package io.phantomdb.kernel.sql.catalog;

/**
 * One key column of an index.
 *
 * @param columnId the table column's id
 * @param descending true for DESC
 * @param nullsFirst true if NULLs sort before values (PostgreSQL's default for DESC)
 */
public record IndexColumn(int columnId, boolean descending, boolean nullsFirst) {
  /**
   * @param columnId the column
   * @return an ascending key column with NULLs last, PostgreSQL's default
   */
  public static IndexColumn asc(int columnId) {
    return new IndexColumn(columnId, false, false);
  }
}
