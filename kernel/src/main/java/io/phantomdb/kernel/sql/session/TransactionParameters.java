package io.phantomdb.kernel.sql.session;

/**
 * The session's transaction block as the parameters {@code transaction_isolation}, {@code
 * transaction_read_only} and {@code transaction_deferrable} show and change it: inside a block
 * they are the block's modes ({@code SET transaction_isolation = ...} works as {@code SET
 * TRANSACTION ISOLATION LEVEL ...}); outside one they show the {@code default_transaction_*}
 * values and setting them has no lasting effect, as in PostgreSQL where each statement is a
 * transaction of its own.
 */
public interface TransactionParameters {
  /** No transaction block ever: the defaults show, SET does nothing. */
  TransactionParameters NONE = new TransactionParameters() {
    @Override
    public String current(String name) {
      return null;
    }

    @Override
    public void set(String name, String value) {}
  };

  /**
   * @param name {@code transaction_isolation}, {@code transaction_read_only} or {@code
   *     transaction_deferrable}
   * @return its value in the open block (as SHOW spells it), or null outside a block
   */
  String current(String name);

  /**
   * Changes the open block's mode, as {@code SET TRANSACTION} does; nothing outside a block.
   *
   * @param name as for {@link #current}
   * @param value the canonical value (checked)
   * @throws io.phantomdb.kernel.sql.SqlException 25001 when the block may no longer change it
   */
  void set(String name, String value);
}
