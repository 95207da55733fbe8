package io.phantomdb.kernel.sql.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.phantomdb.kernel.sql.slt.SltRecord.Condition;
import io.phantomdb.kernel.sql.slt.SltRecord.Halt;
import io.phantomdb.kernel.sql.slt.SltRecord.HashThreshold;
import io.phantomdb.kernel.sql.slt.SltRecord.Query;
import io.phantomdb.kernel.sql.slt.SltRecord.SortMode;
import io.phantomdb.kernel.sql.slt.SltRecord.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SltParserTest {

  @Test
  void readsEveryKindOfRecord() {
    String text = String.join("\n",
        "# a comment line",
        "hash-threshold 8",
        "",
        "statement ok",
        "CREATE TABLE t1(a INTEGER,",
        "# comments do not end a record",
        "  b TEXT)",
        "",
        "",
        "skipif mysql # a reason",
        "onlyif postgresql",
        "statement error",
        "SELECT nosuch",
        "",
        "query IT rowsort label-7",
        "SELECT a, b",
        "  FROM t1",
        "----",
        "1",
        "(empty)",
        "",
        "query R",
        "SELECT 1.5",
        "----",
        "1.500",
        "",
        "query I valuesort",
        "SELECT a FROM t1",
        "----",
        "30 values hashing to 3c13dee48d9356ae19af2515e05e6b54",
        "",
        "onlyif mssql",
        "halt",
        "");
    assertThat(SltParser.parse(text, "f.test")).containsExactly(
        new HashThreshold(2, List.of(), 8),
        new Statement(4, List.of(), false, "CREATE TABLE t1(a INTEGER,\n  b TEXT)"),
        new Statement(12, List.of(new Condition(true, "mysql"), new Condition(false, "postgresql")),
            true, "SELECT nosuch"),
        new Query(15, List.of(), "IT", SortMode.ROWSORT, "label-7", "SELECT a, b\n  FROM t1",
            List.of("1", "(empty)")),
        new Query(22, List.of(), "R", SortMode.NOSORT, null, "SELECT 1.5", List.of("1.500")),
        new Query(27, List.of(), "I", SortMode.VALUESORT, null, "SELECT a FROM t1",
            List.of("30 values hashing to 3c13dee48d9356ae19af2515e05e6b54")),
        new Halt(33, List.of(new Condition(false, "mssql"))));
  }

  @Test
  void carriageReturnsAndWhiteLinesAreHandledAsTheCRunnerDoes() {
    String text = "statement ok\r\nSELECT 1\r\n   \r\nquery I nosort\r\nSELECT 2\r\n----\r\n2\r\n";
    assertThat(SltParser.parse(text, "f.test")).containsExactly(
        new Statement(1, List.of(), false, "SELECT 1"),
        new Query(4, List.of(), "I", SortMode.NOSORT, null, "SELECT 2", List.of("2")));
  }

  @Test
  void aQueryWithoutResultsExpectsNone() {
    assertThat(SltParser.parse("query I nosort\nSELECT 1 WHERE false\n\nstatement ok\nSELECT 1\n", "f"))
        .containsExactly(
            new Query(1, List.of(), "I", SortMode.NOSORT, null, "SELECT 1 WHERE false", List.of()),
            new Statement(4, List.of(), false, "SELECT 1"));
  }

  @Test
  void skipAndOnlyConditionsFollowTheCRunner() {
    Statement plain = new Statement(1, List.of(), false, "x");
    Statement skipPg = new Statement(1, List.of(new Condition(true, "PostgreSQL")), false, "x");
    Statement onlyMysql = new Statement(1, List.of(new Condition(false, "mysql")), false, "x");
    Statement onlyPg = new Statement(1, List.of(new Condition(false, "postgresql")), false, "x");
    Statement skipMysql = new Statement(1, List.of(new Condition(true, "mysql")), false, "x");
    assertThat(plain.skippedFor("postgresql")).isFalse();
    assertThat(skipPg.skippedFor("postgresql")).isTrue();
    assertThat(onlyMysql.skippedFor("postgresql")).isTrue();
    assertThat(onlyPg.skippedFor("postgresql")).isFalse();
    assertThat(skipMysql.skippedFor("postgresql")).isFalse();
  }

  @Test
  void mistakesNameFileAndLine() {
    assertThatThrownBy(() -> SltParser.parse("\n\nselect 1\n", "f.test"))
        .hasMessage("f.test:3: unknown record type: 'select'");
    assertThatThrownBy(() -> SltParser.parse("query IX nosort\nSELECT 1\n", "f.test"))
        .hasMessage("f.test:1: unknown type character 'X' in type string");
    assertThatThrownBy(() -> SltParser.parse("query I sorted\nSELECT 1\n", "f.test"))
        .hasMessage("f.test:1: unknown sort method 'sorted'");
    assertThatThrownBy(() -> SltParser.parse("statement maybe\nSELECT 1\n", "f.test"))
        .hasMessage("f.test:1: statement argument should be 'ok' or 'error'");
    assertThatThrownBy(() -> SltParser.parse("hash-threshold many\n", "f.test"))
        .hasMessage("f.test:1: hash-threshold needs a number, not 'many'");
    assertThatThrownBy(() -> SltParser.parse("skipif mysql\n", "f.test"))
        .hasMessage("f.test:1: 'skipif' is not followed by a record");
  }

  @Test
  void parsesTheWholeCorpus() throws IOException {
    Path dir = Path.of(System.getProperty(SqlLogicTest.DIR_PROPERTY, "../../shared/sqllogictest"));
    assumeTrue(Files.isDirectory(dir), "no corpus at " + dir);
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(p -> p.toString().endsWith(".test")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      List<SltRecord> records = SltParser.parse(text, f.toString());
      List<String> lines = text.lines().toList();
      assertThat(records.stream().filter(r -> r instanceof Query).count()).as(f + " queries")
          .isEqualTo(lines.stream().filter(l -> l.startsWith("query ")).count());
      assertThat(records.stream().filter(r -> r instanceof Statement).count()).as(f + " statements")
          .isEqualTo(lines.stream().filter(l -> l.startsWith("statement ")).count());
      assertThat(records).filteredOn(r -> r instanceof Query).allSatisfy(r -> {
        Query q = (Query) r;
        assertThat(q.sql()).as("%s:%d", f, q.line()).isNotBlank().doesNotContain("----");
        assertThat(q.expected()).as("%s:%d", f, q.line()).doesNotContain("", "----");
      });
      long expectedLines = lines.stream().filter(l -> l.equals("----")).count();
      assertThat(records.stream().filter(r -> r instanceof Query).count()).isEqualTo(expectedLines);
      assertThat(records).filteredOn(r -> r instanceof Statement)
          .allSatisfy(r -> assertThat(((Statement) r).sql()).isNotBlank());
    }
  }
}
