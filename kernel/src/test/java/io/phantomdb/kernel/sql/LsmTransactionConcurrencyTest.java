package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link TransactionConcurrencyTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmTransactionConcurrencyTest extends TransactionConcurrencyTest {
  @Override
  protected String storage() {
    return "lsm";
  }

  @Override
  protected int transfers() {
    return 150;
  }
}
