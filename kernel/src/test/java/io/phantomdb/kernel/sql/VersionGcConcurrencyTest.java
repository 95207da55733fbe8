package io.phantomdb.kernel.sql;

import static io.phantomdb.kernel.sql.VersionGcTest.census;
import static io.phantomdb.kernel.sql.VersionGcTest.run;
import static io.phantomdb.kernel.sql.VersionGcTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.txn.gc.GcSettings;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version garbage collection running flat out while writers update heavily: snapshots that are
 * open (a REPEATABLE READ transaction, long scans) keep seeing exactly what they saw.
 */
class VersionGcConcurrencyTest {
  private static final int ROWS = 200;

  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
  final AtomicLong passes = new AtomicLong();

  /** @return the storage engine to run on; {@code Lsm*}/{@code Btree*} subclasses override it */
  protected String storage() {
    return "memory";
  }

  /** @return updates per writer thread */
  protected int updates() {
    return 150;
  }

  @BeforeEach
  void open() {
    storage = TestStorage.open(storage(), dir);
    // background passes too, every 10 ms, besides the test's own
    engine = SqlEngine.open(storage, new GcSettings(java.time.Duration.ofMillis(10), java.time.Duration.ZERO));
    try (Session s = engine.newSession()) {
      run(s, "CREATE TABLE t (id INT PRIMARY KEY, grp INT NOT NULL, v BIGINT NOT NULL, pad TEXT)");
      run(s, "CREATE INDEX t_grp ON t (grp)");
      VersionGcTest.insertRows(s, ROWS);
    }
  }

  @AfterEach
  void close() {
    engine.close();
    storage.close();
  }

  /** Runs GC passes back to back until {@code stop}. */
  private Future<?> collector(ExecutorService pool, AtomicBoolean stop) {
    return pool.submit(() -> {
      try {
        do {
          engine.collectGarbage();
          passes.incrementAndGet();
        } while (!stop.get() && unexpected.isEmpty());
      } catch (Throwable t) {
        unexpected.add(t);
      }
    });
  }

  private static List<String> rows(Session s, String sql) {
    List<String> out = new ArrayList<>();
    try (StatementResult r = s.execute(sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        out.add(row[0] + ":" + row[1]);
      }
    }
    return out;
  }

  @Test
  void aRepeatableReadTransactionSeesTheSameRowsWhileEverythingAroundItIsCollected() throws Exception {
    try (Session w = engine.newSession()) {
      for (int i = 0; i < 10; i++) {
        run(w, "UPDATE t SET v = v + 1"); // garbage below the snapshot, for the passes to take
      }
    }
    Session reader = engine.newSession();
    run(reader, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    List<String> seen = rows(reader, "SELECT id, v FROM t ORDER BY id");
    long sum = single(reader, "SELECT sum(v) FROM t");

    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean stop = new AtomicBoolean();
    Future<?> gc = collector(pool, stop);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int seed = t;
      writers.add(pool.submit(() -> {
        Random random = new Random(seed);
        try (Session s = engine.newSession()) {
          for (int i = 0; i < updates(); i++) {
            int id = 1 + random.nextInt(ROWS);
            switch (i % 5) {
              case 0 -> run(s, "DELETE FROM t WHERE id = " + id);
              case 1 -> run(s, "INSERT INTO t VALUES (" + id + ", 2, 7, 'back') ON CONFLICT (id) DO NOTHING");
              default -> run(s, "UPDATE t SET v = v + 1, grp = " + (1 + i % 3) + " WHERE id = " + id);
            }
          }
        } catch (Throwable e) {
          unexpected.add(e);
        }
      }));
    }
    for (Future<?> f : writers) {
      f.get(5, TimeUnit.MINUTES); // a hang guard only
    }
    long passesDuringWrites = passes.get();
    long until = passes.get() + 3;
    while (passes.get() < until && unexpected.isEmpty()) {
      Thread.onSpinWait();
    }
    stop.set(true);
    gc.get(5, TimeUnit.MINUTES);
    pool.shutdown();
    assertThat(unexpected).isEmpty();
    assertThat(passesDuringWrites).isPositive();
    assertThat(engine.gcTotals().versionsRemoved()).as("the garbage below the snapshot went")
        .isGreaterThanOrEqualTo(10L * ROWS);

    assertThat(rows(reader, "SELECT id, v FROM t ORDER BY id")).isEqualTo(seen);
    assertThat(rows(reader, "SELECT id, v FROM t WHERE grp = 1 ORDER BY id")).isEqualTo(seen);
    assertThat(single(reader, "SELECT sum(v) FROM t")).isEqualTo(sum);
    run(reader, "COMMIT");
    reader.close();

    assertThat(engine.snapshots().size()).isZero();
    engine.collectGarbage();
    VersionGcTest.Census c = census(storage);
    assertThat(c.versions()).as("one version per key once the snapshot ended").isEqualTo(c.keys());
    try (Session s = engine.newSession()) {
      assertThat(c.keys()).isEqualTo(2 * single(s, "SELECT count(*) FROM t"));
    }
  }

