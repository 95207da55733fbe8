package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.txn.lock.LockInfo;
import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Session#cancel()} from another thread: it ends a row lock wait at once and stops a long
 * join with its aggregate, both with 57014, and the session stays usable.
 */
class SessionCancelTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  ExecutorService threads;

  /** @return the storage engine the test runs on */
  protected String storage() {
    return "memory";
  }

  @BeforeEach
  void open() {
    storage = TestStorage.open(storage(), dir);
    engine = SqlEngine.open(storage);
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    engine.close();
    storage.close();
  }

  private static String run(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      Object[] row = r.next();
      return row == null ? r.commandTag() : String.valueOf(row[0]);
    }
  }

  private static String failure(Future<?> f) throws InterruptedException {
    try {
      f.get();
      throw new AssertionError("not canceled");
    } catch (ExecutionException e) {
      SqlException s = (SqlException) e.getCause();
      return s.sqlState() + " " + s.getMessage();
    }
  }

  @Test
  void aCancelEndsARowLockWait() throws Exception {
    try (Session holder = engine.newSession(); Session waiter = engine.newSession()) {
      run(holder, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      run(holder, "INSERT INTO t VALUES (1, 0)");
      run(holder, "BEGIN");
      run(holder, "UPDATE t SET v = 1 WHERE id = 1");
      Future<?> blocked = threads.submit(() -> run(waiter, "UPDATE t SET v = 2 WHERE id = 1"));
      while (engine.locks().snapshot().stream().allMatch(LockInfo::granted)) {
        assertThat(blocked.isDone()).as("the update waits for the row lock").isFalse();
        Thread.sleep(5);
      }
      waiter.cancel();
      assertThat(failure(blocked)).isEqualTo("57014 canceling statement due to user request");
      run(holder, "COMMIT");
      assertThat(run(waiter, "UPDATE t SET v = 3 WHERE id = 1")).isEqualTo("UPDATE 1");
      assertThat(run(holder, "SELECT v FROM t")).isEqualTo("3");
    }
  }

  @Test
  void aCancelEndsARowLockWaitInABlockAndFailsIt() throws Exception {
    try (Session holder = engine.newSession(); Session waiter = engine.newSession()) {
      run(holder, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      run(holder, "INSERT INTO t VALUES (1, 0)");
      run(holder, "BEGIN");
      run(holder, "SELECT v FROM t WHERE id = 1 FOR UPDATE");
      run(waiter, "BEGIN");
      Future<?> blocked = threads.submit(() -> run(waiter, "SELECT v FROM t WHERE id = 1 FOR SHARE"));
      while (engine.locks().snapshot().stream().allMatch(LockInfo::granted)) {
        assertThat(blocked.isDone()).isFalse();
        Thread.sleep(5);
      }
      waiter.cancel();
      assertThat(failure(blocked)).isEqualTo("57014 canceling statement due to user request");
      assertThat(waiter.transactionStatus()).isEqualTo('E');
      run(waiter, "ROLLBACK");
      run(holder, "ROLLBACK");
      assertThat(run(waiter, "SELECT count(*) FROM t")).isEqualTo("1");
    }
  }

  @Test
  void aCancelStopsALongAggregate() throws Exception {
    try (Session s = engine.newSession()) {
      run(s, "CREATE TABLE n (x INT PRIMARY KEY)");
      run(s, "INSERT INTO n VALUES " + IntStream.rangeClosed(1, 500).mapToObj(i -> "(" + i + ")")
          .collect(Collectors.joining(", ")));
      Future<?> running = threads.submit(() -> run(s, "SELECT count(*) FROM n a, n b, n c, n d"));
      while (!running.isDone()) { // a cancel while nothing runs yet is dropped: ask until it stops
        s.cancel();
        Thread.sleep(10);
      }
      assertThat(failure(running)).isEqualTo("57014 canceling statement due to user request");
      assertThat(run(s, "SELECT count(*) FROM n")).isEqualTo("500");
    }
  }
}
