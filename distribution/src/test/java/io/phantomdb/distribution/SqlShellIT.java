package io.phantomdb.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.distribution.Bundle.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/phantomdb sql} from the unpacked full bundle, on each storage engine: a script with
 * DDL, DML, a join with GROUP BY, EXPLAIN ANALYZE and a constraint violation; then a second
 * process sees the data (restart), and {@code phantomdb check} finds it intact.
 */
class SqlShellIT {
  @TempDir static Path unpacked;
  static Path home;

  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    home = Bundle.unpack(Bundle.tarball(null), unpacked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lsm", "btree"})
  void aScriptRunsAndItsDataSurvivesARestart(String engine) throws Exception {
    Path script = Files.writeString(work.resolve("demo.sql"), String.join("\n",
        "CREATE TABLE dept (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);",
        "CREATE TABLE emp (id INTEGER PRIMARY KEY, dept_id INTEGER, salary NUMERIC(10,2) CHECK (salary >= 0));",
        "INSERT INTO dept VALUES (1, 'eng'), (2, 'ops');",
        "INSERT INTO emp VALUES (10, 1, 100.50), (11, 1, 200), (12, 2, 50);",
        "SELECT d.name, count(*) AS n, sum(e.salary) AS total FROM emp e JOIN dept d ON e.dept_id = d.id"
            + " GROUP BY d.name ORDER BY d.name;",
        "UPDATE emp SET salary = salary * 2 WHERE dept_id = 1;",
        "DELETE FROM emp WHERE id = 12;",
        "EXPLAIN ANALYZE SELECT count(*) FROM emp;",
        "INSERT INTO dept VALUES (3, 'eng');",
        ""));
    Path data = work.resolve("data");
    Run first = Bundle.run(home, work, "--set", "storage.engine=" + engine, "sql", "--data-dir", data.toString(),
        "-f", script.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("CREATE TABLE\nCREATE TABLE\nINSERT 0 2\nINSERT 0 3\n")
        .contains(" eng  | 2 | 300.50\n ops  | 1 |  50.00\n(2 rows)")
        .contains("UPDATE 2\nDELETE 1\n")
        .contains("(actual time=")
        .contains("Execution Time:");
    assertThat(first.err().lines().toList()).containsExactly(
        script + ":9: ERROR: 23505 duplicate key value violates unique constraint \"dept_name_key\"",
        "DETAIL: Key (name)=(eng) already exists.");

    Run again = Bundle.run(home, work, "--set", "storage.engine=" + engine, "sql", "--data-dir", data.toString(),
        "--format", "csv", "-c", "SELECT id, salary FROM emp ORDER BY id", "-c", "SELECT count(*) AS n FROM dept");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo("id,salary\n10,201.00\n11,400.00\nn\n2\n");

    Run check = Bundle.run(home, work, "check", "--storage", engine, "--data-dir", data.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out())
        .contains("table postgres.public.dept: ", "table postgres.public.emp: ")
        .endsWith("no damage found (2 tables checked)\n");
    Run missing = Bundle.run(home, work, "check", "--storage", engine, "--data-dir", work.resolve("nosuch").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err().lines().toList()).containsExactly(
        "phantomdb: data directory " + work.resolve("nosuch").toAbsolutePath().normalize() + " does not exist");
  }
}
