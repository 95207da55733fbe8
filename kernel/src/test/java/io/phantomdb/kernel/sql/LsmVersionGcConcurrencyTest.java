package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link VersionGcConcurrencyTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmVersionGcConcurrencyTest extends VersionGcConcurrencyTest {
  @Override
  protected String storage() {
    return "lsm";
  }

  @Override
  protected int updates() {
    return 60;
  }
}
