package io.phantomdb.plugin.pgwire;

import java.util.List;

/**
 * {@link PgWireSqlLogicTest} with pgjdbc's extended query protocol ({@code
 * preferQueryMode=extended}: every statement is Parse, Bind, Describe, Execute, Sync on the
 * unnamed statement and portal, planned by the kernel's prepared-statement path) instead of the
 * simple one. It runs every kernel {@code *.slt} file and the corpus but for {@code index/}
 * (3,793 records of BETWEEN over indexes, which the simple protocol covers; it would double the
 * time), to keep both wire suites within about 90 s.
 */
class PgWireExtendedSqlLogicTest extends PgWireSqlLogicTest {
  @Override
  protected String queryMode() {
    return "extended";
  }

  @Override
  protected String corpusInclude() {
    return "^(?!index/)";
  }

  @Override
  protected List<String> expectedFailureLists() {
    return List.of("/slt/expected-failures.txt", "/slt/wire-expected-failures.txt",
        "/slt/wire-extended-expected-failures.txt");
  }
}