  @Test
  void longScansSeeAConsistentTotalWhileWritersAndTheCollectorRun() throws Exception {
    long total = 10L * ROWS;
    int writers = 3;
    AtomicLong committed = new AtomicLong();
    AtomicLong scans = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
    AtomicBoolean stop = new AtomicBoolean();
    Future<?> gc = collector(pool, stop);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int seed = w;
      done.add(pool.submit(() -> {
        Random random = new Random(seed);
        try (Session s = engine.newSession()) {
          for (int i = 0; i < updates(); i++) {
            int a = 1 + random.nextInt(ROWS);
            int b = 1 + (a + random.nextInt(ROWS - 1)) % ROWS;
            int amount = 1 + random.nextInt(5);
            // lower id first: writers never deadlock
            int first = Math.min(a, b);
            int second = Math.max(a, b);
            long delta = first == a ? -amount : amount;
            run(s, "BEGIN");
            run(s, "UPDATE t SET v = v + (" + delta + ") WHERE id = " + first);
            run(s, "UPDATE t SET v = v - (" + delta + ") WHERE id = " + second);
            run(s, "COMMIT");
            committed.incrementAndGet();
          }
        } catch (Throwable e) {
          unexpected.add(e);
        }
      }));
    }
    List<Future<?>> readers = new ArrayList<>();
    readers.add(pool.submit(() -> {
      try (Session s = engine.newSession()) {
        // at least one round, however fast the writers are
        for (boolean first = true; first || committed.get() < (long) writers * updates() && unexpected.isEmpty();
            first = false) {
          // an index scan fetches every row at the statement's timestamp, one at a time, slowly
          long sum = 0;
          try (StatementResult r = s.execute("SELECT id, v FROM t WHERE grp = 1")) {
            Object[] row;
            while ((row = r.next()) != null) {
              sum += ((Number) row[1]).longValue();
              Thread.yield();
            }
          }
          assertThat(sum).isEqualTo(total);
          scans.incrementAndGet();
        }
      } catch (Throwable e) {
        unexpected.add(e);
      }
    }));
    readers.add(pool.submit(() -> {
      try (Session s = engine.newSession()) {
        // at least one round, however fast the writers are
        for (boolean first = true; first || committed.get() < (long) writers * updates() && unexpected.isEmpty();
            first = false) {
          run(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
          long a = single(s, "SELECT sum(v) FROM t WHERE grp = 1");
          Thread.sleep(1); // writers and passes go on
          long b = single(s, "SELECT sum(v) FROM t");
          run(s, "COMMIT");
          assertThat(a).isEqualTo(total);
          assertThat(b).isEqualTo(total);
          scans.incrementAndGet();
        }
      } catch (Throwable e) {
        unexpected.add(e);
      }
    }));
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES);
    }
    for (Future<?> f : readers) {
      f.get(5, TimeUnit.MINUTES);
    }
    stop.set(true);
    gc.get(5, TimeUnit.MINUTES);
    pool.shutdown();
    assertThat(unexpected).isEmpty();
    assertThat(scans.get()).isPositive();
    assertThat(passes.get()).isPositive();
    assertThat(engine.snapshots().size()).isZero();
    engine.collectGarbage();
    // (whether passes during the run found anything depends on the readers' snapshots: not asserted)
    assertThat(engine.gcTotals().versionsRemoved()).isPositive();
    assertThat(census(storage)).isEqualTo(new VersionGcTest.Census(2L * ROWS, 2L * ROWS));
    try (Session s = engine.newSession()) {
      assertThat(single(s, "SELECT sum(v) FROM t")).isEqualTo(total);
    }
  }
}
