package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link StatementTimeoutTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmStatementTimeoutTest extends StatementTimeoutTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
