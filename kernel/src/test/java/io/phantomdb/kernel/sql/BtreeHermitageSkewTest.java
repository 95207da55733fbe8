package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link HermitageSkewTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeHermitageSkewTest extends HermitageSkewTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
