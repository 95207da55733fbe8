package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link RoleCatalogTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmRoleCatalogTest extends RoleCatalogTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
