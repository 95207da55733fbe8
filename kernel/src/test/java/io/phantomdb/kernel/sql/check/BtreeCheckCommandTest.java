package io.phantomdb.kernel.sql.check;

import org.junit.jupiter.api.Tag;

/** {@link CheckCommandTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeCheckCommandTest extends CheckCommandTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
