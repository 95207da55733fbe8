package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kill -9 in the middle of concurrent transactions, many times: after every restart each
 * acknowledged transfer is there (its history row and its effect on the balances), the balances
 * agree with the history, and the total never changed — no trace of unacknowledged transactions.
 */
class TransactionRecoveryIT {
  private static final int ROUNDS = 5;
  private static final int THREADS = 4;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"memory", "lsm", "btree"})
  void everyAcknowledgedCommitSurvivesAndNothingElse(String engine) throws Exception {
    Random random = new Random(engine.hashCode());
    Map<Long, long[]> acked = new HashMap<>();
    Path data = dir.resolve(engine);
    for (int round = 0; round < ROUNDS; round++) {
      int killAfter = 20 + random.nextInt(200);
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
          "-cp", System.getProperty("java.class.path"), TransferWriter.class.getName(),
          engine, data.toString(), String.valueOf(THREADS), String.valueOf(round)));
      Process child = new ProcessBuilder(cmd).redirectError(new File(dir.toFile(), engine + "-child-" + round + ".err")).start();
      CountDownLatch enough = new CountDownLatch(killAfter);
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("ACK ")) {
              String[] p = line.split(" ");
              synchronized (acked) {
                acked.put(Long.parseLong(p[1]), new long[] {Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[4])});
              }
              enough.countDown();
            }
          }
        } catch (java.io.IOException e) {
          // the child died
        }
      });
      reader.start();
      boolean reached = enough.await(5, TimeUnit.MINUTES); // a hang guard, not a timing assertion
      child.destroyForcibly(); // SIGKILL
      child.waitFor();
      reader.join();
      assertThat(reached).as("the child acknowledged %d transfers (see its stderr in %s)", killAfter, dir).isTrue();
      check(engine, data, acked);
    }
  }

  private static void check(String engine, Path data, Map<Long, long[]> acked) {
    StorageEngineFactory factory = ServiceLoader.load(StorageEngineFactory.class).stream()
        .map(ServiceLoader.Provider::get).filter(f -> f.name().equals(engine)).findFirst().orElseThrow();
    try (StorageEngine storage = factory.open(StorageContext.of(data)); SqlEngine sql = SqlEngine.open(storage);
        Session s = sql.newSession()) {
      Map<Long, long[]> history = new HashMap<>();
      try (StatementResult r = s.execute("SELECT id, src, dst, amount FROM history")) {
        Object[] row;
        while ((row = r.next()) != null) {
          history.put(((Number) row[0]).longValue(), new long[] {((Number) row[1]).longValue(),
              ((Number) row[2]).longValue(), ((Number) row[3]).longValue()});
        }
      }
      for (Map.Entry<Long, long[]> e : acked.entrySet()) {
        assertThat(history).as("acknowledged transfer %d", e.getKey()).containsKey(e.getKey());
        assertThat(history.get(e.getKey())).isEqualTo(e.getValue());
      }
      long[] expected = new long[TransferWriter.ACCOUNTS];
      java.util.Arrays.fill(expected, TransferWriter.START);
      for (long[] h : history.values()) {
        expected[(int) h[0]] -= h[2];
        expected[(int) h[1]] += h[2];
      }
      long total = 0;
      try (StatementResult r = s.execute("SELECT id, bal FROM acct ORDER BY id")) {
        Object[] row;
        while ((row = r.next()) != null) {
          int id = ((Number) row[0]).intValue();
          long bal = ((Number) row[1]).longValue();
          assertThat(bal).as("balance of %d agrees with the history", id).isEqualTo(expected[id]);
          total += bal;
        }
      }
      assertThat(total).isEqualTo(TransferWriter.START * TransferWriter.ACCOUNTS);
    }
  }
}
