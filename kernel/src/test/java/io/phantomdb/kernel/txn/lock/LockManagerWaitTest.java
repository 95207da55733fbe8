package io.phantomdb.kernel.txn.lock;

import static io.phantomdb.kernel.txn.lock.LockTestSupport.REL;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.await;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.awaitCondition;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.awaitFailure;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.awaitWaiting;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.key;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.lock;
import static io.phantomdb.kernel.txn.lock.RowLockMode.KEY_SHARE;
import static io.phantomdb.kernel.txn.lock.RowLockMode.NO_KEY_UPDATE;
import static io.phantomdb.kernel.txn.lock.RowLockMode.SHARE;
import static io.phantomdb.kernel.txn.lock.RowLockMode.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiting: wake-ups on release, FIFO order, upgrades, NOWAIT, timeout, cancel and interrupt. */
class LockManagerWaitTest {
  private final LockManager locks = new LockManager();
  private final LockTestSupport threads = new LockTestSupport();
  private final LockKey k = key(1);

  @AfterEach
  void stopThreads() {
    threads.close();
  }

  private Future<Boolean> lockAsync(long txn, LockKey key, RowLockMode mode) {
    return threads.async(() -> lock(locks, txn, key, mode));
  }

  private static boolean waiting(LockManager locks, long txn) {
    return locks.snapshot().stream().anyMatch(l -> l.transactionId() == txn && !l.granted());
  }

  @Test
  void waiterIsGrantedWhenTheHolderReleases() {
    assertThat(lock(locks, 1, k, UPDATE)).isTrue();
    Future<Boolean> t2 = lockAsync(2, k, SHARE);
    awaitWaiting(locks, 2);
    assertThat(locks.blockers(2)).containsExactly(1L);
    assertThat(locks.snapshot())
        .anySatisfy(
            l -> {
              assertThat(l.transactionId()).isEqualTo(2);
              assertThat(l.mode()).isEqualTo(SHARE);
              assertThat(l.granted()).isFalse();
              assertThat(l.waitStart()).isNotNull();
            });
    locks.releaseAll(1);
    assertThat(await(t2)).isTrue();
    assertThat(locks.heldMode(2, k)).isEqualTo(SHARE);
    assertThat(locks.blockers(2)).isEmpty();
    locks.releaseAll(2);
    assertThat(locks.snapshot()).isEmpty();
  }

