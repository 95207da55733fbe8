package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transactions from many threads at once: invariants hold, no update is lost, only retryable errors. */
class TransactionConcurrencyTest {
  private static final int ACCOUNTS = 8;
  private static final long START = 1000;

  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;

  /** @return the storage engine to run on; {@code Lsm*}/{@code Btree*} subclasses override it */
  protected String storage() {
    return "memory";
  }

  /**
   * @return transfers per writer (deadlock_timeout is 20 ms here, so deadlocks cost little)
   */
  protected int transfers() {
    return 150;
  }

  @BeforeEach
  void open() {
    storage = TestStorage.open(storage(), dir);
    // deadlocks are part of the load: found after 20 ms instead of the default 1 s
    engine = SqlEngine.open(storage, java.util.Map.of("deadlock_timeout", "20ms"));
    try (Session s = engine.newSession()) {
      run(s, "CREATE TABLE acct (id INT PRIMARY KEY, bal BIGINT NOT NULL)");
      run(s, "CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT NOT NULL)");
      run(s, "INSERT INTO counter VALUES (1, 0)");
      for (int i = 0; i < ACCOUNTS; i++) {
        run(s, "INSERT INTO acct VALUES (" + i + ", " + START + ")");
      }
    }
  }

  @AfterEach
  void close() {
    engine.close();
    storage.close();
  }

  private static String run(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
      return r.commandTag();
    }
  }

  private static long single(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      return ((Number) r.next()[0]).longValue();
    }
  }

  private static boolean retryable(SqlException e) {
    return e.sqlState().equals(SqlState.SERIALIZATION_FAILURE) || e.sqlState().equals(SqlState.DEADLOCK_DETECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"READ COMMITTED", "REPEATABLE READ"})
  void transfersKeepTheTotalAndReadersSeeItWhole(String isolation) throws Exception {
    int writers = 6;
    int transfers = transfers();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    AtomicLong committed = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int seed = w;
      done.add(pool.submit(() -> {
        Random random = new Random(seed);
        try (Session s = engine.newSession()) {
          for (int i = 0; i < transfers; i++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            int amount = 1 + random.nextInt(50);
            while (true) {
              try {
                run(s, "BEGIN ISOLATION LEVEL " + isolation);
                run(s, "UPDATE acct SET bal = bal - " + amount + " WHERE id = " + from);
                run(s, "UPDATE acct SET bal = bal + " + amount + " WHERE id = " + to);
                run(s, "COMMIT");
                committed.incrementAndGet();
                break;
              } catch (SqlException e) {
                run(s, "ROLLBACK");
                if (!retryable(e)) {
                  unexpected.add(e);
                  return;
                }
                retried.incrementAndGet();
              }
            }
          }
        } catch (Throwable t) {
          unexpected.add(t);
        }
      }));
    }
    AtomicLong reads = new AtomicLong();
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(pool.submit(() -> {
        try (Session s = engine.newSession()) {
          while (committed.get() < (long) writers * transfers && unexpected.isEmpty()) {
            run(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            long a = single(s, "SELECT SUM(bal) FROM acct");
            long b = single(s, "SELECT SUM(bal) FROM acct WHERE id >= 0");
            run(s, "COMMIT");
            assertThat(a).isEqualTo(START * ACCOUNTS);
            assertThat(b).isEqualTo(a);
            reads.incrementAndGet();
          }
        } catch (Throwable t) {
          unexpected.add(t);
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES); // a hang guard only
    }
    for (Future<?> f : readers) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(unexpected).isEmpty();
    assertThat(committed.get()).isEqualTo((long) writers * transfers);
    try (Session s = engine.newSession()) {
      assertThat(single(s, "SELECT SUM(bal) FROM acct")).isEqualTo(START * ACCOUNTS);
    }
    assertThat(engine.locks().snapshot()).as("no lock left behind").isEmpty();
  }

  @Test
  void concurrentIncrementsAreNeverLost() throws Exception {
    int threads = 4;
    int each = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        try (Session s = engine.newSession()) {
          for (int i = 0; i < each; i++) {
            assertThat(run(s, "UPDATE counter SET n = n + 1 WHERE id = 1")).isEqualTo("UPDATE 1");
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    try (Session s = engine.newSession()) {
      assertThat(single(s, "SELECT n FROM counter")).isEqualTo((long) threads * each);
    }
  }
}
