package io.phantomdb.kernel.sql;

import org.junit.jupiter.api.Tag;

/** {@link SessionCancelTest} on the {@code btree} engine (real-engines execution). */
@Tag("real-engine")
class BtreeSessionCancelTest extends SessionCancelTest {
  @Override
  protected String storage() {
    return "btree";
  }
}
