package io.phantomdb.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Snapshot isolation and concurrent use: snapshots never see later writes; many readers and one
 * writer always see whole batches, in order; concurrent writers lose nothing.
 *
 * <p>An engine's test class extends this and implements only {@link #createEngine(java.nio.file.Path)}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class AbstractStorageConcurrencyTest extends StorageTestSupport {

  private static byte[] num(long n) {
    return ByteBuffer.allocate(8).putLong(n).array();
  }

  private static long num(byte[] b) {
    return ByteBuffer.wrap(b).getLong();
  }

  @Test
  void aSnapshotIgnoresEveryLaterWrite() {
    Keyspace ks = engine.createKeyspace("t");
    Keyspace other = engine.createKeyspace("u");
    for (int i = 1; i <= 5; i++) {
      put(ks, k(i), b("old" + i));
    }
    put(other, b("x"), b("old"));
    try (ReadSnapshot snap = engine.snapshot()) {
      put(ks, k(1), b("new"));
      delete(ks, k(2));
      engine.write(new WriteBatch().deleteRange(ks, k(3), k(5)), Durability.NO_SYNC);
      put(ks, k(9), b("added"));
      put(other, b("x"), b("new"));
      assertThat(snap.get(ks, k(1))).isEqualTo(b("old1"));
      assertThat(snap.get(ks, k(2))).isEqualTo(b("old2"));
      assertThat(snap.get(ks, k(9))).isNull();
      assertThat(snap.get(other, b("x"))).isEqualTo(b("old"));
      assertThat(keys(snap, ks, KeyRange.all(), ScanOrder.FORWARD))
          .containsExactly("01", "02", "03", "04", "05");
      assertThat(keys(snap, ks, KeyRange.closed(k(2), k(4)), ScanOrder.REVERSE))
          .containsExactly("04", "03", "02");
      assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD))
          .containsExactly("01", "05", "09");
    }
  }

  @Test
  void snapshotsTakenAtDifferentTimesSeeDifferentStates() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("1"));
    try (ReadSnapshot first = engine.snapshot()) {
      put(ks, b("k"), b("2"));
      try (ReadSnapshot second = engine.snapshot()) {
        put(ks, b("k"), b("3"));
        assertThat(first.get(ks, b("k"))).isEqualTo(b("1"));
        assertThat(second.get(ks, b("k"))).isEqualTo(b("2"));
        assertThat(engine.get(ks, b("k"))).isEqualTo(b("3"));
      }
    }
  }

  @Test
  void aSnapshotSeesKeyspacesCreatedBeforeItAsOfItsTime() {
    Keyspace ks = engine.createKeyspace("t");
    try (ReadSnapshot snap = engine.snapshot()) {
      put(ks, b("k"), b("after"));
      assertThat(snap.get(ks, b("k"))).isNull();
      assertThat(keys(snap, ks, KeyRange.all(), ScanOrder.FORWARD)).isEmpty();
    }
  }

  @Test
  void oneSnapshotCanBeReadByManyThreadsAtOnce() throws Exception {
    Keyspace ks = engine.createKeyspace("t");
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < 2000; i++) {
      batch.put(ks, num(i), num(i * 3L));
    }
    engine.write(batch, Durability.NO_SYNC);
    try (ReadSnapshot snap = engine.snapshot()) {
      engine.write(new WriteBatch().deleteRange(ks, num(0), num(5000)), Durability.NO_SYNC);
      List<Callable<Long>> readers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        readers.add(
            () -> {
              long sum = 0;
              for (int round = 0; round < 5; round++) {
                for (int i = offset; i < 2000; i += 4) {
                  sum += num(snap.get(ks, num(i)));
                }
                try (Cursor c = snap.scan(ks, KeyRange.all(), ScanOrder.REVERSE)) {
                  while (c.next()) {
                    sum += num(c.value()) - num(c.value());
                  }
                }
              }
              return sum;
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        long total = 0;
        for (Future<Long> f : pool.invokeAll(readers)) {
          total += f.get();
        }
        assertThat(total).isEqualTo(5L * 3L * (1999L * 2000L / 2));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * The writer sets all N keys of a keyspace to the same value i in batch i. Readers must see all
   * N keys equal (whole batches), and the value they see never goes backwards (reads are
   * linearizable with writes).
   */
  @Test
  void readersSeeWholeBatchesInOrderWhileOneWriterWrites() throws Exception {
    Keyspace ks = engine.createKeyspace("t");
    int keysPerBatch = 16;
    int batches = 1500;
    WriteBatch init = new WriteBatch();
    for (int j = 0; j < keysPerBatch; j++) {
      init.put(ks, num(j), num(0));
    }
    engine.write(init, Durability.NO_SYNC);
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        boolean useSnapshots = r % 2 == 0;
        readers.add(pool.submit(() -> readUntilDone(ks, keysPerBatch, done, useSnapshots)));
      }
      for (int i = 1; i <= batches; i++) {
        WriteBatch batch = new WriteBatch(keysPerBatch);
        for (int j = 0; j < keysPerBatch; j++) {
          batch.put(ks, num(j), num(i));
        }
        engine.write(batch, Durability.NO_SYNC);
      }
      done.set(true);
      for (Future<Long> f : readers) {
        assertThat(f.get()).as("reads made").isPositive();
      }
    } finally {
      done.set(true);
      pool.shutdownNow();
    }
    assertThat(num(engine.get(ks, num(keysPerBatch - 1)))).isEqualTo(batches);
  }

  private long readUntilDone(Keyspace ks, int n, AtomicBoolean done, boolean useSnapshots) {
    long last = 0;
    long reads = 0;
    while (!done.get() || reads == 0) {
      List<Long> seen = new ArrayList<>();
      if (useSnapshots) {
        try (ReadSnapshot snap = engine.snapshot()) {
          for (int j = 0; j < n; j++) {
            seen.add(num(snap.get(ks, num(j))));
          }
        }
      } else {
        try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
          while (c.next()) {
            seen.add(num(c.value()));
          }
        }
      }
      assertThat(seen).hasSize(n);
      assertThat(seen).as("one batch's values").containsOnly(seen.get(0));
      assertThat(seen.get(0)).as("never goes backwards").isGreaterThanOrEqualTo(last);
      last = seen.get(0);
      reads++;
    }
    return reads;
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    Keyspace ks = engine.createKeyspace("t");
    int writers = 4;
    int perWriter = 500;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perWriter; i++) {
                    Durability d = i % 50 == 0 ? Durability.SYNC : Durability.NO_SYNC;
                    engine.write(new WriteBatch().put(ks, num(id * 1_000_000L + i), num(i)), d);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD)).hasSize(writers * perWriter);
    reopen();
    assertThat(keys(engine, engine.keyspace("t"), KeyRange.all(), ScanOrder.FORWARD))
        .hasSize(writers * perWriter);
  }

  @Test
  void keyspacesCanBeCreatedWhileOthersAreWritten() throws Exception {
    Keyspace busy = engine.createKeyspace("busy");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < 2000; i++) {
                  engine.write(new WriteBatch().put(busy, num(i), num(i)), Durability.NO_SYNC);
                }
              });
      for (int i = 0; i < 20; i++) {
        Keyspace ks = engine.createKeyspace("new" + i);
        put(ks, b("k"), b("v" + i));
      }
      writer.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(engine.keyspaces()).hasSize(21);
    assertThat(keys(engine, busy, KeyRange.all(), ScanOrder.FORWARD)).hasSize(2000);
  }
}
