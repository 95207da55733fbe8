package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link TransactionConcurrencyTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeTransactionConcurrencyTest extends TransactionConcurrencyTest {
  @Override
  protected String storage() {
    return "btree";
  }

  @Override
  protected int transfers() {
    return 100;
  }
}
