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
  @ValueSource(strings = {"READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"})
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

  /** Doctors 3 per shift, all on call; one who leaves must see another on call in the shift. */
  private void doctors(Session s, int shifts) {
    run(s, "CREATE TABLE doctors (id INT PRIMARY KEY, shift INT NOT NULL, on_call INT NOT NULL)");
    for (int i = 0; i < shifts * 3; i++) {
      run(s, "INSERT INTO doctors VALUES (" + i + ", " + i / 3 + ", 1)");
    }
  }

  private static long onCall(Session s, int shift, int except) {
    return single(s, "SELECT COUNT(*) FROM doctors WHERE shift = " + shift + " AND on_call = 1 AND id <> " + except);
  }

  @Test
  void writeSkewHappensUnderRepeatableReadButNotUnderSerializable() {
    try (Session setup = engine.newSession(); Session a = engine.newSession(); Session b = engine.newSession()) {
      doctors(setup, 2);
      run(setup, "UPDATE doctors SET on_call = 0 WHERE id IN (2, 5)"); // two on call per shift
      for (String level : List.of("REPEATABLE READ", "SERIALIZABLE")) {
        int shift = level.equals("SERIALIZABLE") ? 1 : 0;
        int first = shift * 3;
        run(a, "BEGIN ISOLATION LEVEL " + level);
        run(b, "BEGIN ISOLATION LEVEL " + level);
        assertThat(onCall(a, shift, first)).isEqualTo(1);
        assertThat(onCall(b, shift, first + 1)).isEqualTo(1);
        run(a, "UPDATE doctors SET on_call = 0 WHERE id = " + first);
        run(b, "UPDATE doctors SET on_call = 0 WHERE id = " + (first + 1));
        assertThat(run(a, "COMMIT")).isEqualTo("COMMIT");
        if (level.equals("SERIALIZABLE")) {
          SqlException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> run(b, "COMMIT"), SqlException.class);
          assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
          assertThat(onCall(setup, shift, -1)).as("SERIALIZABLE keeps a doctor on call").isEqualTo(1);
        } else {
          assertThat(run(b, "COMMIT")).isEqualTo("COMMIT");
          assertThat(onCall(setup, shift, -1)).as("write skew under REPEATABLE READ").isZero();
        }
      }
    }
  }

  @Test
  void serializableOnCallDoctorsNeverLeaveAShiftEmpty() throws Exception {
    int shifts = 2;
    try (Session s = engine.newSession()) {
      doctors(s, shifts);
    }
    int threads = 6;
    int each = transfers() / 2;
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    AtomicLong conflicts = new AtomicLong();
    AtomicLong wentOff = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    List<Future<?>> done = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      done.add(pool.submit(() -> {
        Random random = new Random(seed);
        try (Session s = engine.newSession()) {
          for (int i = 0; i < each; i++) {
            int doctor = random.nextInt(shifts * 3);
            boolean back = random.nextInt(3) == 0;
            while (true) {
              try {
                run(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
                if (back) {
                  run(s, "UPDATE doctors SET on_call = 1 WHERE id = " + doctor);
                } else if (onCall(s, doctor / 3, doctor) >= 1) {
                  run(s, "UPDATE doctors SET on_call = 0 WHERE id = " + doctor);
                  wentOff.incrementAndGet();
                }
                run(s, "COMMIT");
                break;
              } catch (SqlException e) {
                run(s, "ROLLBACK");
                if (!retryable(e)) {
                  unexpected.add(e);
                  return;
                }
                conflicts.incrementAndGet();
              }
            }
          }
        } catch (Throwable e) {
          unexpected.add(e);
        }
      }));
    }
    AtomicLong checks = new AtomicLong();
    Future<?> checker = pool.submit(() -> {
      // a serializable reader is part of the history: what it saw, once committed, must hold
      try (Session s = engine.newSession()) {
        while (done.stream().anyMatch(f -> !f.isDone()) && unexpected.isEmpty()) {
          try {
            run(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
            long[] seen = new long[shifts];
            for (int shift = 0; shift < shifts; shift++) {
              seen[shift] = onCall(s, shift, -1);
            }
            run(s, "COMMIT");
            for (long n : seen) {
              assertThat(n).as("a committed serializable reader saw an empty shift").isGreaterThanOrEqualTo(1);
            }
            checks.incrementAndGet();
          } catch (SqlException e) {
            run(s, "ROLLBACK");
            if (!retryable(e)) {
              throw e;
            }
          }
        }
      } catch (Throwable e) {
        unexpected.add(e);
      }
    });
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES); // a hang guard only
    }
    checker.get(5, TimeUnit.MINUTES);
    pool.shutdown();
    assertThat(unexpected).isEmpty();
    assertThat(wentOff.get()).as("doctors did leave").isPositive();
    try (Session s = engine.newSession()) {
      for (int shift = 0; shift < shifts; shift++) {
        assertThat(onCall(s, shift, -1)).as("on call in shift %d", shift).isGreaterThanOrEqualTo(1);
      }
    }
    assertThat(engine.locks().snapshot()).as("no lock left behind").isEmpty();
    assertThat(engine.ssi().retained(engine.readTs())).as("no serializable transaction left behind").isZero();
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
