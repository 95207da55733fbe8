package io.phantomdb.plugin.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native-memory safety of the lsm engine: closing, dropping and releasing while other threads use
 * the same objects must end in exceptions, never in a crashed JVM. Also the engine's own limits,
 * size estimates, stats and checkpoint clean-up.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LsmLifecycleTest {
  @TempDir Path dir;
  private StorageEngine engine;
  private ExecutorService pool;

  @BeforeEach
  void open() {
    engine = new LsmStorageEngineFactory().open(StorageContext.of(dir.resolve("e")));
    pool = Executors.newFixedThreadPool(6);
  }

  @AfterEach
  void close() throws Exception {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    engine.close();
  }

  private static byte[] num(long n) {
    return ByteBuffer.allocate(8).putLong(n).array();
  }

  private void fill(Keyspace ks, int n) {
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < n; i++) {
      batch.put(ks, num(i), num(i));
    }
    engine.write(batch, Durability.NO_SYNC);
  }

  /** Runs {@code task} on several threads until it throws; returns what each threw. */
  private List<Future<Throwable>> hammer(int threads, ThrowingTask task) {
    List<Future<Throwable>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        try {
          while (true) {
            task.run();
          }
        } catch (RuntimeException e) {
          return e;
        }
      }));
    }
    return futures;
  }

  interface ThrowingTask {
    void run();
  }

  @RepeatedTest(5)
  void closingWhileOtherThreadsReadWriteAndScanIsSafe() throws Exception {
    Keyspace ks = engine.createKeyspace("t");
    fill(ks, 1000);
    AtomicBoolean started = new AtomicBoolean();
    List<Future<Throwable>> results = new ArrayList<>();
    results.addAll(hammer(2, () -> {
      started.set(true);
      engine.get(ks, num(7));
    }));
    results.addAll(hammer(1, () -> engine.write(
        new WriteBatch().put(ks, num(1), num(2)).delete(ks, num(3)), Durability.NO_SYNC)));
    results.addAll(hammer(1, () -> {
      try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.REVERSE)) {
        while (c.next()) {
          c.value();
        }
      }
    }));
    results.addAll(hammer(1, () -> {
      try (ReadSnapshot s = engine.snapshot()) {
        s.get(ks, num(5));
      }
    }));
    while (!started.get()) {
      Thread.onSpinWait();
    }
    Thread.sleep(50);
    engine.close();
    for (Future<Throwable> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(StorageClosedException.class);
    }
  }

  @Test
  void droppingAKeyspaceWhileOthersAreUsedLeavesThemIntact() throws Exception {
    Keyspace busy = engine.createKeyspace("busy");
    fill(busy, 100);
    AtomicBoolean stop = new AtomicBoolean();
    Future<?> reader = pool.submit(() -> {
      while (!stop.get()) {
        assertThat(engine.get(busy, num(50))).isEqualTo(num(50));
      }
    });
    for (int i = 0; i < 20; i++) {
      Keyspace ks = engine.createKeyspace("tmp" + i);
      fill(ks, 10);
      engine.dropKeyspace("tmp" + i);
    }
    stop.set(true);
    reader.get();
    assertThat(engine.keyspaces()).containsExactly("busy");
  }

  @Test
  void droppingAKeyspaceOtherThreadsStillUseIsSafe() throws Exception {
    Keyspace ks = engine.createKeyspace("t");
    fill(ks, 100);
    List<Future<Throwable>> results = hammer(3, () -> {
      engine.get(ks, num(1));
      engine.write(new WriteBatch().put(ks, num(2), num(3)), Durability.NO_SYNC);
    });
    Thread.sleep(20);
    engine.dropKeyspace("t");
    for (Future<Throwable> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(StorageException.class);
    }
    assertThatThrownBy(() -> engine.get(ks, num(1))).isInstanceOf(UnknownKeyspaceException.class);
  }

  @Test
  void closingASnapshotOtherThreadsReadIsSafe() throws Exception {
    Keyspace ks = engine.createKeyspace("t");
    fill(ks, 100);
    ReadSnapshot snapshot = engine.snapshot();
    List<Future<Throwable>> results = hammer(3, () -> {
      assertThat(snapshot.get(ks, num(9))).isEqualTo(num(9));
      try (Cursor c = snapshot.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
        c.next();
      }
    });
    Thread.sleep(20);
    snapshot.close();
    for (Future<Throwable> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(StorageClosedException.class);
    }
  }

  @Test
  void aCursorOfAClosedSnapshotFails() {
    Keyspace ks = engine.createKeyspace("t");
    fill(ks, 3);
    ReadSnapshot snapshot = engine.snapshot();
    try (Cursor c = snapshot.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
      assertThat(c.next()).isTrue();
      snapshot.close();
      assertThatThrownBy(c::next).isInstanceOf(StorageClosedException.class);
    }
  }

  @Test
  void snapshotsKeepReadingAKeyspaceDroppedLaterAsUnknown() {
    Keyspace ks = engine.createKeyspace("t");
    fill(ks, 3);
    try (ReadSnapshot snapshot = engine.snapshot()) {
      engine.dropKeyspace("t");
      assertThatThrownBy(() -> snapshot.get(ks, num(1)))
          .isInstanceOf(UnknownKeyspaceException.class);
    }
  }

  @Test
  void valuesUpToTheLimitAreStoredAndLongerOnesRefusedWhole() {
    Keyspace ks = engine.createKeyspace("t");
    assertThat(engine.maxKeyLength()).isEqualTo(64 << 10);
    assertThat(engine.maxValueLength()).isEqualTo(256 << 20);
    byte[] tooLong = new byte[engine.maxValueLength() + 1];
    WriteBatch batch = new WriteBatch().put(ks, num(1), num(1)).put(ks, num(2), tooLong);
    assertThatThrownBy(() -> engine.write(batch, Durability.NO_SYNC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("268435457 bytes");
    assertThatThrownBy(() -> engine.write(new WriteBatch().put(ks, num(2), tooLong),
        Durability.NO_SYNC)).isInstanceOf(IllegalArgumentException.class);
    assertThat(engine.get(ks, num(1))).isNull();
    byte[] longKey = new byte[engine.maxKeyLength() + 1];
    assertThatThrownBy(() -> engine.write(new WriteBatch().delete(ks, longKey),
        Durability.NO_SYNC)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sizeEstimatesCountMemtablesAndRespectBounds() {
    Keyspace ks = engine.createKeyspace("t");
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < 10_000; i++) {
      batch.put(ks, num(i), new byte[100]);
    }
    engine.write(batch, Durability.NO_SYNC);
    long all = engine.approximateSize(ks, KeyRange.all());
    assertThat(all).isPositive();
    assertThat(engine.approximateSize(ks, KeyRange.closedOpen(num(0), num(100))))
        .isLessThan(all);
    assertThat(engine.approximateSize(ks, KeyRange.of(num(5), false, num(5), true))).isZero();
  }

  @Test
  void statsReportRocksDbFigures() {
    Keyspace ks = engine.createKeyspace("t");
    fill(ks, 1000);
    try (ReadSnapshot s = engine.snapshot();
        Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
      var stats = engine.stats();
      assertThat(stats.details()).containsKeys("total-sst-files-size", "estimate-num-keys",
          "block-cache-usage", "cur-size-all-mem-tables", "size-all-mem-tables");
      assertThat(stats.details()).containsEntry("keyspaces", 1L)
          .containsEntry("open-snapshots", 1L).containsEntry("open-cursors", 1L);
      assertThat(stats.keyCount()).isPositive();
      assertThat(stats.memoryBytes()).isPositive();
      assertThat(stats.diskBytes()).isPositive();
    }
    assertThat(engine.stats().details()).containsEntry("open-cursors", 0L)
        .containsEntry("open-snapshots", 0L);
  }

  @Test
  void aFailedCheckpointLeavesNothingBehind() {
    engine.createKeyspace("t");
    Path target = dir.resolve("missing-parent/cp");
    assertThatThrownBy(() -> engine.checkpoint(target)).isInstanceOf(StorageException.class);
    assertThat(dir.resolve("missing-parent")).doesNotExist();
  }
}
