package io.phantomdb.kernel.sql.exec;

/**
 * Equality and hashing of key tuples (join keys, group keys, distinct rows) with SQL semantics
 * per column type; built by the planner from the key columns' types.
 */
public interface KeyEquivalence {
  /**
   * @param key a key tuple
   * @return a hash consistent with {@link #equal}
   */
  int hash(Object[] key);

  /**
   * @param a a key tuple
   * @param b another, of the same arity and types
   * @return true if every column is equal; NULL equals NULL here (grouping semantics) — joins
   *     never call this with NULL keys
   */
  boolean equal(Object[] a, Object[] b);
}
