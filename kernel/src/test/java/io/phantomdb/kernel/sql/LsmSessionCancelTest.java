package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link SessionCancelTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmSessionCancelTest extends SessionCancelTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
