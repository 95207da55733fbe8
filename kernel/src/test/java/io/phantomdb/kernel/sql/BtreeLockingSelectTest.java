package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link LockingSelectTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeLockingSelectTest extends LockingSelectTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
