package io.phantomdb.kernel.sql.catalog;

/**
 * A CHECK constraint.
 *
 * @param name the constraint name (generated as PostgreSQL does when not given)
 * @param sql the condition as SQL text over the table's columns
 * @param oid its OID in {@code pg_constraint}; 0 until the catalog assigns one when the table is
 *     stored
 */
public record CheckDescriptor(String name, String sql, int oid) {
  /**
   * A check without an OID yet.
   *
   * @param name the constraint name
   * @param sql the condition
   */
  public CheckDescriptor(String name, String sql) {
    this(name, sql, 0);
  }

  /**
   * @param newOid an OID
   * @return a copy with that OID
   */
  public CheckDescriptor withOid(int newOid) {
    return new CheckDescriptor(name, sql, newOid);
  }
}
