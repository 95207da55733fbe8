package io.phantomdb.tck.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.consensus.LogEntry;
import io.phantomdb.spi.consensus.ReplicationGroup;
import io.phantomdb.spi.consensus.StateMachine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under {@code kill -9}: a child JVM ({@link ConsensusDurabilityWriter}) submits
 * commands from several threads and reports each completed future; the test kills it with
 * SIGKILL at a random moment, reopens the state machine and the group, and checks that every
 * command whose future completed is applied at the index it was given, that indexes are dense,
 * that no command is applied twice, and that each thread's commands are applied in submission
 * order; then that the reopened group commits the next command right after what was applied.
 * Repeated over several kills of the same directory.
 *
 * <p>A provider's test class extends this, has a public no-argument constructor (the child
 * instantiates it to call the hook) and implements only {@link #openGroup(Path, StateMachine)}.
 * Run by Failsafe: it starts processes.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class AbstractConsensusDurabilityIT {

  /** How many times the writer is killed and the directory reopened. */
  protected int kills() {
    return 5;
  }

  /**
   * The one hook, as in {@link ConsensusTestSupport#openGroup(Path, StateMachine)}.
   *
   * @param directory the group's data directory
   * @param stateMachine the state machine that applies the group's commands
   * @return the open group
   */
  protected abstract ReplicationGroup openGroup(Path directory, StateMachine stateMachine);

  @TempDir Path tempDir;

  @Test
  void everyAcknowledgedCommandIsAppliedAfterKillMinusNine() throws Exception {
    Path dir = tempDir.resolve("node");
    Random random = new Random();
    Map<Long, String> acknowledged = new HashMap<>();
    for (int round = 0; round < kills(); round++) {
      int killAfter = 20 + random.nextInt(300);
      runAndKill(dir, killAfter, random.nextInt(30), acknowledged);
      verify(dir, acknowledged, round);
    }
  }

  private void runAndKill(Path dir, int killAfter, int extraMillis, Map<Long, String> acknowledged)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Xmx")) {
        cmd.add(arg);
      }
    }
    Path childTmp = Files.createDirectories(tempDir.resolve("child-tmp"));
    cmd.add("-Djava.io.tmpdir=" + childTmp);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ConsensusDurabilityWriter.class.getName());
    cmd.add(getClass().getName());
    cmd.add(dir.toString());
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    boolean ready = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      int acks = 0;
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          String[] parts = line.split(" ", 3);
          String earlier = acknowledged.put(Long.parseLong(parts[1]), parts[2]);
          assertThat(earlier).as("index %s acknowledged twice", parts[1]).isNull();
          if (++acks == killAfter) {
            Thread.sleep(extraMillis);
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            break;
          }
        } else if (line.startsWith("READY ")) {
          ready = true;
        } else {
          output.add(line);
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(ready).as("child output: %s", output).isTrue();
    assertThat(output).as("commands that failed in the child").noneMatch(l -> l.startsWith("FAILED "));
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
  }

  private void verify(Path dir, Map<Long, String> acknowledged, int round) {
    try (RecordingStateMachine stateMachine = RecordingStateMachine.open(dir.resolve("state"))) {
      long next;
      try (ReplicationGroup group = openGroup(dir.resolve("group"), stateMachine)) {
        next = group.submit(("probe " + round).getBytes(StandardCharsets.UTF_8)).join();
      }
      stateMachine.fence();
      assertThat(stateMachine.violations()).as("consensus contract violations").isEmpty();
      assertThat(stateMachine.lastApplied()).as("the probe is the last command").isEqualTo(next);
      List<LogEntry> log = stateMachine.entries();
      assertThat(log).as("indexes are dense").hasSize((int) next);
      Map<Long, String> applied = new HashMap<>();
      for (int i = 0; i < log.size(); i++) {
        assertThat(log.get(i).index()).as("entry %d", i).isEqualTo(i + 1);
        applied.put(log.get(i).index(), new String(log.get(i).command(), StandardCharsets.UTF_8));
      }
      acknowledged.forEach((index, command) ->
          assertThat(applied.get(index)).as("acknowledged command at index %d", index).isEqualTo(command));
      assertThat(new HashSet<>(applied.values())).as("no command applied twice").hasSize(applied.size());
      checkSubmissionOrder(log);
    }
  }

  private static void checkSubmissionOrder(List<LogEntry> log) {
    Map<String, Long> lastSeq = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (LogEntry e : log) {
      String[] parts = new String(e.command(), StandardCharsets.UTF_8).split(" ");
      if (parts[0].equals("probe")) {
        continue;
      }
      String submitter = parts[0] + " " + parts[1];
      long seq = Long.parseLong(parts[2]);
      Long previous = lastSeq.put(submitter, seq);
      assertThat(previous == null || previous < seq)
          .as("submitter %s: command %d applied after %d", submitter, seq, previous).isTrue();
      seen.add(submitter);
    }
    assertThat(seen).as("submitters whose commands were applied").isNotEmpty();
  }
}
