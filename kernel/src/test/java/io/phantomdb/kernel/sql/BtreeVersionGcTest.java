package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link VersionGcTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeVersionGcTest extends VersionGcTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
