package io.phantomdb.plugin.btree;

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
import io.phantomdb.spi.storage.StorageStats;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour specific to the btree engine: LMDB's limits, snapshots and keyspaces, close. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BtreeEngineBehaviourTest {
  @TempDir Path dir;
  private StorageEngine engine;
  private Keyspace ks;

  @BeforeEach
  void open() {
    engine = new BtreeStorageEngineFactory().open(StorageContext.of(dir.resolve("e")));
    ks = engine.createKeyspace("t");
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private static byte[] num(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  private void fill(int n, int valueSize) {
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < n; i++) {
      batch.put(ks, num(i), new byte[valueSize]);
    }
    engine.write(batch, Durability.NO_SYNC);
  }

  private List<Integer> scanNums(KeyRange range, ScanOrder order) {
    List<Integer> out = new ArrayList<>();
    try (Cursor c = engine.scan(ks, range, order)) {
      while (c.next()) {
        out.add(ByteBuffer.wrap(c.key()).getInt());
      }
    }
    return out;
  }

  @Test
  void keysUpTo510BytesAreStoredAndLongerOnesRefused() {
    assertThat(engine.maxKeyLength()).isEqualTo(510);
    assertThat(engine.maxValueLength()).isEqualTo(256 << 20);
    byte[] max = new byte[510];
    Arrays.fill(max, (byte) 0xFF);
    engine.write(new WriteBatch().put(ks, max, new byte[] {1}), Durability.NO_SYNC);
    assertThat(engine.get(ks, max)).containsExactly(1);
    assertThatThrownBy(
            () -> engine.write(new WriteBatch().put(ks, new byte[511], new byte[0]), Durability.SYNC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("510");
    assertThat(engine.get(ks, new byte[600])).as("a longer key cannot be present").isNull();
  }

  @Test
  void boundsLongerThanTheKeyLimitStillSelectTheRightKeys() {
    byte[] max = new byte[510];
    Arrays.fill(max, (byte) 7);
    byte[] below = max.clone();
    below[509] = 6;
    engine.write(
        new WriteBatch().put(ks, max, num(1)).put(ks, below, num(2)).put(ks, num(9), num(3)),
        Durability.NO_SYNC);
    byte[] longer = Arrays.copyOf(max, 700);
    assertThat(count(KeyRange.closedOpen(null, longer), ScanOrder.REVERSE)).isEqualTo(3);
    assertThat(count(KeyRange.closedOpen(longer, null), ScanOrder.FORWARD)).isEqualTo(0);
    assertThat(count(KeyRange.closedOpen(max, longer), ScanOrder.FORWARD)).isEqualTo(1);
    assertThat(count(KeyRange.closedOpen(max, longer), ScanOrder.REVERSE)).isEqualTo(1);
    engine.write(new WriteBatch().deleteRange(ks, below, longer), Durability.NO_SYNC);
    assertThat(count(KeyRange.all(), ScanOrder.FORWARD)).isEqualTo(1);
  }

  private int count(KeyRange range, ScanOrder order) {
    int n = 0;
    try (Cursor c = engine.scan(ks, range, order)) {
      while (c.next()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void deleteRangeAcrossManyPagesDeletesExactlyTheRange() {
    fill(50_000, 40);
    engine.write(new WriteBatch().deleteRange(ks, num(1000), num(48_000)), Durability.NO_SYNC);
    List<Integer> left = scanNums(KeyRange.all(), ScanOrder.FORWARD);
    assertThat(left).hasSize(50_000 - 47_000);
    assertThat(left.get(999)).isEqualTo(999);
    assertThat(left.get(1000)).isEqualTo(48_000);
    assertThat(scanNums(KeyRange.all(), ScanOrder.REVERSE).get(0)).isEqualTo(49_999);
  }

  @Test
  void snapshotsTreatDroppedAndNewerKeyspacesAsDocumented() {
    Keyspace old = engine.createKeyspace("old");
    engine.write(new WriteBatch().put(old, num(1), num(1)), Durability.NO_SYNC);
    try (ReadSnapshot snap = engine.snapshot()) {
      Keyspace newer = engine.createKeyspace("newer");
      engine.write(new WriteBatch().put(newer, num(1), num(1)), Durability.NO_SYNC);
      assertThat(snap.get(newer, num(1))).isNull();
      try (Cursor c = snap.scan(newer, KeyRange.all(), ScanOrder.FORWARD)) {
        assertThat(c.next()).isFalse();
      }
      engine.dropKeyspace("old");
      assertThatThrownBy(() -> snap.get(old, num(1))).isInstanceOf(UnknownKeyspaceException.class);
      // the dropped database's LMDB slot is reused by the next keyspace; the old handle stays dead
      Keyspace reuse = engine.createKeyspace("reuse");
      engine.write(new WriteBatch().put(reuse, num(1), num(2)), Durability.NO_SYNC);
      assertThatThrownBy(() -> engine.get(old, num(1)))
          .isInstanceOf(UnknownKeyspaceException.class);
      assertThat(snap.get(reuse, num(1))).isNull();
      assertThat(engine.get(reuse, num(1))).isEqualTo(num(2));
    }
  }

  @Test
  void approximateSizesAreInTheRightBallpark() {
    fill(20_000, 100);
    long all = engine.approximateSize(ks, KeyRange.all());
    assertThat(all).isBetween(20_000L * 104 / 2, 20_000L * 104 * 2);
    long half = engine.approximateSize(ks, KeyRange.closedOpen(num(0), num(10_000)));
    assertThat(half).isBetween(all / 4, all);
    assertThat(engine.approximateSize(ks, KeyRange.closedOpen(num(5), num(10))))
        .as("small ranges are counted exactly")
        .isEqualTo(5 * 104);
    assertThat(engine.approximateSize(ks, KeyRange.closedOpen(num(30_000), null))).isZero();
  }

  @Test
  void statsReportLmdbFigures() {
    fill(1000, 10);
    StorageStats stats = engine.stats();
    assertThat(stats.keyCount()).isEqualTo(1000);
    assertThat(stats.diskBytes()).isPositive();
    assertThat(stats.details())
        .containsKeys("map-size", "map-used-bytes", "page-size", "readers-active", "max-readers");
    assertThat(stats.details().get("max-readers")).isEqualTo(1024L);
  }

  @Test
  void runningOutOfReaderSlotsNamesTheOption() {
    engine.close();
    engine =
        new BtreeStorageEngineFactory()
            .open(new StorageContext(dir.resolve("small"), Map.of("max-readers", "4")));
    ks = engine.createKeyspace("t");
    List<ReadSnapshot> snaps = new ArrayList<>();
    try {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 10; i++) {
                  snaps.add(engine.snapshot());
                }
              })
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("storage.btree.max-readers");
    } finally {
      snaps.forEach(ReadSnapshot::close);
    }
    assertThat(engine.get(ks, num(1))).isNull();
  }

  @Test
  void closeWhileOtherThreadsReadAndWriteNeverCrashes() throws Exception {
    fill(2000, 50);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      futures.add(
          pool.submit(
              () -> {
                try {
                  for (int i = 0; ; i++) {
                    switch (id) {
                      case 0 -> engine.get(ks, num(i % 2000));
                      case 1 -> {
                        try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
                          while (c.next()) {
                            c.value();
                          }
                        }
                      }
                      case 2 -> {
                        try (ReadSnapshot s = engine.snapshot()) {
                          s.get(ks, num(i % 2000));
                        }
                      }
                      default ->
                          engine.write(
                              new WriteBatch().put(ks, num(i % 3000), new byte[20]),
                              Durability.NO_SYNC);
                    }
                  }
                } catch (StorageClosedException expected) {
                  return null;
                }
              }));
    }
    Thread.sleep(300);
    engine.close();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
  }
}
