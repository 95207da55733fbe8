package io.phantomdb.kernel.txn.lock;

import static io.phantomdb.kernel.txn.lock.LockTestSupport.await;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.awaitWaiting;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.key;
import static io.phantomdb.kernel.txn.lock.LockTestSupport.lock;
import static io.phantomdb.kernel.txn.lock.RowLockMode.SHARE;
import static io.phantomdb.kernel.txn.lock.RowLockMode.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.SqlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlocks: each cycle costs exactly one victim (40P01, with a DETAIL naming the cycle), and the
 * other transactions of the cycle get their locks once the victim aborts.
 */
class LockManagerDeadlockTest {
  private final LockManager locks = new LockManager(Duration.ofMillis(50));
  private final LockTestSupport threads = new LockTestSupport();

  @AfterEach
  void stopThreads() {
    threads.close();
  }

  /** A transaction's last step: wait for a lock, then end (commit, or abort as victim). */
  private Future<SqlException> lastStep(long txn, LockKey key, RowLockMode mode) {
    return threads.async(
        () -> {
          try {
            assertThat(lock(locks, txn, key, mode)).isTrue();
            assertThat(locks.heldMode(txn, key)).isEqualTo(mode);
            return null;
          } catch (SqlException e) {
            return e;
          } finally {
            locks.releaseAll(txn);
          }
        });
  }

  /** Waits for every step; asserts exactly one failed with 40P01 and returns its DETAIL lines. */
  private List<String> oneVictim(List<Future<SqlException>> steps) {
    List<SqlException> errors = new ArrayList<>();
    for (Future<SqlException> f : steps) {
      SqlException e = await(f);
      if (e != null) {
        errors.add(e);
      }
    }
    assertThat(errors).hasSize(1);
    SqlException e = errors.get(0);
    assertThat(e.sqlState()).isEqualTo("40P01");
    assertThat(e.getMessage()).isEqualTo("deadlock detected");
    assertThat(locks.deadlocksDetected()).isEqualTo(1);
    assertThat(locks.snapshot()).isEmpty();
    return List.of(e.detail().split("\n"));
  }

  private static String waits(long txn, RowLockMode mode, LockKey key, long blocker) {
    return "Transaction "
        + txn
        + " waits for "
        + mode.sqlName()
        + " lock on row "
        + key
        + " of relation \"t\"; blocked by transaction "
        + blocker
        + ".";
  }

  @Test
  void twoTransactionCycle() {
    LockKey a = key(0xa);
    LockKey b = key(0xb);
    assertThat(lock(locks, 1, a, UPDATE)).isTrue();
    assertThat(lock(locks, 2, b, UPDATE)).isTrue();
    Future<SqlException> t1 = lastStep(1, b, UPDATE);
    awaitWaiting(locks, 1);
    Future<SqlException> t2 = lastStep(2, a, UPDATE);
    assertThat(oneVictim(List.of(t1, t2)))
        .containsExactlyInAnyOrder(waits(1, UPDATE, b, 2), waits(2, UPDATE, a, 1));
  }

  @Test
  void threeTransactionCycle() {
    LockKey[] k = {key(1), key(2), key(3)};
    for (int i = 0; i < 3; i++) {
      assertThat(lock(locks, i + 1, k[i], UPDATE)).isTrue();
    }
    List<Future<SqlException>> steps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      steps.add(lastStep(i + 1, k[(i + 1) % 3], SHARE));
      awaitWaiting(locks, i + 1);
    }
    assertThat(oneVictim(steps))
        .containsExactlyInAnyOrder(
            waits(1, SHARE, k[1], 2), waits(2, SHARE, k[2], 3), waits(3, SHARE, k[0], 1));
  }

  @Test
  void twoSharersUpgrading() {
    LockKey k = key(7);
    assertThat(lock(locks, 1, k, SHARE)).isTrue();
    assertThat(lock(locks, 2, k, SHARE)).isTrue();
    Future<SqlException> t1 = lastStep(1, k, UPDATE);
    awaitWaiting(locks, 1);
    Future<SqlException> t2 = lastStep(2, k, UPDATE);
    assertThat(oneVictim(List.of(t1, t2)))
        .containsExactlyInAnyOrder(waits(1, UPDATE, k, 2), waits(2, UPDATE, k, 1));
  }

  @Test
  void queueOrderClosesACycle() {
    // 1 holds SHARE on a; 2 waits for UPDATE on a; 3, holding b, asks SHARE on a and queues behind
    // 2; 1 then waits for b: 1 -> 3 -> 2 -> 1.
    LockKey a = key(0xa);
    LockKey b = key(0xb);
    assertThat(lock(locks, 1, a, SHARE)).isTrue();
    assertThat(lock(locks, 3, b, UPDATE)).isTrue();
    Future<SqlException> t2 = lastStep(2, a, UPDATE);
    awaitWaiting(locks, 2);
    Future<SqlException> t3 = lastStep(3, a, SHARE);
    awaitWaiting(locks, 3);
    Future<SqlException> t1 = lastStep(1, b, UPDATE);
    assertThat(oneVictim(List.of(t1, t2, t3)))
        .containsExactlyInAnyOrder(
            waits(1, UPDATE, b, 3), waits(3, SHARE, a, 2), waits(2, UPDATE, a, 1));
  }

  @Test
  void victimOfOneCycleLeavesAnUnrelatedWaiterWaiting() {
    LockKey a = key(0xa);
    LockKey b = key(0xb);
    LockKey c = key(0xc);
    assertThat(lock(locks, 1, a, UPDATE)).isTrue();
    assertThat(lock(locks, 2, b, UPDATE)).isTrue();
    assertThat(lock(locks, 9, c, UPDATE)).isTrue();
    Future<SqlException> t3 = lastStep(3, c, UPDATE); // waits for 9, which is not in the cycle
    awaitWaiting(locks, 3);
    Future<SqlException> t1 = lastStep(1, b, UPDATE);
    awaitWaiting(locks, 1);
    Future<SqlException> t2 = lastStep(2, a, UPDATE);
    List<SqlException> cycle = new ArrayList<>();
    for (Future<SqlException> f : List.of(t1, t2)) {
      SqlException e = await(f);
      if (e != null) {
        cycle.add(e);
      }
    }
    assertThat(cycle).singleElement().extracting(SqlException::sqlState).isEqualTo("40P01");
    assertThat(t3.isDone()).isFalse();
    assertThat(locks.blockers(3)).containsExactly(9L);
    locks.releaseAll(9);
    assertThat(await(t3)).isNull();
    assertThat(locks.snapshot()).isEmpty();
  }
}
