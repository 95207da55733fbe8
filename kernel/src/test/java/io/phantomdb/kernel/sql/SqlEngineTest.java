package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL end to end through a Session, on the reference storage engine. */
class SqlEngineTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session session;

  @BeforeEach
  void open() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    engine = SqlEngine.open(storage);
    session = engine.newSession();
  }

  @AfterEach
  void close() {
    session.close();
    engine.close();
    storage.close();
  }

  private void reopen() {
    close();
    open();
  }

  private String exec(String sql) {
    try (StatementResult r = session.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
      return r.commandTag();
    }
  }

  private List<List<Object>> query(String sql) {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult r = session.execute(sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private void schema() {
    exec("CREATE TABLE dept (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    exec("CREATE TABLE emp (id INTEGER PRIMARY KEY, dept_id INTEGER, salary NUMERIC(10,2) CHECK (salary >= 0))");
    assertThat(exec("INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')")).isEqualTo("INSERT 0 3");
    exec("INSERT INTO emp VALUES (10, 1, 100.50), (11, 1, 200), (12, 2, 50), (13, NULL, 10)");
  }

  @Test
  void createInsertJoinGroupByOrderBy() {
    schema();
    assertThat(query("SELECT d.name, COUNT(*), SUM(e.salary) FROM emp e JOIN dept d ON e.dept_id = d.id "
        + "GROUP BY d.name ORDER BY d.name"))
        .containsExactly(List.of("eng", 2L, new java.math.BigDecimal("300.50")), List.of("ops", 1L, new java.math.BigDecimal("50.00")));
    assertThat(query("SELECT d.name FROM dept d LEFT JOIN emp e ON e.dept_id = d.id WHERE e.id IS NULL"))
        .containsExactly(List.of("empty"));
    assertThat(query("SELECT id FROM emp WHERE dept_id IN (SELECT id FROM dept WHERE name <> 'ops') ORDER BY id DESC LIMIT 1"))
        .containsExactly(List.of(11));
  }

  @Test
  void updateDeleteAndTheirCounts() {
    schema();
    assertThat(exec("UPDATE emp SET salary = salary * 2 WHERE dept_id = 1")).isEqualTo("UPDATE 2");
    assertThat(query("SELECT salary FROM emp WHERE id = 10")).containsExactly(List.of(new java.math.BigDecimal("201.00")));
    assertThat(exec("UPDATE emp SET id = id + 100 WHERE id = 13")).isEqualTo("UPDATE 1");
    assertThat(exec("DELETE FROM emp WHERE salary < 100")).isEqualTo("DELETE 2");
    assertThat(query("SELECT id FROM emp ORDER BY id")).containsExactly(List.of(10), List.of(11));
  }

  @Test
  void constraintViolationsHaveTheirSqlStateAndChangeNothing() {
    schema();
    assertThatThrownBy(() -> exec("INSERT INTO dept VALUES (4, 'x'), (1, 'dup')"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
    assertThatThrownBy(() -> exec("INSERT INTO dept VALUES (5, NULL)"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState() + " " + e.getMessage())
            .startsWith("23502 null value in column \"name\"").endsWith("violates not-null constraint"));
    assertThatThrownBy(() -> exec("UPDATE dept SET name = NULL WHERE id = 1"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("23502"));
    assertThatThrownBy(() -> exec("INSERT INTO emp VALUES (20, 1, -1)"))
        .isInstanceOfSatisfying(SqlException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("23514");
          assertThat(e.getMessage()).contains("emp_salary_check");
        });
    assertThatThrownBy(() -> exec("UPDATE dept SET name = 'eng' WHERE id = 2"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
    assertThat(query("SELECT COUNT(*) FROM dept")).containsExactly(List.of(3L));
    assertThat(query("SELECT name FROM dept WHERE id = 2")).containsExactly(List.of("ops"));
  }

  @Test
  void errorsNameTheProblem() {
    assertThatThrownBy(() -> exec("SELECT * FROM nope"))
        .isInstanceOfSatisfying(SqlException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("42P01");
          assertThat(e.getMessage()).isEqualTo("relation \"nope\" does not exist");
        });
    assertThatThrownBy(() -> exec("SELEC 1"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"));
    exec("CREATE TABLE t (a INT)");
    assertThatThrownBy(() -> exec("SELECT b FROM t"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42703"));
    assertThatThrownBy(() -> exec("CREATE TABLE t (a INT)"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42P07"));
    assertThatThrownBy(() -> exec("SELECT 1 / 0"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("22012"));
  }

  @Test
  void tablesWithoutPrimaryKeyIndexesAndRestart() {
    exec("CREATE TABLE t (a INT, b TEXT)");
    exec("INSERT INTO t VALUES (1, 'x'), (1, 'x'), (2, 'y')");
    exec("CREATE INDEX t_b ON t (b)");
    assertThat(exec("UPDATE t SET b = 'z' WHERE a = 1")).isEqualTo("UPDATE 2");
    assertThat(exec("DELETE FROM t WHERE b = 'y'")).isEqualTo("DELETE 1");
    reopen();
    assertThat(query("SELECT a, b FROM t")).containsExactly(List.of(1, "z"), List.of(1, "z"));
    assertThatThrownBy(() -> exec("CREATE UNIQUE INDEX t_a_uq ON t (a)"))
        .isInstanceOfSatisfying(SqlException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("23505");
          assertThat(e.detail()).isEqualTo("Key (a)=(1) already exists.");
        });
    assertThat(query("SELECT COUNT(*) FROM t")).containsExactly(List.of(2L));
  }

  @Test
  void explainAnalyzeShowsActualRows() {
    schema();
    List<List<Object>> plan = query("EXPLAIN ANALYZE SELECT d.name FROM dept d JOIN emp e ON e.dept_id = d.id");
    assertThat(plan.get(0).get(0).toString()).contains("rows=3 loops=1");
    assertThat(plan).anySatisfy(line -> assertThat(line.get(0).toString()).contains("Hash inner join").contains("rows=3"));
    assertThat(plan).anySatisfy(line -> assertThat(line.get(0).toString()).contains("Seq Scan on emp").contains("rows=4"));
    assertThat(plan.get(plan.size() - 1).get(0).toString()).startsWith("Execution Time:");
  }

  @Test
  void defaultsFillOmittedColumnsAndTheDefaultKeyword() {
    exec("CREATE TABLE d (id INT PRIMARY KEY, qty INT NOT NULL DEFAULT 1 + 1, note TEXT DEFAULT 'none', x INT)");
    exec("INSERT INTO d (id) VALUES (1)");
    exec("INSERT INTO d VALUES (2, DEFAULT, 'given', DEFAULT)");
    exec("INSERT INTO d (id, qty, note) VALUES (3, 7, NULL)");
    assertThat(query("SELECT id, qty, note, x FROM d ORDER BY id")).containsExactly(
        Arrays.asList(1, 2, "none", null), Arrays.asList(2, 2, "given", null), Arrays.asList(3, 7, null, null));
  }

  @Test
  void viewsExpandWhenReadAndFollowTheirTables() {
    schema();
    exec("CREATE VIEW rich (who, pay) AS SELECT id, salary FROM emp WHERE salary > 60");
    assertThat(query("SELECT who FROM rich ORDER BY who")).containsExactly(List.of(10), List.of(11));
    exec("INSERT INTO emp VALUES (14, 2, 1000)");
    assertThat(query("SELECT count(*) FROM rich r JOIN dept d ON d.id = 2")).containsExactly(List.of(3L));
    assertThatThrownBy(() -> exec("CREATE VIEW rich AS SELECT 1"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42P07"));
    exec("CREATE OR REPLACE VIEW rich AS SELECT id FROM emp WHERE salary > 500");
    assertThat(query("SELECT * FROM rich")).containsExactly(List.of(14));
    assertThatThrownBy(() -> exec("CREATE VIEW broken AS SELECT nope FROM emp"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42703"));
    reopen();
    assertThat(query("SELECT * FROM rich")).containsExactly(List.of(14));
    exec("DROP VIEW rich");
    assertThatThrownBy(() -> exec("SELECT * FROM rich"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42P01"));
    exec("DROP VIEW IF EXISTS rich");
  }

  @Test
  void primaryKeyEqualitiesNarrowTheScan() {
    exec("CREATE TABLE kv (a INT, b TEXT, v INT, PRIMARY KEY (a, b))");
    exec("INSERT INTO kv VALUES (1, 'x', 10), (1, 'y', 11), (2, 'x', 20), (3, 'z', 30)");
    List<List<Object>> plan = query("EXPLAIN ANALYZE SELECT v FROM kv WHERE a = 1 AND b = 'y'");
    assertThat(plan).anySatisfy(l -> assertThat(l.get(0).toString())
        .contains("Index Scan using kv_pkey on kv").contains("rows=1"));
    assertThat(plan).anySatisfy(l -> assertThat(l.get(0).toString())
        .contains("Index Cond: ((a = 1) AND (b = 'y'))"));
    assertThat(query("SELECT v FROM kv WHERE a = 1 AND b = 'y'")).containsExactly(List.of(11));
    assertThat(query("SELECT v FROM kv WHERE a = 1 ORDER BY v")).containsExactly(List.of(10), List.of(11));
    assertThat(query("EXPLAIN SELECT v FROM kv WHERE a = 1")).extracting(l -> l.get(0).toString())
        .containsSubsequence("  ->  Index Scan using kv_pkey on kv", "        Index Cond: (a = 1)");
    assertThat(query("SELECT v FROM kv WHERE 2 = a AND v > 5")).containsExactly(List.of(20));
    assertThat(query("SELECT v FROM kv WHERE b = 'x' ORDER BY v")).containsExactly(List.of(10), List.of(20));
    assertThat(query("SELECT v FROM kv WHERE a = 4")).isEmpty();
    assertThat(exec("UPDATE kv SET v = v + 1 WHERE a = 3 AND b = 'z'")).isEqualTo("UPDATE 1");
    assertThat(exec("DELETE FROM kv WHERE a = 1")).isEqualTo("DELETE 2");
    assertThat(query("SELECT a, b, v FROM kv ORDER BY a")).containsExactly(List.of(2, "x", 20), List.of(3, "z", 31));
  }

  @Test
  void repeatedStatementsUseTheCachedPlanUntilTheCatalogChanges() {
    exec("CREATE TABLE c (id INT PRIMARY KEY, v TEXT)");
    exec("INSERT INTO c VALUES (1, 'a')");
    exec("INSERT INTO c VALUES (2, 'b')");
    long[] before = engine.textPlans().counters();
    long[] plansBefore = engine.plans().counters();
    long[] shapesBefore = engine.shapes().counters();
    for (int i = 0; i < 3; i++) {
      assertThat(query("SELECT v FROM c WHERE id = 1")).containsExactly(List.of("a"));
    }
    long[] after = engine.textPlans().counters();
    assertThat(after[0] - before[0]).as("hits by text").isEqualTo(2);
    // another constant: a new text, the same literal shape: found without a parse
    assertThat(query("SELECT v FROM c WHERE id = 2")).containsExactly(List.of("b"));
    assertThat(query("SELECT v FROM c WHERE  id = 2")).as("other blanks: another shape, parsed, same plan")
        .containsExactly(List.of("b"));
    long[] shapesAfter = engine.shapes().counters();
    assertThat(shapesAfter[0] - shapesBefore[0]).as("hits by literal shape").isEqualTo(1);
    long[] plansAfter = engine.plans().counters();
    assertThat(plansAfter[1] - plansBefore[1]).as("shapes planned").isEqualTo(2);
    assertThat(plansAfter[0] - plansBefore[0]).as("hits by parameterized text").isZero();
    exec("DROP TABLE c");
    exec("CREATE TABLE c (id INT PRIMARY KEY, v INT)");
    exec("INSERT INTO c VALUES (1, 42)");
    assertThat(query("SELECT v FROM c WHERE id = 1")).containsExactly(List.of(42));
  }

  @Test
  void secondaryIndexEqualitiesLookUpRowsThroughTheIndex() {
    exec("CREATE TABLE p (id INT PRIMARY KEY, email TEXT UNIQUE, city TEXT, age INT)");
    exec("CREATE INDEX p_city_age ON p (city, age)");
    exec("INSERT INTO p VALUES (1, 'a@x', 'rome', 30), (2, 'b@x', 'oslo', 30), (3, 'c@x', 'rome', 30), (4, 'd@x', 'rome', 40)");
    assertThat(query("EXPLAIN SELECT id, city FROM p WHERE email = 'b@x'")).extracting(l -> l.get(0).toString())
        .containsSubsequence("  ->  Index Scan using p_email_key on p", "        Index Cond: (email = 'b@x')");
    assertThat(query("SELECT id FROM p WHERE email = 'b@x'")).containsExactly(List.of(2));
    assertThat(query("SELECT id FROM p WHERE city = 'rome' AND age = 30 ORDER BY id")).containsExactly(List.of(1), List.of(3));
    assertThat(query("EXPLAIN SELECT id FROM p WHERE city = 'rome'")).extracting(l -> l.get(0).toString())
        .containsSubsequence("  ->  Index Only Scan using p_city_age on p", "        Index Cond: (city = 'rome')");
    assertThat(exec("UPDATE p SET city = 'oslo' WHERE email = 'c@x'")).isEqualTo("UPDATE 1");
    assertThat(query("SELECT id FROM p WHERE city = 'oslo' AND age = 30 ORDER BY id")).containsExactly(List.of(2), List.of(3));
    assertThat(query("SELECT id FROM p WHERE city = 'rome' AND age = 30")).containsExactly(List.of(1));
    assertThat(exec("DELETE FROM p WHERE email = 'a@x'")).isEqualTo("DELETE 1");
    assertThat(query("SELECT id FROM p WHERE email = 'a@x'")).isEmpty();
    assertThat(query("SELECT count(*) FROM p")).containsExactly(List.of(3L));
  }
}
