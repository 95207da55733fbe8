package io.phantomdb.bench.txn;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Commits per second with 1, 4 and 16 concurrent writers, each committing single-row UPDATEs of
 * its own row (no lock waits: what is measured is the commit path, and whether concurrent commits
 * share their syncs). Every commit is synced before it is acknowledged.
 *
 * <pre>
 * java --add-opens java.base/java.nio=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar io.phantomdb.bench.txn.CommitThroughput [seconds] [rounds]
 * </pre>
 *
 * <p>Each engine ({@code lsm}, {@code btree}) and writer count runs {@code rounds} times (default
 * 3) for {@code seconds} (default 5) after a 2-second warm-up, alternating the order of writer
 * counts between rounds; the table shows the median commits/s and the ratio to one writer.
 */
public final class CommitThroughput {
  private static final int[] WRITERS = {1, 4, 16};

  private CommitThroughput() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    StringBuilder table = new StringBuilder("| engine | writers | commits/s (median of " + rounds
        + " runs of " + seconds + " s) | runs | vs 1 writer |\n|---|---:|---:|---|---:|\n");
    for (String engine : List.of("lsm", "btree")) {
      Map<Integer, List<Double>> results = new java.util.TreeMap<>();
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < WRITERS.length; i++) {
          int writers = WRITERS[round % 2 == 0 ? i : WRITERS.length - 1 - i];
          double rate = run(engine, writers, seconds);
          results.computeIfAbsent(writers, k -> new ArrayList<>()).add(rate);
          System.out.printf(Locale.ROOT, "%s writers=%d round=%d: %.0f commits/s%n", engine, writers, round + 1, rate);
        }
      }
      double one = median(results.get(1));
      for (var e : results.entrySet()) {
        double m = median(e.getValue());
        table.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %.2f |%n", engine, e.getKey(), m,
            e.getValue().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(), m / one));
      }
    }
    System.out.println();
    System.out.print(table);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double run(String engineName, int writers, int seconds) throws Exception {
    Path base = Path.of(System.getProperty("phantomdb.bench.dir", System.getProperty("java.io.tmpdir")));
    Files.createDirectories(base);
    Path dir = Files.createTempDirectory(base, "phantomdb-commit-");
    StorageEngineFactory factory = ServiceLoader.load(StorageEngineFactory.class).stream()
        .map(ServiceLoader.Provider::get).filter(f -> f.name().equals(engineName)).findFirst().orElseThrow();
    try (StorageEngine storage = factory.open(new StorageContext(dir, Map.of()));
         SqlEngine sql = SqlEngine.open(storage)) {
      try (Session s = sql.newSession()) {
        exec(s, "CREATE TABLE acct (id INT PRIMARY KEY, bal BIGINT NOT NULL)");
        StringBuilder b = new StringBuilder("INSERT INTO acct VALUES ");
        for (int i = 0; i < 16; i++) {
          b.append(i == 0 ? "" : ", ").append("(").append(i).append(", 0)");
        }
        exec(s, b.toString());
      }
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong commits = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        Thread t = new Thread(() -> {
          try (Session s = sql.newSession()) {
            var update = s.prepare("UPDATE acct SET bal = bal + 1 WHERE id = $1");
            while (!stop.get()) {
              try (StatementResult r = update.execute(id)) {
                r.rowCount();
              }
              if (measuring.get()) {
                commits.incrementAndGet();
              }
            }
          }
        });
        t.start();
        threads.add(t);
      }
      Thread.sleep(2000);
      measuring.set(true);
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long n = commits.get();
      double elapsed = (System.nanoTime() - start) / 1e9;
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      return n / elapsed;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // best effort
      }
    }
  }

  private static void exec(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
    }
  }
}
