package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.sequence.SequenceStore;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences end to end where sqllogictest cannot reach: values across engine restarts, nextval
 * from many sessions at once, per-session currval / lastval, and the wording of the errors.
 */
class SequenceTest {
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

  private static long value(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      return ((Number) r.next()[0]).longValue();
    }
  }

  private void exec(String sql) {
    try (StatementResult r = session.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
    }
  }

  private List<Long> ids(String sql) {
    List<Long> out = new ArrayList<>();
    try (StatementResult r = session.execute(sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        out.add(((Number) row[0]).longValue());
      }
    }
    return out;
  }

  private SqlException error(String sql) {
    try {
      exec(sql);
    } catch (SqlException e) {
      return e;
    }
    throw new AssertionError("no error from " + sql);
  }

  @Test
  void valuesKeepIncreasingAcrossRestarts() {
    exec("CREATE SEQUENCE s INCREMENT BY 3");
    exec("CREATE TABLE t (id bigserial PRIMARY KEY, v int)");
    List<Long> seen = new ArrayList<>();
    for (int restart = 0; restart < 4; restart++) {
      for (int i = 0; i < 20; i++) {
        seen.add(value(session, "SELECT nextval('s')"));
        exec("INSERT INTO t (v) VALUES (" + restart + ")");
      }
      reopen();
    }
    assertThat(seen).doesNotHaveDuplicates().isSorted();
    assertThat(seen).hasSize(80);
    // a clean close writes the exact state: no gap after a restart
    assertThat(seen.get(79)).isEqualTo(1 + 79 * 3);
    List<Long> ids = ids("SELECT id FROM t ORDER BY id");
    assertThat(ids).hasSize(80).doesNotHaveDuplicates();
    assertThat(ids.get(79)).isEqualTo(80);
  }

  @Test
  void aCrashSkipsValuesButNeverRepeatsOne() {
    exec("CREATE SEQUENCE s");
    exec("CREATE TABLE t (id serial PRIMARY KEY, v int)");
    List<Long> seen = new ArrayList<>();
    for (int crash = 0; crash < 3; crash++) {
      for (int i = 0; i < 10; i++) {
        seen.add(value(session, "SELECT nextval('s')"));
        exec("INSERT INTO t (v) VALUES (" + i + ")");
      }
      // as kill -9: the engine never closes, so nothing but what it wrote survives
      storage.close();
      open();
    }
    assertThat(seen).doesNotHaveDuplicates().isSorted();
    assertThat(seen.get(10)).isEqualTo(1 + SequenceStore.LOG_VALUES);
    assertThat(ids("SELECT id FROM t ORDER BY id")).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void setvalAlterAndRestartIdentitySurviveARestart() {
    exec("CREATE SEQUENCE s");
    exec("CREATE SEQUENCE r START 10");
    exec("CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, v int)");
    exec("INSERT INTO t (v) VALUES (1), (2)");
    value(session, "SELECT setval('s', 1000)");
    value(session, "SELECT nextval('r')");
    exec("ALTER SEQUENCE r RESTART WITH 500 INCREMENT BY 2");
    exec("TRUNCATE t RESTART IDENTITY");
    reopen();
    assertThat(value(session, "SELECT nextval('s')")).isEqualTo(1001);
    assertThat(value(session, "SELECT nextval('r')")).isEqualTo(500);
    assertThat(value(session, "SELECT nextval('r')")).isEqualTo(502);
    exec("INSERT INTO t (v) VALUES (3)");
    assertThat(ids("SELECT id FROM t")).containsExactly(1L);
    assertThatThrownBy(() -> exec("INSERT INTO t VALUES (9, 9)"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("428C9"));
  }

  @Test
  void concurrentSessionsNeverShareAValue() throws Exception {
    exec("CREATE SEQUENCE s");
    exec("CREATE TABLE t (id serial PRIMARY KEY, worker int)");
    int threads = 6;
    int perThread = 150;
    ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      Thread t = new Thread(() -> {
        try (Session s = engine.newSession()) {
          start.await();
          for (int i = 0; i < perThread; i++) {
            values.add(value(s, "SELECT nextval('s')"));
            if (i % 10 == 0) {
              s.execute("INSERT INTO t (worker) VALUES (" + worker + ")").close();
            }
          }
          assertThat(value(s, "SELECT currval('s')")).isEqualTo(value(s, "SELECT lastval()"));
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      t.start();
      workers.add(t);
    }
    start.countDown();
    for (Thread t : workers) {
      t.join();
    }
    assertThat(failures).isEmpty();
    Set<Long> distinct = new HashSet<>(values);
    assertThat(distinct).hasSize(threads * perThread);
    // no restart in between: the values are exactly 1..n
    assertThat(distinct).allMatch(v -> v >= 1 && v <= threads * perThread);
    assertThat(ids("SELECT id FROM t ORDER BY id")).hasSize(threads * perThread / 10).doesNotHaveDuplicates();
  }

  @Test
  void currvalAndLastvalBelongToTheSession() {
    exec("CREATE SEQUENCE a");
    exec("CREATE SEQUENCE b START 100");
    try (Session other = engine.newSession()) {
      assertThat(value(session, "SELECT nextval('a')")).isEqualTo(1);
      SqlException e = assertThrows(() -> value(other, "SELECT currval('a')"));
      assertThat(e.sqlState()).isEqualTo("55000");
      assertThat(e.getMessage()).isEqualTo("currval of sequence \"a\" is not yet defined in this session");
      e = assertThrows(() -> value(other, "SELECT lastval()"));
      assertThat(e.getMessage()).isEqualTo("lastval is not yet defined in this session");
      assertThat(value(other, "SELECT nextval('b')")).isEqualTo(100);
      assertThat(value(other, "SELECT lastval()")).isEqualTo(100);
      assertThat(value(session, "SELECT lastval()")).isEqualTo(1);
      // setval with is_called sets currval but not lastval's sequence
      value(session, "SELECT setval('b', 7)");
      assertThat(value(session, "SELECT currval('b')")).isEqualTo(7);
      assertThat(value(session, "SELECT lastval()")).isEqualTo(1);
      // lastval of a dropped sequence
      exec("DROP SEQUENCE a");
      e = assertThrows(() -> value(session, "SELECT lastval()"));
      assertThat(e.sqlState()).isEqualTo("55000");
    }
  }

  @Test
  void aCachedPlanCallsNextvalEveryTime() {
    exec("CREATE SEQUENCE s");
    exec("CREATE TABLE t (id int DEFAULT nextval('s'), v int)");
    for (int i = 0; i < 3; i++) {
      assertThat(value(session, "SELECT nextval('s')")).isEqualTo(1 + 2 * i);
      exec("INSERT INTO t (v) VALUES (0)");
    }
    assertThat(ids("SELECT id FROM t ORDER BY id")).containsExactly(2L, 4L, 6L);
  }

  @Test
  void errorsSayWhatPostgresqlSays() {
    exec("CREATE SEQUENCE s AS smallint");
    exec("CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, v int)");
    exec("CREATE TABLE u (id bigint DEFAULT nextval('s'))");
    SqlException e = error("CREATE SEQUENCE bad START 0");
    assertThat(e.sqlState() + " " + e.getMessage()).isEqualTo("22023 START value (0) cannot be less than MINVALUE (1)");
    assertThat(error("CREATE SEQUENCE bad AS smallint MAXVALUE 40000").getMessage())
        .isEqualTo("MAXVALUE (40000) is out of range for sequence data type smallint");
    assertThat(error("CREATE SEQUENCE bad AS numeric").getMessage())
        .isEqualTo("sequence type must be smallint, integer, or bigint");
    assertThat(error("CREATE SEQUENCE bad MINVALUE 5 MAXVALUE 5").getMessage())
        .isEqualTo("MINVALUE (5) must be less than MAXVALUE (5)");
    assertThat(error("CREATE SEQUENCE s").getMessage()).isEqualTo("relation \"s\" already exists");
    assertThat(error("CREATE TABLE s (a int)").getMessage()).isEqualTo("relation \"s\" already exists");
    value(session, "SELECT setval('s', 32767)");
    e = error("SELECT nextval('s')");
    assertThat(e.sqlState() + " " + e.getMessage())
        .isEqualTo("2200H nextval: reached maximum value of sequence \"s\" (32767)");
    e = error("INSERT INTO t VALUES (1, 1)");
    assertThat(e.sqlState() + " " + e.getMessage()).isEqualTo("428C9 cannot insert a non-DEFAULT value into column \"id\"");
    assertThat(e.detail()).isEqualTo("Column \"id\" is an identity column defined as GENERATED ALWAYS.");
    assertThat(e.hint()).isEqualTo("Use OVERRIDING SYSTEM VALUE to override.");
    e = error("UPDATE t SET id = 3");
    assertThat(e.sqlState() + " " + e.getMessage()).isEqualTo("428C9 column \"id\" can only be updated to DEFAULT");
    e = error("DROP SEQUENCE s");
    assertThat(e.sqlState() + " " + e.getMessage()).isEqualTo("2BP01 cannot drop sequence s because other objects depend on it");
    assertThat(e.detail()).isEqualTo("default value for column id of table u depends on sequence s");
    assertThat(e.hint()).isEqualTo("Use DROP ... CASCADE to drop the dependent objects too.");
    e = error("DROP SEQUENCE t_id_seq");
    assertThat(e.getMessage()).isEqualTo("cannot drop sequence t_id_seq because column id of table t requires it");
    assertThat(e.hint()).isEqualTo("You can drop column id of table t instead.");
    assertThat(error("SELECT nextval('t')").getMessage()).isEqualTo("\"t\" is not a sequence");
    assertThat(error("SELECT nextval('nosuch')").getMessage()).isEqualTo("relation \"nosuch\" does not exist");
    assertThat(error("SELECT nextval('public.nosuch')").getMessage()).isEqualTo("relation \"public.nosuch\" does not exist");
    assertThat(error("DROP SEQUENCE nosuch").getMessage()).isEqualTo("sequence \"nosuch\" does not exist");
    assertThat(error("SELECT setval('s', 0)").getMessage())
        .isEqualTo("setval: value 0 is out of bounds for sequence \"s\" (1..32767)");
    e = error("CREATE SEQUENCE bad OWNED BY u");
    assertThat(e.sqlState() + " " + e.getMessage()).isEqualTo("42601 invalid OWNED BY option");
    assertThat(e.hint()).isEqualTo("Specify OWNED BY table.column or OWNED BY NONE.");
  }

  @Test
  void serialSequencesAreNamedAsInPostgresql() {
    String longName = "t".repeat(40);
    exec("CREATE TABLE " + longName + " (" + "c".repeat(40) + " serial)");
    assertThat(value(session, "SELECT nextval('" + "t".repeat(29) + "_" + "c".repeat(29) + "_seq')")).isEqualTo(1);
    exec("CREATE TABLE x (y_z serial)");
    exec("CREATE TABLE x_y (z serial)");
    assertThat(value(session, "SELECT nextval('x_y_z_seq1')")).isEqualTo(1);
  }

  private static SqlException assertThrows(Runnable r) {
    try {
      r.run();
    } catch (SqlException e) {
      return e;
    }
    throw new AssertionError("no SqlException");
  }
}
