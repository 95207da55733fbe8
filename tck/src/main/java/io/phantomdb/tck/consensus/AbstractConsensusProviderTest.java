package io.phantomdb.tck.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.consensus.ConsensusException;
import io.phantomdb.spi.consensus.GroupClosedException;
import io.phantomdb.spi.consensus.LogEntry;
import io.phantomdb.spi.consensus.ReplicationGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consensus provider conformance suite, on a single-node group: indexes, order, exactly-once
 * application, acknowledgement only after apply, many concurrent submitters, close, stopping when
 * the state machine fails, and resuming after {@code lastApplied()} on reopen. Every test also
 * checks the provider kept the {@link io.phantomdb.spi.consensus.StateMachine} contract (see
 * {@link RecordingStateMachine}).
 *
 * <p>A provider's test class extends this and implements only {@link #openGroup}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class AbstractConsensusProviderTest extends ConsensusTestSupport {

  @Test
  void theFirstCommandGetsIndexOneAndIsAppliedWhenItsFutureCompletes() {
    assertThat(stateMachine.lastApplied()).isZero();
    assertThat(commit("first")).isEqualTo(1);
    assertThat(stateMachine.lastApplied()).isEqualTo(1);
    assertThat(s(stateMachine.command(1))).isEqualTo("first");
    assertThat(commit("second")).isEqualTo(2);
    assertThat(stateMachine.entries()).extracting(e -> s(e.command())).containsExactly("first", "second");
  }

  @Test
  void oneThreadsCommandsGetConsecutiveIndexesInSubmissionOrder() {
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(group.submit(b("c" + i)));
    }
    assertThat(futures).extracting(CompletableFuture::join)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    assertThat(stateMachine.entries()).extracting(e -> s(e.command()))
        .containsExactlyElementsOf(LongStream.range(0, 200).mapToObj(i -> "c" + i).toList());
  }

  @Test
  void aFutureCompletesOnlyAfterItsCommandIsApplied() throws Exception {
    List<String> problems = new CopyOnWriteArrayList<>();
    List<CompletableFuture<?>> all = new CopyOnWriteArrayList<>();
    runConcurrently(4, t -> {
      for (int i = 0; i < 100; i++) {
        byte[] command = b(t + "/" + i);
        all.add(group.submit(command).thenAccept(index -> {
          if (stateMachine.lastApplied() < index || !Arrays.equals(stateMachine.command(index), command)) {
            problems.add("index " + index + " completed before its command was applied");
          }
        }));
      }
    });
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    assertThat(problems).isEmpty();
  }

  @Test
  void concurrentSubmittersHaveEveryCommandAppliedOnceInOneOrder() throws Exception {
    int threads = 8;
    int perThread = 200;
    Map<String, CompletableFuture<Long>> futures = new ConcurrentHashMap<>();
    runConcurrently(threads, t -> {
      for (int i = 0; i < perThread; i++) {
        CompletableFuture<Long> f = group.submit(b(t + "/" + i));
        futures.put(t + "/" + i, f);
        if (i % 10 == 9) {
          f.join(); // as a transaction waiting for its commit would
        }
      }
    });
    int total = threads * perThread;
    Map<Long, String> byIndex = new HashMap<>();
    futures.forEach((command, f) -> assertThat(byIndex.put(f.join(), command)).as("index %d given twice", f.join()).isNull());
    assertThat(byIndex.keySet()).as("indexes are dense").containsExactlyInAnyOrderElementsOf(
        LongStream.rangeClosed(1, total).boxed().toList());
    List<LogEntry> log = stateMachine.entries();
    assertThat(log).hasSize(total);
    assertThat(stateMachine.lastApplied()).isEqualTo(total);
    int[] lastSeq = new int[threads];
    Arrays.fill(lastSeq, -1);
    for (LogEntry e : log) {
      String command = s(e.command());
      assertThat(command).as("command at index %d", e.index()).isEqualTo(byIndex.get(e.index()));
      String[] parts = command.split("/");
      int t = Integer.parseInt(parts[0]);
      int seq = Integer.parseInt(parts[1]);
      assertThat(seq).as("thread %d's commands in submission order", t).isEqualTo(lastSeq[t] + 1);
      lastSeq[t] = seq;
    }
  }

  @Test
  void emptyAndLargeCommandsArriveIntact() {
    byte[] large = new byte[4 << 20];
    new Random(42).nextBytes(large);
    long empty = group.submit(new byte[0]).join();
    long big = group.submit(large).join();
    assertThat(stateMachine.command(empty)).isEmpty();
    assertThat(stateMachine.command(big)).isEqualTo(large);
  }

  @Test
  void aNullCommandIsRefused() {
    assertThatThrownBy(() -> group.submit(null)).isInstanceOf(NullPointerException.class);
    assertThat(commit("next")).isEqualTo(1);
  }

  @Test
  void aSingleNodeGroupLeadsUntilItIsClosed() {
    commit("a");
    assertThat(group.isLeader()).isTrue();
    group.close();
    assertThat(group.isLeader()).isFalse();
  }

  @Test
  void submitAfterCloseFailsWithGroupClosedAndCloseIsIdempotent() {
    commit("a");
    group.close();
    group.close();
    assertThat(failureOf(group.submit(b("late")))).isInstanceOf(GroupClosedException.class);
    assertThat(stateMachine.lastApplied()).isEqualTo(1);
  }

  @Test
  void closeCompletesEveryFutureAndThenNoMoreIsApplied() throws Exception {
    List<CompletableFuture<Long>> futures = new CopyOnWriteArrayList<>();
    Map<CompletableFuture<Long>, String> commands = new ConcurrentHashMap<>();
    CountDownLatch someCommitted = new CountDownLatch(1);
    List<CompletableFuture<Long>> pendingAfterClose = new CopyOnWriteArrayList<>();
    FutureTask<Void> closing = new FutureTask<>(() -> {
      someCommitted.await();
      group.close();
      List.copyOf(futures).stream().filter(f -> !f.isDone()).forEach(pendingAfterClose::add);
      stateMachine.fence();
      return null;
    });
    new Thread(closing, "closer").start();
    runConcurrently(4, t -> {
      for (int i = 0; i < 250; i++) {
        CompletableFuture<Long> f = group.submit(b(t + "/" + i));
        commands.put(f, t + "/" + i);
        futures.add(f);
        f.thenRun(someCommitted::countDown);
      }
    });
    closing.get();
    assertThat(pendingAfterClose).as("futures still pending when close returned").isEmpty();
    long applied = stateMachine.lastApplied();
    for (CompletableFuture<Long> f : futures) {
      if (f.isCompletedExceptionally()) {
        assertThat(failureOf(f)).isInstanceOf(GroupClosedException.class);
      } else {
        assertThat(s(stateMachine.command(f.join()))).isEqualTo(commands.get(f));
      }
    }
    assertThat(stateMachine.entries()).hasSize((int) applied)
        .extracting(e -> s(e.command())).doesNotHaveDuplicates();
    stateMachine.unfence();
    group = openGroup(groupDirectory(), stateMachine);
    long next = commit("after reopen");
    assertThat(next).isGreaterThan(applied).isEqualTo(stateMachine.lastApplied());
    assertThat(stateMachine.entries()).extracting(LogEntry::index)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, next).boxed().toList());
  }

  @Test
  void reopeningResumesAfterLastApplied() {
    for (int i = 1; i <= 10; i++) {
      assertThat(commit("c" + i)).isEqualTo(i);
    }
    restart();
    assertThat(stateMachine.lastApplied()).isEqualTo(10);
    assertThat(commit("c11")).isEqualTo(11);
    reopenGroup();
    assertThat(commit("c12")).isEqualTo(12);
    assertThat(stateMachine.entries()).extracting(e -> s(e.command()))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).mapToObj(i -> "c" + i).toList());
  }

  @Test
  void aStateMachineFailureFailsTheCommandAndStopsTheGroup() {
    assertThat(commit("ok")).isEqualTo(1);
    stateMachine.failOn(b("poison"));
    Throwable failure = failureOf(group.submit(b("poison")));
    assertThat(failure).isExactlyInstanceOf(ConsensusException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(failureOf(group.submit(b("after")))).isInstanceOf(ConsensusException.class);
    assertThat(group.isLeader()).isFalse();
    assertThat(stateMachine.lastApplied()).isEqualTo(1);
    stateMachine.failOn(null);
    reopenGroup();
    assertThat(commit("again")).isEqualTo(2);
    assertThat(stateMachine.entries()).extracting(e -> s(e.command())).containsExactly("ok", "again");
  }

  @Test
  void groupsInOtherDirectoriesAreIndependent() {
    try (RecordingStateMachine otherState = RecordingStateMachine.open(tempDir.resolve("state2"));
        ReplicationGroup other = openGroup(tempDir.resolve("group2"), otherState)) {
      assertThat(commit("here")).isEqualTo(1);
      assertThat(other.submit(b("there")).join()).isEqualTo(1);
      assertThat(commit("here again")).isEqualTo(2);
      other.close();
      otherState.fence();
      assertThat(s(otherState.command(1))).isEqualTo("there");
      assertThat(otherState.violations()).isEmpty();
    }
    assertThat(stateMachine.entries()).extracting(e -> s(e.command())).containsExactly("here", "here again");
  }

  /** Work for one of several threads started together. */
  @FunctionalInterface
  protected interface ThreadBody {
    /**
     * @param thread the thread's number, from 0
     * @throws Exception failing the test
     */
    void run(int thread) throws Exception;
  }

  /** Runs {@code body} on {@code threads} threads released at once, and rethrows a failure. */
  protected static void runConcurrently(int threads, ThreadBody body) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int n = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          body.run(n);
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "submitter-" + t);
      thread.start();
      started.add(thread);
    }
    start.countDown();
    for (Thread thread : started) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("a submitter thread failed", failures.get(0));
      failures.stream().skip(1).forEach(error::addSuppressed);
      throw error;
    }
  }
}
