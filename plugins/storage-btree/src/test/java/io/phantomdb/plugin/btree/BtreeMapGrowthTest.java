package io.phantomdb.plugin.btree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageFullException;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The LMDB map starts small and grows as data arrives, up to {@code map-size-max}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BtreeMapGrowthTest {
  private static final int VALUE = 10_000;

  @TempDir Path dir;

  private static BtreeStorageEngine open(Path dir, Map<String, String> options) {
    return (BtreeStorageEngine)
        new BtreeStorageEngineFactory().open(new StorageContext(dir, options));
  }

  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  private static byte[] value(int i) {
    byte[] v = new byte[VALUE];
    new Random(i).nextBytes(v);
    return v;
  }

  @Test
  void aOneMegabyteMapGrowsToHoldFiftyMegabytesAndSurvivesReopen() {
    int n = 5_000; // 50 MB of values
    Path data = dir.resolve("e");
    try (BtreeStorageEngine engine = open(data, Map.of("map-size", "1MB"))) {
      assertThat(engine.mapSize()).isEqualTo(1L << 20);
      Keyspace ks = engine.createKeyspace("t");
      for (int i = 0; i < n; i += 50) {
        WriteBatch batch = new WriteBatch();
        for (int j = i; j < i + 50; j++) {
          batch.put(ks, key(j), value(j));
        }
        engine.write(batch, Durability.NO_SYNC);
      }
      assertThat(engine.mapSize()).isGreaterThanOrEqualTo(50L << 20);
      assertThat(engine.get(ks, key(n - 1))).isEqualTo(value(n - 1));
    }
    try (BtreeStorageEngine engine = open(data, Map.of("map-size", "1MB"))) {
      assertThat(engine.mapSize()).as("sized for the existing file").isGreaterThan(50L << 20);
      Keyspace ks = engine.keyspace("t");
      int count = 0;
      try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
        while (c.next()) {
          assertThat(c.value()).isEqualTo(value(count));
          count++;
        }
      }
      assertThat(count).isEqualTo(n);
      engine.write(new WriteBatch().put(ks, key(n), value(n)), Durability.SYNC);
    }
  }

  @Test
  void oneValueLargerThanTheMapGrowsItInOneWrite() {
    try (BtreeStorageEngine engine = open(dir.resolve("e"), Map.of("map-size", "1MB"))) {
      Keyspace ks = engine.createKeyspace("t");
      byte[] big = new byte[20 << 20];
      new Random(1).nextBytes(big);
      engine.write(new WriteBatch().put(ks, key(1), big), Durability.SYNC);
      assertThat(Arrays.equals(engine.get(ks, key(1)), big)).isTrue();
      assertThat(engine.mapSize()).isGreaterThanOrEqualTo(20L << 20);
    }
  }

  @Test
  void theMaximumIsEnforcedAndNamedAndNothingIsApplied() {
    Map<String, String> options = Map.of("map-size", "1MB", "map-size-max", "4MB");
    try (BtreeStorageEngine engine = open(dir.resolve("e"), options)) {
      Keyspace ks = engine.createKeyspace("t");
      engine.write(new WriteBatch().put(ks, key(0), value(0)), Durability.NO_SYNC);
      WriteBatch tooBig = new WriteBatch();
      for (int i = 1; i <= 600; i++) {
        tooBig.put(ks, key(i), value(i));
      }
      assertThatThrownBy(() -> engine.write(tooBig, Durability.NO_SYNC))
          .isInstanceOf(StorageFullException.class)
          .hasMessageContaining("storage.btree.map-size-max");
      assertThat(engine.get(ks, key(1))).isNull();
      assertThat(engine.get(ks, key(0))).isEqualTo(value(0));
      engine.write(new WriteBatch().put(ks, key(1), value(1)), Durability.NO_SYNC);
      assertThat(engine.get(ks, key(1))).isEqualTo(value(1));
    }
  }

  @Test
  void anOpenSnapshotBlocksGrowthWithAClearErrorThenGrowthResumes() {
    Map<String, String> options = Map.of("map-size", "1MB", "map-grow-wait-ms", "200");
    try (BtreeStorageEngine engine = open(dir.resolve("e"), options)) {
      Keyspace ks = engine.createKeyspace("t");
      WriteBatch big = new WriteBatch();
      for (int i = 0; i < 300; i++) {
        big.put(ks, key(i), value(i));
      }
      try (ReadSnapshot snap = engine.snapshot()) {
        assertThatThrownBy(() -> engine.write(big, Durability.NO_SYNC))
            .isInstanceOf(StorageFullException.class)
            .hasMessageContaining("snapshots");
        assertThat(snap.get(ks, key(0))).isNull();
      }
      engine.write(big, Durability.NO_SYNC);
      assertThat(engine.get(ks, key(299))).isEqualTo(value(299));
    }
  }

  @Test
  void growthWaitsForShortReadsOfOtherThreads() throws Exception {
    try (BtreeStorageEngine engine = open(dir.resolve("e"), Map.of("map-size", "1MB"))) {
      Keyspace ks = engine.createKeyspace("t");
      engine.write(new WriteBatch().put(ks, key(-1), value(0)), Durability.NO_SYNC);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Long> reader =
            pool.submit(
                () -> {
                  long reads = 0;
                  while (!Thread.currentThread().isInterrupted() && reads < 2_000_000) {
                    assertThat(engine.get(ks, key(-1))).isNotNull();
                    try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.REVERSE)) {
                      c.next();
                    }
                    reads++;
                    if (engine.mapSize() >= 32L << 20) {
                      break;
                    }
                  }
                  return reads;
                });
        for (int i = 0; i < 3000; i += 30) {
          WriteBatch batch = new WriteBatch();
          for (int j = i; j < i + 30; j++) {
            batch.put(ks, key(j), value(j));
          }
          engine.write(batch, Durability.NO_SYNC);
        }
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      } finally {
        pool.shutdownNow();
      }
      assertThat(engine.mapSize()).isGreaterThanOrEqualTo(32L << 20);
    }
  }

  @Test
  void aGrowthBlockedBySnapshotsDoesNotStallOtherReaders() throws Exception {
    Map<String, String> options = Map.of("map-size", "1MB", "map-grow-wait-ms", "1500");
    try (BtreeStorageEngine engine = open(dir.resolve("e"), options)) {
      Keyspace ks = engine.createKeyspace("t");
      engine.write(new WriteBatch().put(ks, key(-1), value(0)), Durability.NO_SYNC);
      WriteBatch big = new WriteBatch();
      for (int i = 0; i < 300; i++) {
        big.put(ks, key(i), value(i));
      }
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try (ReadSnapshot snap = engine.snapshot()) {
        long start = System.nanoTime();
        Future<Throwable> writer =
            pool.submit(
                () -> {
                  try {
                    engine.write(big, Durability.NO_SYNC);
                    return null;
                  } catch (Throwable t) {
                    return t;
                  }
                });
        long worst = 0;
        while (!writer.isDone()) {
          long t = System.nanoTime();
          assertThat(engine.get(ks, key(-1))).isNotNull();
          worst = Math.max(worst, System.nanoTime() - t);
        }
        assertThat(writer.get()).isInstanceOf(StorageFullException.class);
        assertThat(System.nanoTime() - start).as("waited").isGreaterThan(1_000_000_000L);
        assertThat(worst).as("longest get, ns").isLessThan(250_000_000L);
        assertThat(snap.get(ks, key(-1))).isNotNull();
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
