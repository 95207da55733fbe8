package io.phantomdb.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under {@code kill -9}: a child JVM ({@link DurabilityWriter}) writes synced batches
 * and reports each acknowledgement; the test kills it with SIGKILL at a random moment, reopens the
 * directory, and checks that every acknowledged batch is there, that the store holds a prefix of
 * the batches written (no gaps, nothing half-applied), and that unsynced batches followed by a
 * synced one survived too. Repeated over several kills of the same directory.
 *
 * <p>An engine's test class extends this, has a public no-argument constructor (the child
 * instantiates it to call the hook) and implements only {@link #createEngine(Path)}. Run by
 * Failsafe: it starts processes.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class AbstractStorageDurabilityIT {

  /** How many times the writer is killed and the directory reopened. */
  protected int kills() {
    return 5;
  }

  /**
   * The one hook, as in {@link StorageTestSupport#createEngine(Path)}.
   *
   * @param directory the engine's data directory
   * @return an open engine
   */
  protected abstract StorageEngine createEngine(Path directory);

  @TempDir Path tempDir;

  @Test
  void everyAcknowledgedBatchSurvivesKillMinusNine() throws Exception {
    Path dir = tempDir.resolve("engine");
    Random random = new Random();
    long acknowledged = 0;
    for (int round = 0; round < kills(); round++) {
      int killAfter = 20 + random.nextInt(150);
      long acked = runAndKill(dir, killAfter, random.nextInt(30));
      assertThat(acked).as("round %d acknowledged batches", round).isGreaterThanOrEqualTo(acknowledged);
      acknowledged = acked;
      verify(dir, acknowledged);
    }
  }

  private long runAndKill(Path dir, int killAfter, int extraMillis) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Xmx")) {
        cmd.add(arg);
      }
    }
    // Native libraries (RocksDB's) are unpacked into java.io.tmpdir and a killed JVM cannot
    // remove them: keep them inside this test's directory, which JUnit removes.
    Path childTmp = Files.createDirectories(tempDir.resolve("child-tmp"));
    cmd.add("-Djava.io.tmpdir=" + childTmp);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(DurabilityWriter.class.getName());
    cmd.add(getClass().getName());
    cmd.add(dir.toString());
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    long lastAck = -1;
    List<String> output = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      int acks = 0;
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          lastAck = Long.parseLong(line.substring(4));
          if (++acks == killAfter) {
            Thread.sleep(extraMillis);
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            break;
          }
        } else if (line.startsWith("READY ")) {
          lastAck = Math.max(lastAck, Long.parseLong(line.substring(6)));
        } else {
          output.add(line);
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lastAck).as("child output: %s", output).isGreaterThanOrEqualTo(0);
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    return lastAck;
  }

  private void verify(Path dir, long acknowledged) {
    try (StorageEngine engine = createEngine(dir)) {
      Keyspace a = engine.keyspace("a");
      Keyspace b = engine.keyspace("b");
      Keyspace c = engine.keyspace("c");
      long last = ByteBuffer.wrap(engine.get(engine.keyspace("meta"), DurabilityWriter.META_LAST)).getLong();
      assertThat(last).as("last durable batch").isGreaterThanOrEqualTo(acknowledged);
      for (long n = 1; n <= last; n++) {
        assertThat(engine.get(a, DurabilityWriter.key(n))).as("a/%d", n).isEqualTo(DurabilityWriter.value(n));
        assertThat(engine.get(b, DurabilityWriter.key(n))).as("b/%d", n).isEqualTo(DurabilityWriter.value(n));
      }
      assertThat(count(engine, a)).as("no batch beyond meta/last").isEqualTo(last);
      assertThat(count(engine, b)).isEqualTo(last);
      for (long n = 3; n <= last + 3; n += 3) {
        long fillers = count(engine, c, KeyRange.prefix(DurabilityWriter.key(n)));
        if (n <= last) {
          assertThat(fillers).as("filler %d, followed by a synced batch", n).isEqualTo(DurabilityWriter.FILLER_KEYS);
        } else {
          assertThat(fillers).as("filler %d is whole or absent", n).isIn(0L, (long) DurabilityWriter.FILLER_KEYS);
        }
      }
    }
  }

  private static long count(StorageEngine engine, Keyspace ks) {
    return count(engine, ks, KeyRange.all());
  }

  private static long count(StorageEngine engine, Keyspace ks, KeyRange range) {
    long n = 0;
    try (Cursor cur = engine.scan(ks, range, ScanOrder.FORWARD)) {
      while (cur.next()) {
        n++;
      }
    }
    return n;
  }
}
