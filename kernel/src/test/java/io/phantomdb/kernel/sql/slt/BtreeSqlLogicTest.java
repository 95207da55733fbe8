package io.phantomdb.kernel.sql.slt;

/** The sqllogictest corpus on the {@code btree} storage engine (its plugin jar on the test class path). */
class BtreeSqlLogicTest extends SqlLogicTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
