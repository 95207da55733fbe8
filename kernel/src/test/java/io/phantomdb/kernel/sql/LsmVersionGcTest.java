package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link VersionGcTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmVersionGcTest extends VersionGcTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
