package io.phantomdb.kernel.sql.slt;

import org.junit.jupiter.api.Tag;

/** The sqllogictest corpus on the {@code lsm} storage engine (its plugin jar on the test class path). */
@Tag("real-engine")
class LsmSqlLogicTest extends SqlLogicTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
