package io.phantomdb.kernel.consensus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.consensus.ConsensusException;
import io.phantomdb.spi.consensus.GroupClosedException;
import io.phantomdb.spi.consensus.GroupContext;
import io.phantomdb.spi.consensus.ReplicationGroup;
import io.phantomdb.tck.consensus.RecordingStateMachine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the TCK cannot ask of every provider: the {@code local} provider's bounded queue
 * (back-pressure, interrupts), close while an apply call is in progress, its committer thread
 * ending, and its options. An {@code apply} gate, not timing, holds commands back.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalReplicationGroupTest {
  private static final String GROUP = "local-group-test";

  @TempDir Path dir;
  private RecordingStateMachine recorder;
  private GatedStateMachine gated;
  private ReplicationGroup group;

  private void open(Map<String, String> options) {
    recorder = RecordingStateMachine.open(dir.resolve("state"));
    gated = new GatedStateMachine(recorder);
    group = new LocalConsensusProvider().open(new GroupContext(GROUP, gated, dir.resolve("group"), options));
  }

  @AfterEach
  void close() {
    if (group != null) {
      gated.open();
      group.close();
      recorder.fence();
      assertThat(recorder.violations()).isEmpty();
      recorder.close();
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Throwable failureOf(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failed future");
  }

  /** Starts a thread submitting {@code count} commands; returns once it is blocked on a full queue. */
  private Thread submitUntilBlocked(int count, List<CompletableFuture<Long>> futures, AtomicInteger submitted)
      throws InterruptedException {
    Thread submitter = new Thread(() -> {
      for (int i = 1; i <= count; i++) {
        futures.add(group.submit(b("c" + i)));
        submitted.incrementAndGet();
      }
    });
    submitter.start();
    gated.awaitFirstApply();
    while (submitter.isAlive() && !(submitter.getState() == Thread.State.WAITING && submitted.get() == 5)) {
      Thread.sleep(1);
    }
    return submitter;
  }

  @Test
  void aFullQueueBlocksTheSubmitterUntilTheCommitterTakesMore() throws Exception {
    open(Map.of("queue-capacity", "4", "max-batch", "1"));
    List<CompletableFuture<Long>> futures = new CopyOnWriteArrayList<>();
    AtomicInteger submitted = new AtomicInteger();
    Thread submitter = submitUntilBlocked(10, futures, submitted);
    assertThat(submitter.isAlive()).as("blocked in submit").isTrue();
    assertThat(submitted.get()).as("one command in apply, four queued").isEqualTo(5);
    gated.open();
    submitter.join();
    assertThat(futures).extracting(CompletableFuture::join)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
  }

  @Test
  void anInterruptedSubmitterGetsAFailedFutureAndKeepsItsInterrupt() throws Exception {
    open(Map.of("queue-capacity", "4", "max-batch", "1"));
    List<CompletableFuture<Long>> futures = new CopyOnWriteArrayList<>();
    AtomicInteger submitted = new AtomicInteger();
    Thread submitter = submitUntilBlocked(6, futures, submitted);
    submitter.interrupt();
    submitter.join();
    assertThat(failureOf(futures.get(5))).isExactlyInstanceOf(ConsensusException.class)
        .hasMessage("interrupted while waiting for room in the queue of replication group '" + GROUP
            + "'; the command was not submitted");
    gated.open();
    assertThat(futures.subList(0, 5)).extracting(CompletableFuture::join).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(recorder.lastApplied()).isEqualTo(5);
  }

  @Test
  void closeFailsWaitingCommandsAndWaitsForTheApplyInProgress() throws Exception {
    open(Map.of("max-batch", "1"));
    CompletableFuture<Long> applying = group.submit(b("in apply"));
    gated.awaitFirstApply();
    List<CompletableFuture<Long>> waiting =
        List.of(group.submit(b("w1")), group.submit(b("w2")), group.submit(b("w3")));
    FutureTask<Void> closing = new FutureTask<>(() -> group.close(), null);
    new Thread(closing, "closer").start();
    for (CompletableFuture<Long> f : waiting) {
      assertThat(failureOf(f)).isInstanceOf(GroupClosedException.class)
          .hasMessage("replication group '" + GROUP + "' is closed; the command was not applied");
    }
    assertThat(closing).as("close waits for the apply call in progress").isNotDone();
    assertThat(applying).isNotDone();
    gated.open();
    closing.get();
    assertThat(applying.join()).isEqualTo(1);
    assertThat(recorder.lastApplied()).isEqualTo(1);
    assertThat(committerThreads()).as("committer threads alive after close").isEmpty();
  }

  @Test
  void closeFromACallbackOnTheCommitterThreadDoesNotWaitForItself() throws Exception {
    open(Map.of());
    CompletableFuture<Void> closedByCallback = group.submit(b("last")).thenRun(group::close);
    gated.awaitFirstApply();
    gated.open();
    closedByCallback.join();
    assertThat(failureOf(group.submit(b("late")))).isInstanceOf(GroupClosedException.class);
    for (Thread t : committerThreads()) {
      t.join();
    }
    assertThat(recorder.lastApplied()).isEqualTo(1);
  }

  @Test
  void optionsAreChecked() {
    LocalConsensusProvider provider = new LocalConsensusProvider();
    assertThat(provider.name()).isEqualTo("local");
    assertThat(provider.supportedOptions()).containsOnlyKeys("queue-capacity", "max-batch");
    try (RecordingStateMachine sm = RecordingStateMachine.open(dir.resolve("options"))) {
      assertThatThrownBy(() -> provider.open(new GroupContext("g", sm, dir, Map.of("batch", "2"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown option 'batch' for consensus provider local; known options: queue-capacity, max-batch");
      assertThatThrownBy(() -> provider.open(new GroupContext("g", sm, dir, Map.of("max-batch", "0"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("option 'max-batch' must be at least 1, got 0");
      assertThatThrownBy(() -> provider.open(new GroupContext("g", sm, dir, Map.of("queue-capacity", "lots"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("option 'queue-capacity' must be a whole number, got 'lots'");
    }
  }

  private static List<Thread> committerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(LocalReplicationGroup.THREAD_PREFIX + GROUP) && t.isAlive())
        .toList();
  }
}
