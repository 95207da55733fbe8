package io.phantomdb.kernel.sql.store;

/**
 * How a {@link TableWriter} takes the locks of what it writes, in a transaction: the row's logical
 * key before a row is inserted, updated or deleted (FOR UPDATE, or FOR NO KEY UPDATE for an update
 * that changes no key), and the unique value's key prefix before an
 * entry of a unique index is added. The implementation waits for other transactions holding them
 * and then checks no version newer than the statement's snapshot was committed meanwhile (a
 * write-write conflict: 40001, or a statement restart under READ COMMITTED).
 */
public interface RowLocks {
  /**
   * @param t the table
   * @param logicalKey the row's or unique value's logical key (without a version)
   * @param prefix true for a unique index value (any entry under it conflicts), false for a row key
   */
  void lock(TableLayout t, byte[] logicalKey, boolean prefix);

  /**
   * Locks a row an UPDATE changes without changing its key or any unique key: PostgreSQL's FOR NO
   * KEY UPDATE, which lets FOR KEY SHARE holders be. By default as {@link #lock} (exclusive).
   *
   * @param t the table
   * @param logicalKey the row's logical key
   */
  default void lockNoKeyUpdate(TableLayout t, byte[] logicalKey) {
    lock(t, logicalKey, false);
  }
}
