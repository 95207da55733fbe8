package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives Hermitage's test cases (https://github.com/ept/hermitage): sessions T1, T2, T3, each on its
 * own thread, run steps in Hermitage's order on the table {@code test (id, v)} holding (1, 10) and
 * (2, 20). A step either completes ({@link #rows}, {@link #ok}, {@link #fails}) or must block on a
 * row lock ({@link #blocks}): the harness waits until the lock manager shows a waiter, never for a
 * time, and the blocked step's outcome is read once another step released the lock. The column is
 * {@code v} rather than Hermitage's {@code value} (a Calcite keyword).
 */
abstract class HermitageHarness {
  /** The isolation levels of the cases; READ UNCOMMITTED behaves as READ COMMITTED. */
  enum Level {
    READ_COMMITTED("READ COMMITTED"),
    REPEATABLE_READ("REPEATABLE READ"),
    SERIALIZABLE("SERIALIZABLE");

    final String sql;

    Level(String sql) {
      this.sql = sql;
    }
  }

  /** What a blocked step returned or threw, once it ran. */
  record Outcome(String result, SqlException error) {}

  @TempDir Path dir;
  private StorageEngine storage;
  SqlEngine engine;
  private final List<Session> sessions = new ArrayList<>();
  private final List<ExecutorService> threads = new ArrayList<>();

  /** @return the storage engine to run on; {@code Lsm*}/{@code Btree*} subclasses override it */
  protected String storage() {
    return "memory";
  }

  @BeforeEach
  void open() {
    storage = TestStorage.open(storage(), dir);
    engine = SqlEngine.open(storage);
    try (Session s = engine.newSession()) {
      run(s, "CREATE TABLE test (id INT PRIMARY KEY, v INT)");
      run(s, "INSERT INTO test (id, v) VALUES (1, 10), (2, 20)");
    }
    for (int i = 0; i < 3; i++) {
      sessions.add(engine.newSession());
      threads.add(Executors.newSingleThreadExecutor());
    }
  }

  @AfterEach
  void close() throws Exception {
    for (int i = 0; i < 3; i++) {
      Session s = sessions.get(i);
      threads.get(i).submit(s::close).get(1, TimeUnit.MINUTES);
      threads.get(i).shutdown();
    }
    assertThat(engine.locks().snapshot()).as("no lock left behind").isEmpty();
    assertThat(engine.ssi().retained(engine.readTs())).as("no serializable transaction left behind").isZero();
    engine.close();
    storage.close();
  }

  /** Every session begins a transaction at {@code level} (T1, T2 and T3, in that order). */
  void begin(Level level, int... txns) {
    for (int t : txns) {
      assertThat(ok(t, "BEGIN ISOLATION LEVEL " + level.sql)).isEqualTo("BEGIN");
    }
  }

  /**
   * Runs a step to its end.
   *
   * @param t the session: 1, 2 or 3
   * @return the rows as {@code id=>v} separated by spaces (a query), or the command tag
   */
  String rows(int t, String sql) {
    Outcome o = await(submit(t, sql));
    if (o.error() != null) {
      throw new AssertionError("T" + t + ": " + sql + " failed: " + o.error().sqlState() + " " + o.error().getMessage()
          + " " + o.error().detail(), o.error());
    }
    return o.result();
  }

  /** Runs a step that must succeed; returns its command tag (or rows). */
  String ok(int t, String sql) {
    return rows(t, sql);
  }

  /** Runs a step that must fail with {@code sqlState}; returns the error. */
  SqlException fails(int t, String sql, String sqlState) {
    Outcome o = await(submit(t, sql));
    assertThat(o.error()).as("T%d: %s should fail with %s, got %s", t, sql, sqlState, o.result()).isNotNull();
    assertThat(o.error().sqlState()).as("T%d: %s: %s", t, sql, o.error().getMessage()).isEqualTo(sqlState);
    return o.error();
  }

  /**
   * Starts a step that must wait for a row lock: returns once the lock manager shows one more
   * waiter than before (and the step has not finished).
   */
  Future<Outcome> blocks(int t, String sql) {
    long before = waiters();
    Future<Outcome> f = submit(t, sql);
    while (waiters() <= before) {
      if (f.isDone()) {
        fail("T" + t + ": " + sql + " should block but finished: " + await(f));
      }
      pause();
    }
    return f;
  }

  /** The outcome of a step (for a blocked one: after whatever unblocked it). */
  Outcome await(Future<Outcome> f) {
    try {
      return f.get(1, TimeUnit.MINUTES); // a hang guard only
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  /** @return the table's rows as a new session sees them, {@code id=>v} in id order */
  String table() {
    try (Session s = engine.newSession()) {
      return format(s.execute("SELECT id, v FROM test ORDER BY id"));
    }
  }

  /** The 40001 of SSI, with PostgreSQL's reason code. */
  static void assertPivotFailure(SqlException e, String reason) {
    assertThat(e.getMessage()).isEqualTo("could not serialize access due to read/write dependencies among transactions");
    assertThat(e.detail()).isEqualTo("Reason code: " + reason);
    assertThat(e.hint()).isEqualTo("The transaction might succeed if retried.");
  }

  /** The 40001 of a write to a row changed since the snapshot. */
  static void assertConcurrentUpdate(SqlException e) {
    assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
    assertThat(e.getMessage()).isEqualTo("could not serialize access due to concurrent update");
  }

  /** Between two looks at the lock manager (not a timing assertion: only how often to look). */
  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private long waiters() {
    return engine.locks().snapshot().stream().filter(l -> !l.granted()).count();
  }

  private Future<Outcome> submit(int t, String sql) {
    Session s = sessions.get(t - 1);
    return threads.get(t - 1).submit(() -> {
      try (StatementResult r = s.execute(sql)) {
        return new Outcome(r.columns().isEmpty() ? r.commandTag() : format(r), null);
      } catch (SqlException e) {
        return new Outcome(null, e);
      }
    });
  }

  private static String format(StatementResult r) {
    StringBuilder b = new StringBuilder();
    Object[] row;
    while ((row = r.next()) != null) {
      b.append(b.length() == 0 ? "" : " ").append(row[0]).append("=>").append(row[1]);
    }
    return b.toString();
  }

  private static void run(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
    }
  }
}
