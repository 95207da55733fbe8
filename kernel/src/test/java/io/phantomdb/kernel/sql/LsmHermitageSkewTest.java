package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link HermitageSkewTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmHermitageSkewTest extends HermitageSkewTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
