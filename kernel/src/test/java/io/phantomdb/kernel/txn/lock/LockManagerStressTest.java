package io.phantomdb.kernel.txn.lock;

import static io.phantomdb.kernel.txn.lock.LockTestSupport.HANG_GUARD_SECONDS;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.REL;
import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.SqlException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Many transactions locking random rows of a small set in random order and modes. Checks mutual
 * exclusion (a plain counter per row, incremented by writers without atomics, stays right; no two
 * transactions are ever seen holding conflicting modes; a SHARE holder never sees the row change),
 * that every deadlock is resolved (nothing waits forever: every thread finishes) with one victim
 * per detected deadlock, and that no lock is left at the end.
 */
class LockManagerStressTest {
  private static final int THREADS = 16;
  private static final int ROUNDS = 250;
  private static final int KEYS = 6;
  private static final int MODES = RowLockMode.values().length;

  private final LockKey[] keys = new LockKey[KEYS];
  /** Plain, not atomic: only transactions holding a NO KEY UPDATE or UPDATE lock write it. */
  private final long[] counters = new long[KEYS];
  private final AtomicLongArray increments = new AtomicLongArray(KEYS);
  /** Per key and mode, how many transactions are known to hold it (a subset of the truth). */
  private final AtomicIntegerArray holding = new AtomicIntegerArray(KEYS * MODES);
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final AtomicLong nextTxn = new AtomicLong();
  private final AtomicLong victims = new AtomicLong();
  private final AtomicLong otherFailures = new AtomicLong();

  LockManagerStressTest() {
    for (int i = 0; i < KEYS; i++) {
      keys[i] = LockKey.of(new byte[] {'t', (byte) i});
    }
  }

  @Test
  void waitingTransactionsOnlyDeadlockDetectionCanFree() throws InterruptedException {
    LockManager locks = new LockManager(Duration.ofMillis(10), 4);
    run(locks, false);
    assertThat(victims.get()).isEqualTo(locks.deadlocksDetected());
  }

  @Test
  void mixedPoliciesAndCancels() throws InterruptedException {
    LockManager locks = new LockManager(Duration.ofMillis(10));
    run(locks, true);
    assertThat(victims.get()).isEqualTo(locks.deadlocksDetected());
  }

  private void run(LockManager locks, boolean mixed) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(THREADS);
    for (int t = 0; t < THREADS; t++) {
      long seed = 31L * t + 7;
      pool.execute(
          () -> {
            try {
              start.await();
              Random random = new Random(seed);
              for (int round = 0; round < ROUNDS; round++) {
                transaction(locks, random, mixed);
              }
            } catch (Throwable e) {
              violations.add("worker failed: " + e);
            } finally {
              done.countDown();
            }
          });
    }
    if (mixed) { // cancels whatever waits, now and then
      pool.execute(
          () -> {
            Random random = new Random(99);
            while (done.getCount() > 0) {
              locks.cancel(random.nextInt((int) Math.max(1, nextTxn.get())) + 1);
              LockSupport.parkNanos(200_000);
            }
          });
    }
    start.countDown();
    boolean finished = done.await(HANG_GUARD_SECONDS * 4, TimeUnit.SECONDS);
    pool.shutdownNow();
    assertThat(finished).as("every transaction finished (no deadlock left unresolved)").isTrue();
    assertThat(pool.awaitTermination(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(violations).isEmpty();
    assertThat(otherFailures.get()).as("unexpected errors").isZero();
    for (int k = 0; k < KEYS; k++) {
      assertThat(counters[k]).as("counter of key %d", k).isEqualTo(increments.get(k));
    }
    assertThat(locks.snapshot()).isEmpty();
    for (int i = 0; i < KEYS * MODES; i++) {
      assertThat(holding.get(i)).isZero();
    }
  }

  private void transaction(LockManager locks, Random random, boolean mixed) {
    long txn = nextTxn.incrementAndGet();
    Map<Integer, RowLockMode> mine = new HashMap<>();
    try {
      int steps = 1 + random.nextInt(4);
      for (int s = 0; s < steps; s++) {
        int k = random.nextInt(KEYS);
        RowLockMode mode = RowLockMode.values()[random.nextInt(MODES)];
        WaitPolicy policy = mixed ? randomPolicy(random) : WaitPolicy.WAIT_FOREVER;
        if (!locks.acquire(txn, keys[k], mode, policy, REL)) {
          continue; // SKIP LOCKED
        }
        RowLockMode had = mine.get(k);
        RowLockMode now = had == null ? mode : RowLockMode.strongest(had, mode);
        mine.put(k, now);
        if (now != had) {
          holding.incrementAndGet(k * MODES + now.ordinal());
          if (had != null) {
            holding.decrementAndGet(k * MODES + had.ordinal());
          }
        }
        checkNoConflictingHolder(k, now);
        work(k, now);
      }
    } catch (SqlException e) {
      switch (e.sqlState()) {
        case "40P01" -> victims.incrementAndGet();
        case "55P03", "57014" -> {
          if (!mixed) {
            otherFailures.incrementAndGet();
          }
        }
        default -> otherFailures.incrementAndGet();
      }
    } finally {
      mine.forEach((k, m) -> holding.decrementAndGet(k * MODES + m.ordinal()));
      locks.releaseAll(txn);
    }
  }

  private static WaitPolicy randomPolicy(Random random) {
    int p = random.nextInt(10);
    if (p == 0) {
      return WaitPolicy.NOWAIT;
    }
    if (p == 1) {
      return WaitPolicy.SKIP_LOCKED;
    }
    if (p == 2) {
      return WaitPolicy.waitFor(Duration.ofMillis(1 + random.nextInt(5)));
    }
    return WaitPolicy.WAIT_FOREVER;
  }

  private void checkNoConflictingHolder(int k, RowLockMode mine) {
    for (RowLockMode other : RowLockMode.values()) {
      int n = holding.get(k * MODES + other.ordinal()) - (other == mine ? 1 : 0);
      if (n > 0 && other.conflictsWith(mine)) {
        violations.add("key " + k + ": " + mine + " held beside " + n + " " + other);
      }
    }
  }

  /** Writers increment the row's counter non-atomically; SHARE holders check it stays put. */
  private void work(int k, RowLockMode mode) {
    long before = counters[k];
    Thread.yield();
    if (mode == RowLockMode.NO_KEY_UPDATE || mode == RowLockMode.UPDATE) {
      counters[k] = before + 1;
      increments.incrementAndGet(k);
    } else if (mode == RowLockMode.SHARE && counters[k] != before) {
      violations.add("key " + k + " changed under a SHARE lock");
    }
  }
}
