package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statement_timeout}: a statement waiting for a row lock, or whose rows are read after its
 * time ran out, fails with 57014 "canceling statement due to statement timeout", as in
 * PostgreSQL. Only error codes are asserted, never durations.
 */
class StatementTimeoutTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session a;
  Session b;

  /** @return the storage engine to run on; {@code Lsm*}/{@code Btree*} subclasses override it */
  protected String storage() {
    return "memory";
  }

  @BeforeEach
  void open() {
    storage = TestStorage.open(storage(), dir);
    engine = SqlEngine.open(storage);
    a = engine.newSession();
    b = engine.newSession();
    run(a, "CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)");
    run(a, "INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)");
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    assertThat(engine.openSessions()).isZero();
    engine.close();
    storage.close();
  }

  private static List<List<Object>> run(Session s, String sql) {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult r = s.execute(sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private static void assertTimesOut(Session s, String sql) {
    assertThatThrownBy(() -> run(s, sql)).isInstanceOfSatisfying(SqlException.class, e -> {
      assertThat(e.sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
      assertThat(e.getMessage()).isEqualTo("canceling statement due to statement timeout");
    });
  }

  @Test
  void anUpdateWaitingForARowLockTimesOut() {
    run(a, "BEGIN");
    run(a, "UPDATE t SET v = 11 WHERE id = 1");
    run(b, "SET statement_timeout = 100");
    assertTimesOut(b, "UPDATE t SET v = 12 WHERE id = 1");
    assertThat(run(b, "SELECT v FROM t WHERE id = 2")).containsExactly(List.of(20)); // the session goes on
    run(a, "COMMIT");
    assertThat(engine.lockSnapshot()).isEmpty();
  }

  @Test
  void aLockingSelectInABlockTimesOutAndFailsTheBlock() {
    run(a, "BEGIN");
    run(a, "SELECT * FROM t WHERE id = 3 FOR UPDATE");
    run(b, "SET statement_timeout = '80ms'");
    run(b, "BEGIN");
    assertTimesOut(b, "SELECT * FROM t WHERE id = 3 FOR UPDATE");
    assertThatThrownBy(() -> run(b, "SELECT 1")).isInstanceOfSatisfying(SqlException.class,
        e -> assertThat(e.sqlState()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION));
    run(b, "ROLLBACK");
    run(a, "ROLLBACK");
    assertThat(engine.lockSnapshot()).isEmpty();
  }

  @Test
  void aShorterLockTimeoutStillFailsWithLockNotAvailable() {
    run(a, "BEGIN");
    run(a, "UPDATE t SET v = 11 WHERE id = 1");
    run(b, "SET statement_timeout = '1min'");
    run(b, "SET lock_timeout = '50ms'");
    assertThatThrownBy(() -> run(b, "UPDATE t SET v = 12 WHERE id = 1")).isInstanceOfSatisfying(SqlException.class,
        e -> assertThat(e.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE));
    run(a, "ROLLBACK");
  }

  @Test
  void rowsReadAfterTheTimeRanOutFail() throws InterruptedException {
    run(b, "SET statement_timeout = '50ms'");
    try (StatementResult r = b.execute("SELECT id FROM t ORDER BY id")) {
      Thread.sleep(120); // let the statement's time run out (what is asserted is the error, not a duration)
      assertThatThrownBy(r::next).isInstanceOfSatisfying(SqlException.class, e -> {
        assertThat(e.sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
        assertThat(e.getMessage()).isEqualTo("canceling statement due to statement timeout");
      });
    }
    run(b, "SET statement_timeout = 0");
    assertThat(run(b, "SELECT count(*) FROM t")).containsExactly(List.of(3L));
  }

  @Test
  void theServerDefaultComesFromTheEngine() {
    StorageEngine otherStorage = TestStorage.open(storage(), dir.resolve("other"));
    SqlEngine other = SqlEngine.open(otherStorage, Map.of("statement_timeout", "2s", "idle_session_timeout", "1min"));
    try (Session s = other.newSession()) {
      assertThat(run(s, "SHOW statement_timeout")).containsExactly(List.of("2s"));
      assertThat(run(s, "SHOW idle_session_timeout")).containsExactly(List.of("1min"));
      assertThat(run(s, "SHOW idle_in_transaction_session_timeout")).containsExactly(List.of("0"));
    } finally {
      other.close();
      otherStorage.close();
    }
  }
}
