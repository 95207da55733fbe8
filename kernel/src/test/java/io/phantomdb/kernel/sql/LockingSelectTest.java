package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.txn.lock.LockInfo;
import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SELECT ... FOR UPDATE / FOR SHARE} where it blocks: sessions on threads, a wait shown by
 * the lock manager's {@code snapshot()} (never by timing).
 */
class LockingSelectTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  ExecutorService pool = Executors.newCachedThreadPool();
  List<Session> sessions = new ArrayList<>();

  /** @return the storage engine to run on; {@code Lsm*}/{@code Btree*} subclasses override it */
  protected String storage() {
    return "memory";
  }

  @BeforeEach
  void open() {
    storage = TestStorage.open(storage(), dir);
    engine = SqlEngine.open(storage);
    Session s = session();
    run(s, "CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)");
    run(s, "INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)");
  }

  @AfterEach
  void close() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    sessions.forEach(Session::close);
    engine.close();
    storage.close();
  }

  private Session session() {
    Session s = engine.newSession();
    sessions.add(s);
    return s;
  }

  private static List<List<Object>> run(Session s, String sql) {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult r = s.execute(sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(java.util.Arrays.asList(row));
      }
    }
    return rows;
  }

  private Future<List<List<Object>>> async(Session s, String sql) {
    return pool.submit(() -> run(s, sql));
  }

  /** Waits until the lock manager shows {@code n} waiting requests (a safety limit, not a timing assertion). */
  private void awaitWaiters(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (waiters() != n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + n + " waiters, lock manager shows " + engine.locks().snapshot());
      }
      Thread.sleep(1);
    }
  }

  private long waiters() {
    return engine.locks().snapshot().stream().filter(l -> !l.granted()).count();
  }

  private static SqlException failure(Future<?> f) throws InterruptedException {
    try {
      f.get(60, TimeUnit.SECONDS);
      throw new AssertionError("expected the statement to fail");
    } catch (ExecutionException e) {
      return (SqlException) e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the statement never ended", e);
    }
  }

  private static <T> T result(Future<T> f) throws Exception {
    return f.get(60, TimeUnit.SECONDS);
  }

  @Test
  void forUpdateBlocksAWriterUntilCommit() throws Exception {
    Session a = session();
    Session b = session();
    run(a, "BEGIN");
    assertThat(run(a, "SELECT v FROM t WHERE id = 1 FOR UPDATE")).containsExactly(List.of(10));
    Future<List<List<Object>>> update = async(b, "UPDATE t SET v = v + 1 WHERE id = 1");
    awaitWaiters(1);
    assertThat(update).isNotDone();
    assertThat(engine.locks().snapshot()).filteredOn(l -> !l.granted()).extracting(LockInfo::mode)
        .containsExactly(io.phantomdb.kernel.txn.lock.RowLockMode.NO_KEY_UPDATE); // an UPDATE that keeps the key
    run(a, "UPDATE t SET v = 100 WHERE id = 1"); // FOR UPDATE, then UPDATE in the same transaction
    run(a, "COMMIT");
    result(update);
    assertThat(run(a, "SELECT v FROM t WHERE id = 1")).containsExactly(List.of(101));
    assertThat(engine.locks().snapshot()).isEmpty();
  }

  @Test
  void forShareLetsForShareInAndBlocksUpdate() throws Exception {
    Session a = session();
    Session b = session();
    Session c = session();
    run(a, "BEGIN");
    run(a, "SELECT * FROM t WHERE id = 2 FOR SHARE");
    run(b, "BEGIN");
    assertThat(run(b, "SELECT v FROM t WHERE id = 2 FOR SHARE")).containsExactly(List.of(20));
    Future<List<List<Object>>> update = async(c, "UPDATE t SET v = 21 WHERE id = 2");
    awaitWaiters(1);
    run(a, "COMMIT");
    assertThat(update).isNotDone(); // b still shares the row
    assertThat(waiters()).isEqualTo(1);
    run(b, "COMMIT");
    result(update);
    assertThat(run(a, "SELECT v FROM t WHERE id = 2")).containsExactly(List.of(21));
  }

  @Test
  void readCommittedReturnsTheNewestVersionAfterTheWait() throws Exception {
    Session a = session();
    Session b = session();
    run(a, "BEGIN");
    run(a, "UPDATE t SET v = 11 WHERE id = 1");
    run(a, "UPDATE t SET v = 99 WHERE id = 2");
    run(b, "BEGIN");
    Future<List<List<Object>>> locked = async(b, "SELECT id, v FROM t WHERE v < 50 ORDER BY id FOR UPDATE");
    awaitWaiters(1);
    run(a, "COMMIT");
    // row 1 in its new version, row 2 no longer matches, row 3 unchanged
    assertThat(result(locked)).containsExactly(List.of(1, 11), List.of(3, 30));
    run(b, "COMMIT");
  }

  @Test
  void repeatableReadFailsWhenTheRowChangedAfterItsSnapshot() throws Exception {
    Session a = session();
    Session b = session();
    run(b, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    run(b, "SELECT count(*) FROM t"); // the snapshot
    run(a, "BEGIN");
    run(a, "UPDATE t SET v = 12 WHERE id = 1");
    Future<List<List<Object>>> locked = async(b, "SELECT v FROM t WHERE id = 1 FOR UPDATE");
    awaitWaiters(1);
    run(a, "COMMIT");
    SqlException e = failure(locked);
    assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
    assertThat(e.getMessage()).contains("could not serialize access due to concurrent update");
    run(b, "ROLLBACK");
  }

  @Test
  void lockTimeoutEndsTheWaitWith55P03() {
    Session a = session();
    Session b = session();
    run(a, "BEGIN");
    run(a, "SELECT * FROM t WHERE id = 3 FOR KEY SHARE");
    run(b, "SET lock_timeout = '30ms'");
    run(b, "BEGIN");
    assertThatThrownBy(() -> run(b, "SELECT * FROM t WHERE id = 3 FOR UPDATE"))
        .isInstanceOfSatisfying(SqlException.class, e -> {
          assertThat(e.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
          assertThat(e.getMessage()).contains("canceling statement due to lock timeout");
        });
    run(b, "ROLLBACK");
    assertThat(run(b, "SELECT v FROM t WHERE id = 3 FOR KEY SHARE")).containsExactly(List.of(30));
    run(a, "COMMIT");
  }

  @Test
  void aDeadlockBetweenTwoForUpdatesFailsOneAndTheOtherGoesOn() throws Exception {
    Session a = session();
    Session b = session();
    for (Session s : List.of(a, b)) {
      run(s, "SET deadlock_timeout = '20ms'");
      run(s, "BEGIN");
    }
    run(a, "SELECT * FROM t WHERE id = 1 FOR UPDATE");
    run(b, "SELECT * FROM t WHERE id = 2 FOR UPDATE");
    Future<List<List<Object>>> first = async(a, "SELECT v FROM t WHERE id = 2 FOR UPDATE");
    awaitWaiters(1);
    Future<List<List<Object>>> second = async(b, "SELECT v FROM t WHERE id = 1 FOR UPDATE");
    Map<Session, Object> outcome = new ConcurrentHashMap<>();
    List<Future<?>> ends = new ArrayList<>();
    Map<Session, Future<List<List<Object>>>> statements = Map.of(a, first, b, second);
    for (Map.Entry<Session, Future<List<List<Object>>>> e : statements.entrySet()) {
      Future<List<List<Object>>> other = statements.get(e.getKey() == a ? b : a);
      ends.add(pool.submit(() -> {
        try {
          outcome.put(e.getKey(), e.getValue().get());
          run(e.getKey(), "COMMIT");
        } catch (ExecutionException ex) {
          outcome.put(e.getKey(), ex.getCause());
          // the failed block's locks are gone before its ROLLBACK, as in PostgreSQL: the other
          // statement completes first
          result(other);
          run(e.getKey(), "ROLLBACK");
        }
        return null;
      }));
    }
    for (Future<?> f : ends) {
      result(f);
    }
    List<Object> failures = outcome.values().stream().filter(o -> o instanceof SqlException).toList();
    assertThat(failures).hasSize(1);
    SqlException deadlock = (SqlException) failures.get(0);
    assertThat(deadlock.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
    assertThat(outcome.values()).filteredOn(o -> o instanceof List).hasSize(1);
    assertThat(engine.locks().snapshot()).isEmpty();
  }

  @Test
  void workersTakingJobsWithSkipLockedProcessEachJobOnce() throws Exception {
    Session setup = session();
    int jobs = 60;
    run(setup, "CREATE TABLE jobs (id INT PRIMARY KEY, state TEXT NOT NULL, worker INT)");
    StringBuilder insert = new StringBuilder("INSERT INTO jobs VALUES ");
    for (int i = 1; i <= jobs; i++) {
      insert.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'new', NULL)");
    }
    run(setup, insert.toString());
    int workers = 4;
    ConcurrentLinkedQueue<Integer> taken = new ConcurrentLinkedQueue<>();
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Session s = session();
      int worker = w;
      done.add(pool.submit(() -> {
        while (true) {
          run(s, "BEGIN");
          List<List<Object>> job = run(s,
              "SELECT id FROM jobs WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
          if (job.isEmpty()) {
            run(s, "COMMIT");
            return null;
          }
          int id = (Integer) job.get(0).get(0);
          run(s, "UPDATE jobs SET state = 'done', worker = " + worker + " WHERE id = " + id);
          run(s, "COMMIT");
          taken.add(id);
        }
      }));
    }
    for (Future<?> f : done) {
      result(f);
    }
    assertThat(taken).hasSize(jobs).doesNotHaveDuplicates();
    assertThat(run(setup, "SELECT count(*) FROM jobs WHERE state = 'done'")).containsExactly(List.of((long) jobs));
  }
}
