package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link StatementTimeoutTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeStatementTimeoutTest extends StatementTimeoutTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
