package io.phantomdb.kernel.sql.check;

import org.junit.jupiter.api.Tag;

/** {@link CheckCommandTest} on the {@code lsm} engine (real-engines execution). */
@Tag("real-engine")
class LsmCheckCommandTest extends CheckCommandTest {
  @Override
  protected String storage() {
    return "lsm";
  }
}
