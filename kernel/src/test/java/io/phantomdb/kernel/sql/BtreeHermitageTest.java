package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link HermitageTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeHermitageTest extends HermitageTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
