package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bulk_insert.slt cannot check about many-row INSERT ... VALUES run as one row of parameters
 * ({@code BulkValues}): the command tag and row count, that its errors are those of the same
 * statement planned with its literals (a row with an expression keeps a statement on that path),
 * and that its cached plan follows the table's changes.
 */
class BulkInsertTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session session;

  /** @return the storage engine the test runs on */
  protected String storage() {
    return "memory";
  }

  @BeforeEach
  void open() {
    storage = TestStorage.open(storage(), dir);
    engine = SqlEngine.open(storage);
    session = engine.newSession();
    run("CREATE TABLE k (id INTEGER PRIMARY KEY, v VARCHAR(4) NOT NULL, n INTEGER)");
  }

  @AfterEach
  void close() {
    session.close();
    engine.close();
    storage.close();
  }

  private record Outcome(List<List<Object>> rows, String tag, long count) {}

  private Outcome run(String sql) {
    try (StatementResult r = session.execute(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(Arrays.asList(row));
      }
      return new Outcome(rows, r.commandTag(), r.rowCount());
    }
  }

  private static String values(int from, int to, IntFunction<String> row) {
    return IntStream.rangeClosed(from, to).mapToObj(row).collect(Collectors.joining(", "));
  }

  @Test
  void tagCountsTheRowsInserted() {
    Outcome o = run("INSERT INTO k VALUES " + values(1, 100, i -> "(" + i + ", 'a', " + i + ")"));
    assertThat(o.tag()).isEqualTo("INSERT 0 100");
    assertThat(o.count()).isEqualTo(100);
    Outcome conflict = run("INSERT INTO k VALUES " + values(91, 130, i -> "(" + i + ", 'b', " + i + ")")
        + " ON CONFLICT DO NOTHING");
    assertThat(conflict.tag()).isEqualTo("INSERT 0 30");
    Outcome returning = run("INSERT INTO k (id, v) VALUES " + values(131, 170, i -> "(" + i + ", 'c')") + " RETURNING id");
    assertThat(returning.tag()).isEqualTo("INSERT 0 40");
    assertThat(returning.rows()).hasSize(40).first().isEqualTo(List.of(131));
    assertThat(run("SELECT count(*), sum(id) FROM k").rows()).containsExactly(List.of(170L, 14535L));
  }

  @Test
  void errorsAreThoseOfTheStatementPlannedWithItsLiterals() {
    run("INSERT INTO k VALUES " + values(1, 30, i -> "(" + i + ", 'a', " + i + ")"));
    List<IntFunction<String>> failing = List.of(
        i -> "(" + i + ", '" + (i == 60 ? "long!" : "w") + "', %s)", // 22001
        i -> "(" + i + ", 'w', " + (i == 60 ? "3000000000" : "%s") + ")", // 22003
        i -> "(" + (i == 60 ? 31 : i) + ", 'w', %s)", // 23505 between two rows of the statement
        i -> "(" + (i == 60 ? 5 : i) + ", 'w', %s)"); // 23505 with a stored row
    for (IntFunction<String> row : failing) {
      String bulk = "INSERT INTO k VALUES " + values(31, 70, i -> String.format(row.apply(i), i));
      String literal = "INSERT INTO k VALUES " + values(31, 70, i -> String.format(row.apply(i), i == 70 ? "69 + 1" : i));
      SqlException fast = catchThrowableOfType(SqlException.class, () -> run(bulk));
      SqlException planned = catchThrowableOfType(SqlException.class, () -> run(literal));
      assertThat(fast).as(bulk).isNotNull();
      assertThat(planned).as(literal).isNotNull();
      assertThat(List.of(fast.sqlState(), fast.getMessage(), String.valueOf(fast.detail())))
          .as(bulk).isEqualTo(List.of(planned.sqlState(), planned.getMessage(), String.valueOf(planned.detail())));
    }
    assertThat(run("SELECT count(*) FROM k").rows()).containsExactly(List.of(30L));
  }

  /**
   * Each row is converted to the columns on its own, as in PostgreSQL: a string that is no number
   * fails with 22P02 (planned with its literals, the VALUES column's types are unified first and
   * the statement fails with 42601 instead).
   */
  @Test
  void eachRowIsConvertedOnItsOwn() {
    SqlException e = catchThrowableOfType(SqlException.class,
        () -> run("INSERT INTO k VALUES " + values(1, 40, i -> "(" + i + ", 'w', " + (i == 20 ? "'abc'" : "'" + i + "'") + ")")));
    assertThat(e.sqlState()).isEqualTo("22P02");
    assertThat(e.getMessage()).isEqualTo("invalid input syntax for type integer: \"abc\"");
    run("INSERT INTO k VALUES " + values(1, 40, i -> "(" + i + ", 'w', " + (i % 2 == 0 ? "'" + i + "'" : "" + i) + ")"));
    assertThat(run("SELECT count(*), sum(n) FROM k").rows()).containsExactly(List.of(40L, 820L));
  }

  /** A NULL for a NOT NULL column fails with PostgreSQL's wording (the relation named). */
  @Test
  void nullIntoNotNullNamesTheRelation() {
    SqlException e = catchThrowableOfType(SqlException.class,
        () -> run("INSERT INTO k VALUES " + values(1, 40, i -> "(" + i + ", " + (i == 20 ? "NULL" : "'w'") + ", " + i + ")")));
    assertThat(e.sqlState()).isEqualTo("23502");
    assertThat(e.getMessage()).isEqualTo("null value in column \"v\" of relation \"k\" violates not-null constraint");
    assertThat(run("SELECT count(*) FROM k").rows()).containsExactly(List.of(0L));
  }

  @Test
  void theSharedPlanFollowsTheTable() {
    String shape = "INSERT INTO k (id, v) VALUES ";
    run(shape + values(1, 40, i -> "(" + i + ", 'a')"));
    run("ALTER TABLE k ADD COLUMN m INTEGER DEFAULT 5");
    run(shape + values(41, 80, i -> "(" + i + ", 'b')"));
    assertThat(run("SELECT v, count(*), count(m), sum(m) FROM k GROUP BY v ORDER BY v").rows())
        .containsExactly(List.of("a", 40L, 40L, 200L), List.of("b", 40L, 40L, 200L));
  }
}
