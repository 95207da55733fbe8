package io.phantomdb.kernel.sql.check;

import org.junit.jupiter.api.Tag;

/** {@link CorruptionTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeCorruptionTest extends CorruptionTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
