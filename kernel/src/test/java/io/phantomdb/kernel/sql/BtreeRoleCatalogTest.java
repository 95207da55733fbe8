package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link RoleCatalogTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeRoleCatalogTest extends RoleCatalogTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