  @Test
  void waitingExclusiveIsNotStarvedByLaterShares() {
    assertThat(lock(locks, 1, k, SHARE)).isTrue();
    Future<Boolean> t2 = lockAsync(2, k, UPDATE);
    awaitWaiting(locks, 2);
    // txn 1's SHARE would let a SHARE in, but txn 2 was first and SHARE conflicts with its UPDATE
    assertThatThrownBy(() -> locks.acquire(3, k, SHARE, WaitPolicy.NOWAIT, REL))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("55P03"));
    Future<Boolean> t3 = lockAsync(3, k, SHARE);
    awaitWaiting(locks, 3);
    assertThat(locks.blockers(3)).containsExactly(2L);
    locks.releaseAll(1);
    assertThat(await(t2)).isTrue();
    assertThat(waiting(locks, 3)).isTrue(); // behind txn 2's UPDATE now
    assertThat(locks.blockers(3)).containsExactly(2L);
    locks.releaseAll(2);
    assertThat(await(t3)).isTrue();
  }

  @Test
  void compatibleRequestsPassAWaiterTheyDoNotConflictWith() {
    assertThat(lock(locks, 1, k, NO_KEY_UPDATE)).isTrue();
    Future<Boolean> t2 = lockAsync(2, k, SHARE);
    awaitWaiting(locks, 2);
    // KEY SHARE conflicts neither with the NO KEY UPDATE held nor with the SHARE waiting
    assertThat(locks.acquire(3, k, KEY_SHARE, WaitPolicy.NOWAIT, REL)).isTrue();
    locks.releaseAll(1);
    assertThat(await(t2)).isTrue();
  }

  @Test
  void compatibleWaitersAreGrantedTogether() {
    assertThat(lock(locks, 1, k, UPDATE)).isTrue();
    Future<Boolean> t2 = lockAsync(2, k, SHARE);
    awaitWaiting(locks, 2);
    Future<Boolean> t3 = lockAsync(3, k, KEY_SHARE);
    awaitWaiting(locks, 3);
    locks.releaseAll(1);
    assertThat(await(t2)).isTrue();
    assertThat(await(t3)).isTrue();
    assertThat(locks.snapshot()).hasSize(2).allMatch(LockInfo::granted);
  }

  @Test
  void upgradeWaitsForTheOtherSharerAndGoesAheadOfNewcomers() {
    assertThat(lock(locks, 1, k, SHARE)).isTrue();
    assertThat(lock(locks, 2, k, SHARE)).isTrue();
    Future<Boolean> t3 = lockAsync(3, k, UPDATE);
    awaitWaiting(locks, 3);
    Future<Boolean> t1 = lockAsync(1, k, UPDATE);
    awaitWaiting(locks, 1);
    assertThat(locks.blockers(1)).containsExactly(2L);
    assertThat(locks.snapshot())
        .filteredOn(l -> l.transactionId() == 1)
        .extracting(LockInfo::mode, LockInfo::granted)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(SHARE, true),
            org.assertj.core.groups.Tuple.tuple(UPDATE, false));
    locks.releaseAll(2);
    assertThat(await(t1)).isTrue();
    assertThat(locks.heldMode(1, k)).isEqualTo(UPDATE);
    assertThat(waiting(locks, 3)).isTrue();
    locks.releaseAll(1);
    assertThat(await(t3)).isTrue();
  }

  @Test
  void skipLockedLeavesNothingBehind() {
    assertThat(lock(locks, 1, k, UPDATE)).isTrue();
    assertThat(locks.acquire(2, k, KEY_SHARE, WaitPolicy.SKIP_LOCKED, REL)).isFalse();
    assertThat(locks.snapshot()).containsExactly(new LockInfo(1, k, UPDATE, true, null));
    locks.releaseAll(2);
  }

  @Test
  void lockTimeoutFailsTheWaiterOnly() {
    assertThat(lock(locks, 1, k, UPDATE)).isTrue();
    assertThatThrownBy(
            () -> locks.acquire(2, k, SHARE, WaitPolicy.waitFor(Duration.ofMillis(20)), REL))
        .isInstanceOfSatisfying(
            SqlException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo("55P03");
              assertThat(e.getMessage()).isEqualTo("canceling statement due to lock timeout");
            });
    assertThat(locks.snapshot()).containsExactly(new LockInfo(1, k, UPDATE, true, null));
    locks.releaseAll(2);
    locks.releaseAll(1);
    assertThat(locks.snapshot()).isEmpty();
  }

  @Test
  void cancelEndsTheWaitAndLetsTheWaitersBehindIn() {
    assertThat(lock(locks, 1, k, SHARE)).isTrue();
    Future<Boolean> t2 = lockAsync(2, k, UPDATE);
    awaitWaiting(locks, 2);
    Future<Boolean> t3 = lockAsync(3, k, SHARE); // waits only because txn 2 is ahead
    awaitWaiting(locks, 3);
    assertThat(locks.cancel(2)).isTrue();
    SqlException e = awaitFailure(t2);
    assertThat(e.sqlState()).isEqualTo("57014");
    assertThat(e.getMessage()).isEqualTo("canceling statement due to user request");
    assertThat(await(t3)).isTrue();
    assertThat(locks.cancel(2)).isFalse();
    assertThat(locks.cancel(1)).isFalse(); // not waiting
    locks.releaseAll(2);
    locks.releaseAll(1);
    locks.releaseAll(3);
    assertThat(locks.snapshot()).isEmpty();
  }

  @Test
  void interruptCancelsTheWaitAndKeepsTheInterruptStatus() {
    assertThat(lock(locks, 1, k, UPDATE)).isTrue();
    AtomicReference<Thread> waiter = new AtomicReference<>();
    Future<Boolean> t2 =
        threads.async(
            () -> {
              waiter.set(Thread.currentThread());
              try {
                lock(locks, 2, k, UPDATE);
                return false;
              } catch (SqlException e) {
                assertThat(e.sqlState()).isEqualTo("57014");
                return Thread.currentThread().isInterrupted();
              }
            });
    awaitWaiting(locks, 2);
    waiter.get().interrupt();
    assertThat(await(t2)).isTrue();
    assertThat(locks.snapshot()).containsExactly(new LockInfo(1, k, UPDATE, true, null));
  }

  @Test
  void aWaitingTransactionCannotReleaseOrWaitTwice() {
    assertThat(lock(locks, 1, k, UPDATE)).isTrue();
    assertThat(lock(locks, 1, key(2), UPDATE)).isTrue();
    Future<Boolean> t2 = lockAsync(2, k, UPDATE);
    awaitWaiting(locks, 2);
    assertThatThrownBy(() -> locks.releaseAll(2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> lock(locks, 2, key(2), SHARE))
        .isInstanceOf(IllegalStateException.class);
    locks.releaseAll(1);
    assertThat(await(t2)).isTrue();
    assertThat(locks.snapshot()).containsExactly(new LockInfo(2, k, UPDATE, true, null));
  }

  @Test
  void aLongWaitWithoutCycleIsNoDeadlock() {
    LockManager fast = new LockManager(Duration.ofMillis(10));
    assertThat(lock(fast, 1, k, UPDATE)).isTrue();
    assertThat(lock(fast, 2, key(2), UPDATE)).isTrue();
    Future<Boolean> t2 = threads.async(() -> lock(fast, 2, k, UPDATE));
    awaitWaiting(fast, 2);
    Future<Boolean> t3 = threads.async(() -> lock(fast, 3, key(2), UPDATE)); // a chain 3 -> 2 -> 1
    awaitWaiting(fast, 3);
    awaitCondition("both waiters searched for a deadlock", () -> fast.deadlockChecks() >= 2);
    assertThat(fast.deadlocksDetected()).isZero();
    fast.releaseAll(1);
    assertThat(await(t2)).isTrue();
    fast.releaseAll(2);
    assertThat(await(t3)).isTrue();
    fast.releaseAll(3);
    assertThat(fast.snapshot()).isEmpty();
  }
}
