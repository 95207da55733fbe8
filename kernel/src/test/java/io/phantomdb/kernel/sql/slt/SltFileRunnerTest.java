package io.phantomdb.kernel.sql.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.slt.SltRecord.Condition;
import io.phantomdb.kernel.sql.slt.SltRecord.Halt;
import io.phantomdb.kernel.sql.slt.SltRecord.HashThreshold;
import io.phantomdb.kernel.sql.slt.SltRecord.Query;
import io.phantomdb.kernel.sql.slt.SltRecord.SortMode;
import io.phantomdb.kernel.sql.slt.SltRecord.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What the file runner does without a database; running SQL needs the engine (SqlLogicTest). */
class SltFileRunnerTest {

  @Test
  void runsUpToTheFirstHaltMeantForPostgres() {
    // as evidence/in1.test and slt_lang_aggfunc.test begin
    List<SltRecord> records = SltParser.parse(String.join("\n",
        "onlyif mssql", "halt", "",
        "statement ok", "CREATE TABLE t1(x INTEGER)", "",
        "skipif sqlite", "halt", "",
        "statement ok", "DROP TABLE t1", ""), "f.test");
    assertThat(SltFileRunner.untilHalt(records)).hasSize(2).last().isInstanceOf(Statement.class);
    assertThat(SltFileRunner.untilHalt(records.subList(0, 2))).hasSize(2);
  }

  @Test
  void theFileRunnerSkipsWithoutOpeningADatabase() {
    SltFileRunner runner = new SltFileRunner(() -> {
      throw new AssertionError("no database may be opened for these records");
    });
    runner.run(new HashThreshold(1, List.of(), 0));
    Statement mysqlOnly = new Statement(2, List.of(new Condition(false, "mysql")), false, "SELECT 1");
    assertThatThrownBy(() -> runner.run(mysqlOnly)).isInstanceOf(TestAbortedException.class)
        .hasMessage("not for postgresql: [onlyif mysql]");
    Query skippedLabel = new Query(3, List.of(new Condition(true, "postgresql")), "I", SortMode.NOSORT,
        "label-9", "SELECT 1", List.of("1"));
    assertThatThrownBy(() -> runner.run(skippedLabel)).isInstanceOf(TestAbortedException.class);
    Query contradicting = new Query(4, List.of(new Condition(true, "postgresql")), "I", SortMode.NOSORT,
        "label-9", "SELECT 2", List.of("2"));
    assertThatThrownBy(() -> runner.run(contradicting)).isInstanceOf(AssertionError.class)
        .hasMessage("labeled result [label-9] does not agree with previous values");
    runner.close();
  }

  @Test
  void displayNamesShowLineKindAndSql() {
    assertThat(SqlLogicTest.displayName(new Query(12, List.of(), "II", SortMode.ROWSORT, "label-3",
        "SELECT a,\n       b FROM t1", List.of())))
        .isEqualTo("12: query II rowsort label-3: SELECT a, b FROM t1");
    assertThat(SqlLogicTest.displayName(new Statement(3, List.of(), true, "x".repeat(200))))
        .hasSize(100).startsWith("3: statement error: xxx").endsWith("...");
    assertThat(SqlLogicTest.displayName(new HashThreshold(1, List.of(), 8))).isEqualTo("1: hash-threshold 8");
  }
}
