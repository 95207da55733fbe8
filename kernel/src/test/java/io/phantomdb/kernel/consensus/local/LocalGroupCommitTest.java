package io.phantomdb.kernel.consensus.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.consensus.GroupContext;
import io.phantomdb.spi.consensus.LogEntry;
import io.phantomdb.spi.consensus.ReplicationGroup;
import io.phantomdb.tck.consensus.RecordingStateMachine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit in the {@code local} provider: commands submitted while an {@code apply} call is
 * in progress are handed to the state machine together, so one synced storage batch covers many
 * of them. The first {@code apply} call waits at a gate the test opens once everything is
 * submitted; the assertions are on counts, never on time.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalGroupCommitTest {
  @TempDir Path dir;
  private RecordingStateMachine recorder;
  private GatedStateMachine gated;
  private ReplicationGroup group;

  private void open(Map<String, String> options) {
    recorder = RecordingStateMachine.open(dir.resolve("state"));
    gated = new GatedStateMachine(recorder);
    group = new LocalConsensusProvider().open(new GroupContext("group-commit", gated, dir.resolve("group"), options));
  }

  @AfterEach
  void close() {
    gated.open();
    group.close();
    recorder.fence();
    assertThat(recorder.violations()).isEmpty();
    recorder.close();
  }

  @Test
  void concurrentTransactionsShareOneSyncedApplyCall() throws Exception {
    open(Map.of());
    int transactions = 16;
    CountDownLatch submitted = new CountDownLatch(transactions);
    List<Long> indexes = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < transactions; t++) {
      byte[] command = ("txn " + t).getBytes(StandardCharsets.UTF_8);
      Thread thread = new Thread(() -> {
        CompletableFuture<Long> commit = group.submit(command);
        submitted.countDown();
        indexes.add(commit.join()); // each transaction waits for its own commit
      });
      thread.start();
      threads.add(thread);
    }
    submitted.await();
    gated.open();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(indexes).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, transactions).boxed().toList());
    assertThat(recorder.applyCalls()).as("apply calls (one fsync each) for %d commits", transactions)
        .isLessThanOrEqualTo(2);
    assertThat(recorder.applySizes()).as("entries per apply call").hasSizeLessThan(transactions);
    assertThat(recorder.lastApplied()).isEqualTo(transactions);
  }

  @Test
  void aBacklogIsAppliedInBatchesOfMaxBatch() throws Exception {
    open(Map.of("max-batch", "16"));
    List<CompletableFuture<Long>> futures = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int n = t;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 100; i++) {
          futures.add(group.submit((n + "/" + i).getBytes(StandardCharsets.UTF_8)));
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    gated.open();
    assertThat(futures).extracting(CompletableFuture::join)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
    List<Integer> sizes = recorder.applySizes();
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 16));
    assertThat(sizes.subList(1, sizes.size() - 1)).as("calls after the first take a full batch")
        .containsOnly(16);
    assertThat(sizes.size()).isLessThanOrEqualTo(1 + (399 + 15) / 16);
    assertThat(recorder.entries()).extracting(LogEntry::index)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
  }
}
