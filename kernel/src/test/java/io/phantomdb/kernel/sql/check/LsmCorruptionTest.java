package io.phantomdb.kernel.sql.check;

import org.junit.jupiter.api.Tag;

/** {@link CorruptionTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmCorruptionTest extends CorruptionTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
