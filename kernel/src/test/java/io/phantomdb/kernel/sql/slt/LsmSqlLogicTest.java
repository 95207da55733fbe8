package io.phantomdb.kernel.sql.slt;

/** The sqllogictest corpus on the {@code lsm} storage engine (its plugin jar on the test class path). */
class LsmSqlLogicTest extends SqlLogicTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
