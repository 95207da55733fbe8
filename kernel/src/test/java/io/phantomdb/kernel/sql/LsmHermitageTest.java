package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link HermitageTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmHermitageTest extends HermitageTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
