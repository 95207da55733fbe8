package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link VersionGcConcurrencyTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeVersionGcConcurrencyTest extends VersionGcConcurrencyTest {
  @Override
  protected String storage() {
    return "btree";
  }

  @Override
  protected int updates() {
    return 60;
  }
}
