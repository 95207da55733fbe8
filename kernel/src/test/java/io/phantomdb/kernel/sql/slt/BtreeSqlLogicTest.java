package io.phantomdb.kernel.sql.slt;

import org.junit.jupiter.api.Tag;

/** The sqllogictest corpus on the {@code btree} storage engine (its plugin jar on the test class path). */
@Tag("real-engine")
class BtreeSqlLogicTest extends SqlLogicTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
