package io.phantomdb.plugin.pgwire;

import io.phantomdb.kernel.sql.slt.SltDatabase;
import io.phantomdb.kernel.sql.slt.SqlLogicTest;
import java.util.List;

/**
 * The kernel's sqllogictest suite over the PostgreSQL wire protocol: every {@code
 * kernel/src/test/sql/*.slt} file and SQLite's corpus as checked in beside the checkout (all of
 * {@code ../shared/sqllogictest}, the kernel's default selection: 12 files, about 30 s over the
 * wire), each file on its own server ({@link JdbcSltDatabase}: a real pgwire server on a real
 * socket over a fresh kernel on the {@code memory} engine), through pgjdbc with the simple query
 * protocol. The expected results are the kernel's, unchanged; records that cannot pass over the
 * wire are listed, with the reason, in {@code slt/wire-expected-failures.txt} (on top of the
 * kernel's {@code slt/expected-failures.txt}).
 *
 * <p>{@code -Dphantomdb.slt.include=REGEX} selects files as for the kernel's suite (it replaces the
 * default corpus slice, {@link #corpusInclude()}).
 */
class PgWireSqlLogicTest extends SqlLogicTest {

  /** @return pgjdbc's {@code preferQueryMode} */
  protected String queryMode() {
    return "simple";
  }

  @Override
  protected SltDatabase open() {
    return JdbcSltDatabase.open(queryMode());
  }

  @Override
  protected List<String> expectedFailureLists() {
    return List.of("/slt/expected-failures.txt", "/slt/wire-expected-failures.txt");
  }
}
