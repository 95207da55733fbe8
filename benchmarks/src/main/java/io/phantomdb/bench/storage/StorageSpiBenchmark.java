package io.phantomdb.bench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each storage engine through the storage SPI ({@code api=spi}) against the same native library
 * called directly with the same native settings ({@code api=raw}): same data, same JVM flags,
 * one after the other in one JMH run. {@link RatioReport} runs it and prints SPI/raw per row.
 *
 * <p>Every trial gets a fresh store in a new temporary directory (under {@code
 * -Dphantomdb.bench.dir}, default {@code java.io.tmpdir}; it must be a real disk, not tmpfs, for
 * the synced put to mean anything), preloads {@code keys} keys (16-byte keys, 100-byte values,
 * batches of 1000, not synced), syncs, closes and reopens it (RocksDB then holds the data in SST
 * files rather than in its memtable), and deletes it afterwards.
 *
 * <p>Operations, single-threaded:
 * <ul>
 *   <li>{@code get}: one existing key, chosen uniformly at random;
 *   <li>{@code batchPut}: a batch of 100 puts over random existing keys, not synced (scores are
 *       keys per second);
 *   <li>{@code syncPut}: one put over a random existing key, synced to disk;
 *   <li>{@code scan}: the 100 consecutive keys from a random start, keys and values read (scores
 *       are keys per second).
 * </ul>
 *
 * <p>Settings: the SPI side opens the engine with options pinned to what the raw side builds
 * ({@link RawRocksBackend#SPI_OPTIONS}, {@link RawLmdbBackend#spiOptions(boolean)}); the raw
 * classes document the fixed native settings they copy from the plugins. The forks get the LMDB
 * flags through {@code jvmArgsAppend}: pass extra JVM flags with {@code -jvmArgsPrepend}, since
 * a command-line {@code -jvmArgsAppend} replaces the annotation's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-opens", "java.base/java.nio=ALL-UNNAMED",
      "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
      "-Xms1g", "-Xmx1g"
    })
@Threads(1)
public class StorageSpiBenchmark {
  static final int BATCH = 100;
  static final int SCAN = 100;
  private static final int PRELOAD_BATCH = 1000;

  /** The engine: {@code lsm} (RocksDB) or {@code btree} (LMDB). */
  @Param({"lsm", "btree"})
  public String engine;

  /** {@code raw}: the library called directly; {@code spi}: the plugin through the SPI. */
  @Param({"raw", "spi"})
  public String api;

  /**
   * The btree engine's {@code power-loss-safe} option, on both sides: {@code false} is {@code
   * MDB_NOSYNC} (NO_SYNC commits write but never flush), {@code true} is {@code MDB_NOMETASYNC}
   * (every commit flushes its data pages with one fdatasync). Ignored by lsm.
   */
  @Param({"false"})
  public boolean btreePowerLossSafe;

  /** Keys preloaded before measuring. */
  @Param({"500000"})
  public int keys;

  private Workload workload;
  private Path directory;
  private StorageBackend backend;
  private long rng;
  private final byte[][] batchKeys = new byte[BATCH][];
  private final byte[][] batchValues = new byte[BATCH][];

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    workload = new Workload(keys);
    Path base = Path.of(System.getProperty("phantomdb.bench.dir", System.getProperty("java.io.tmpdir")));
    Files.createDirectories(base);
    directory = Files.createTempDirectory(base, "phantomdb-bench-" + engine + "-" + api + "-");
    try {
      load(directory.resolve("data"));
    } catch (RuntimeException | Error e) {
      tearDown(); // JMH skips the teardown of a failed setup
      throw e;
    }
    rng = 0x2545F4914F6CDD1DL ^ System.nanoTime();
  }

  private void load(Path data) {
    backend = open(data);
    byte[][] k = new byte[PRELOAD_BATCH][];
    byte[][] v = new byte[PRELOAD_BATCH][];
    for (int start = 0; start < keys; start += PRELOAD_BATCH) {
      int n = Math.min(PRELOAD_BATCH, keys - start);
      for (int i = 0; i < n; i++) {
        k[i] = workload.key(start + i);
        v[i] = workload.value(start + i);
      }
      backend.putBatch(k, v, n);
    }
    backend.sync();
    backend.close();
    backend = open(data);
    check();
  }

  private StorageBackend open(Path data) {
    return switch (api) {
      case "spi" -> switch (engine) {
        case "lsm" -> new SpiBackend(engine, data, RawRocksBackend.SPI_OPTIONS);
        case "btree" -> new SpiBackend(engine, data, RawLmdbBackend.spiOptions(btreePowerLossSafe));
        default -> throw new IllegalArgumentException("unknown engine " + engine);
      };
      case "raw" -> switch (engine) {
        case "lsm" -> new RawRocksBackend(data);
        case "btree" -> new RawLmdbBackend(data, btreePowerLossSafe);
        default -> throw new IllegalArgumentException("unknown engine " + engine);
      };
      default -> throw new IllegalArgumentException("unknown api " + api);
    };
  }

  /** Both sides must hold the same data: fail the trial rather than measure something else. */
  private void check() {
    for (int i : new int[] {0, keys / 2, keys - 1}) {
      if (!Arrays.equals(backend.get(workload.key(i)), workload.value(i))) {
        throw new IllegalStateException(engine + "/" + api + ": wrong value for key " + i);
      }
    }
    if (backend.get(workload.key(keys)) != null) {
      throw new IllegalStateException(engine + "/" + api + ": key " + keys + " should be absent");
    }
    int n = backend.scan(workload.key(keys - SCAN - 1), workload.key(keys - 1), new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
    if (n != SCAN) {
      throw new IllegalStateException(engine + "/" + api + ": scan read " + n + " keys, not " + SCAN);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try {
      if (backend != null) {
        backend.close();
      }
    } finally {
      backend = null;
      deleteRecursively(directory);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** A uniform index in {@code [0, bound)}: xorshift64*, cheap and allocation-free. */
  private int nextIndex(int bound) {
    long x = rng;
    x ^= x >>> 12;
    x ^= x << 25;
    x ^= x >>> 27;
    rng = x;
    return (int) (((x * 0x2545F4914F6CDD1DL) >>> 33) % bound);
  }

  @Benchmark
  public byte[] get() {
    return backend.get(workload.key(nextIndex(keys)));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void batchPut() {
    for (int i = 0; i < BATCH; i++) {
      int k = nextIndex(keys);
      batchKeys[i] = workload.key(k);
      batchValues[i] = workload.value(k + 1);
    }
    backend.putBatch(batchKeys, batchValues, BATCH);
  }

  @Benchmark
  public void syncPut() {
    int k = nextIndex(keys);
    backend.putSync(workload.key(k), workload.value(k + 1));
  }

  @Benchmark
  @OperationsPerInvocation(SCAN)
  public int scan(Blackhole sink) {
    int start = nextIndex(keys - SCAN);
    int n = backend.scan(workload.key(start), workload.key(start + SCAN), sink);
    if (n != SCAN) {
      throw new IllegalStateException("scan read " + n + " keys, not " + SCAN);
    }
    return n;
  }
}
