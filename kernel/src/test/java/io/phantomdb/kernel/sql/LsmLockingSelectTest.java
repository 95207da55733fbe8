package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link LockingSelectTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmLockingSelectTest extends LockingSelectTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
