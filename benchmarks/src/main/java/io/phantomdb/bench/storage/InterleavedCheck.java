package io.phantomdb.bench.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cross-check of {@link RatioReport} for noisy machines: the raw and the SPI store of one engine
 * are open side by side in one JVM and measured in alternating half-second blocks (raw, spi, spi,
 * raw, ...), so drift of the machine or the disk hits both sides alike. Not JMH: one JVM for both
 * sides (the call sites see two backends), coarse timing. Use it to tell a real SPI cost from a
 * slow phase that fell on one JMH trial.
 *
 * <pre>
 * java --add-opens java.base/java.nio=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED \
 *   -cp benchmarks/target/benchmarks.jar io.phantomdb.bench.storage.InterleavedCheck [lsm|btree ...]
 * </pre>
 *
 * <p>Same data, settings and operations as {@link StorageSpiBenchmark} (500,000 keys). Prints the
 * median throughput of each side over 16 block pairs, after 4 warm-up pairs, and the ratio.
 */
public final class InterleavedCheck {
  private static final int KEYS = 500_000;
  private static final long BLOCK_NANOS = 500_000_000L;
  private static final int WARMUP_PAIRS = 4;
  private static final int PAIRS = 16;
  private static final String[] OPS = {"get", "scan", "batchPut", "syncPut"};
  private static final Blackhole SINK = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  private final Workload workload = new Workload(KEYS);
  private final SplittableRandom random = new SplittableRandom(7);
  private final byte[][] batchKeys = new byte[StorageSpiBenchmark.BATCH][];
  private final byte[][] batchValues = new byte[StorageSpiBenchmark.BATCH][];

  private InterleavedCheck() {}

  public static void main(String[] args) throws IOException {
    String[] engines = args.length > 0 ? args : new String[] {"lsm", "btree"};
    InterleavedCheck check = new InterleavedCheck();
    List<String> lines = new ArrayList<>();
    lines.add("| benchmark | engine | raw ops/s | spi ops/s | spi/raw |");
    lines.add("|---|---|---:|---:|---:|");
    for (String engine : engines) {
      check.run(engine, lines);
    }
    System.out.println();
    lines.forEach(System.out::println);
  }

  private void run(String engine, List<String> lines) throws IOException {
    Path dir = Files.createTempDirectory(
        Path.of(System.getProperty("phantomdb.bench.dir", System.getProperty("java.io.tmpdir"))),
        "phantomdb-interleaved-" + engine + "-");
    StorageBackend[] sides = new StorageBackend[2];
    try {
      for (int s = 0; s < 2; s++) {
        Path data = dir.resolve(s == 0 ? "raw" : "spi");
        sides[s] = open(engine, s == 1, data);
        preload(sides[s]);
        sides[s].close();
        sides[s] = open(engine, s == 1, data);
      }
      for (String op : OPS) {
        double[][] rates = new double[2][PAIRS];
        for (int pair = -WARMUP_PAIRS; pair < PAIRS; pair++) {
          for (int i = 0; i < 2; i++) {
            int s = pair % 2 == 0 ? i : 1 - i;
            double rate = block(sides[s], op);
            if (pair >= 0) {
              rates[s][pair] = rate;
            }
          }
        }
        double raw = median(rates[0]);
        double spi = median(rates[1]);
        String line = String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.3f |",
            op, engine, raw, spi, spi / raw);
        System.out.println(line);
        lines.add(line);
      }
    } finally {
      for (StorageBackend side : sides) {
        if (side != null) {
          side.close();
        }
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static StorageBackend open(String engine, boolean spi, Path data) {
    return switch (engine) {
      case "lsm" -> spi
          ? new SpiBackend(engine, data, RawRocksBackend.SPI_OPTIONS)
          : new RawRocksBackend(data);
      case "btree" -> spi
          ? new SpiBackend(engine, data, RawLmdbBackend.spiOptions(false))
          : new RawLmdbBackend(data, false);
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    };
  }

  private void preload(StorageBackend backend) {
    byte[][] k = new byte[1000][];
    byte[][] v = new byte[1000][];
    for (int start = 0; start < KEYS; start += 1000) {
      for (int i = 0; i < 1000; i++) {
        k[i] = workload.key(start + i);
        v[i] = workload.value(start + i);
      }
      backend.putBatch(k, v, 1000);
    }
    backend.sync();
  }

  /** Runs {@code op} on {@code backend} for one block; returns operations (keys) per second. */
  private double block(StorageBackend backend, String op) {
    long start = System.nanoTime();
    long end = start + BLOCK_NANOS;
    long ops = 0;
    long now;
    do {
      ops += step(backend, op);
      now = System.nanoTime();
    } while (now < end);
    return ops / ((now - start) / 1e9);
  }

  private int step(StorageBackend backend, String op) {
    switch (op) {
      case "get" -> {
        for (int i = 0; i < 16; i++) {
          SINK.consume(backend.get(workload.key(random.nextInt(KEYS))));
        }
        return 16;
      }
      case "scan" -> {
        int s = random.nextInt(KEYS - StorageSpiBenchmark.SCAN);
        return backend.scan(workload.key(s), workload.key(s + StorageSpiBenchmark.SCAN), SINK);
      }
      case "batchPut" -> {
        for (int i = 0; i < batchKeys.length; i++) {
          int k = random.nextInt(KEYS);
          batchKeys[i] = workload.key(k);
          batchValues[i] = workload.value(k + 1);
        }
        backend.putBatch(batchKeys, batchValues, batchKeys.length);
        return batchKeys.length;
      }
      case "syncPut" -> {
        int k = random.nextInt(KEYS);
        backend.putSync(workload.key(k), workload.value(k + 1));
        return 1;
      }
      default -> throw new IllegalArgumentException(op);
    }
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
