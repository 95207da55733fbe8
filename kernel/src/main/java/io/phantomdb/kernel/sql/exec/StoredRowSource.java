package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.store.TableLayout;

/**
 * An operator that reads a table's stored rows and remembers the whole stored row (hidden row id
 * included) behind the row it returned last: UPDATE and DELETE of tables without a primary key
 * find the row to change through it.
 */
public interface StoredRowSource extends Operator {
  /** @return the whole stored row last returned, or null */
  Object[] currentStoredRow();

  /** @return the table read */
  TableLayout layout();
}
