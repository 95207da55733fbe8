package io.phantomdb.kernel.txn.lock;

import static io.phantomdb.kernel.txn.lock.LockTestSupport.REL;
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
import org.junit.jupiter.api.Test;

/** Lock modes, their conflicts, re-entrancy and immediate upgrades: one thread, no waiting. */
class LockManagerModesTest {
  /**
   * PostgreSQL's "Conflicting Row-Level Locks" table, written out: row = requested, column =
   * held, in the order KEY SHARE, SHARE, NO KEY UPDATE, UPDATE.
   */
  private static final boolean[][] PG_CONFLICTS = {
    {false, false, false, true},
    {false, false, true, true},
    {false, true, true, true},
    {true, true, true, true},
  };

  private final LockManager locks = new LockManager();

  @Test
  void modesConflictAsPostgresqlTableSays() {
    for (RowLockMode requested : RowLockMode.values()) {
      for (RowLockMode held : RowLockMode.values()) {
        assertThat(requested.conflictsWith(held))
            .as("%s requested, %s held", requested, held)
            .isEqualTo(PG_CONFLICTS[requested.ordinal()][held.ordinal()]);
      }
    }
  }

  @Test
  void nowaitFailsExactlyOnConflictingModes() {
    long txn = 1;
    for (RowLockMode held : RowLockMode.values()) {
      for (RowLockMode requested : RowLockMode.values()) {
        LockKey k = key(held.ordinal(), requested.ordinal());
        long holder = ++txn;
        long requester = ++txn;
        assertThat(locks.acquire(holder, k, held, WaitPolicy.NOWAIT, REL)).isTrue();
        if (PG_CONFLICTS[requested.ordinal()][held.ordinal()]) {
          assertThatThrownBy(() -> locks.acquire(requester, k, requested, WaitPolicy.NOWAIT, REL))
              .as("%s requested, %s held", requested, held)
              .isInstanceOfSatisfying(
                  SqlException.class,
                  e -> {
                    assertThat(e.sqlState()).isEqualTo("55P03");
                    assertThat(e.getMessage())
                        .isEqualTo("could not obtain lock on row in relation \"t\"");
                  });
          assertThat(locks.acquire(requester, k, requested, WaitPolicy.SKIP_LOCKED, REL)).isFalse();
          assertThat(locks.heldMode(requester, k)).isNull();
        } else {
          assertThat(locks.acquire(requester, k, requested, WaitPolicy.NOWAIT, REL))
              .as("%s requested, %s held", requested, held)
              .isTrue();
          assertThat(locks.heldMode(requester, k)).isEqualTo(requested);
        }
        locks.releaseAll(holder);
        locks.releaseAll(requester);
      }
    }
    assertThat(locks.snapshot()).isEmpty();
  }

  @Test
  void reentrantAcquireKeepsTheStrongestMode() {
    LockKey k = key(1);
    assertThat(lock(locks, 7, k, UPDATE)).isTrue();
    for (RowLockMode m : RowLockMode.values()) {
      assertThat(locks.acquire(7, k, m, WaitPolicy.NOWAIT, REL)).isTrue();
    }
    assertThat(locks.heldMode(7, k)).isEqualTo(UPDATE);
    assertThat(locks.snapshot()).containsExactly(new LockInfo(7, k, UPDATE, true, null));
    locks.releaseAll(7);
    assertThat(locks.heldMode(7, k)).isNull();
    assertThat(locks.snapshot()).isEmpty();
  }

  @Test
  void upgradeWithoutOthersIsImmediate() {
    LockKey k = key(1);
    assertThat(lock(locks, 1, k, KEY_SHARE)).isTrue();
    assertThat(locks.acquire(1, k, SHARE, WaitPolicy.NOWAIT, REL)).isTrue();
    assertThat(locks.acquire(1, k, UPDATE, WaitPolicy.NOWAIT, REL)).isTrue();
    assertThat(locks.heldMode(1, k)).isEqualTo(UPDATE);
    assertThat(locks.snapshot()).hasSize(1);
  }

  @Test
  void upgradeMindsOnlyTheOtherHoldersModes() {
    LockKey k = key(1);
    assertThat(lock(locks, 1, k, KEY_SHARE)).isTrue();
    assertThat(lock(locks, 2, k, KEY_SHARE)).isTrue();
    // NO KEY UPDATE lets KEY SHARE in, so txn 1 can take it beside txn 2's KEY SHARE
    assertThat(locks.acquire(1, k, NO_KEY_UPDATE, WaitPolicy.NOWAIT, REL)).isTrue();
    // UPDATE does not
    assertThatThrownBy(() -> locks.acquire(1, k, UPDATE, WaitPolicy.NOWAIT, REL))
        .isInstanceOfSatisfying(
            SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("55P03"));
    assertThat(locks.acquire(1, k, UPDATE, WaitPolicy.SKIP_LOCKED, REL)).isFalse();
    assertThat(locks.heldMode(1, k)).isEqualTo(NO_KEY_UPDATE);
    assertThat(locks.heldMode(2, k)).isEqualTo(KEY_SHARE);
    locks.releaseAll(2);
    assertThat(locks.acquire(1, k, UPDATE, WaitPolicy.NOWAIT, REL)).isTrue();
  }

  @Test
  void sharedLocksAreHeldTogetherAndReleasedPerTransaction() {
    LockKey a = key(1);
    LockKey b = key(2);
    for (long txn = 1; txn <= 3; txn++) {
      assertThat(lock(locks, txn, a, SHARE)).isTrue();
      assertThat(lock(locks, txn, b, KEY_SHARE)).isTrue();
    }
    assertThat(locks.snapshot()).hasSize(6).allMatch(LockInfo::granted);
    locks.releaseAll(2);
    assertThat(locks.snapshot()).hasSize(4).noneMatch(l -> l.transactionId() == 2);
    locks.releaseAll(1);
    locks.releaseAll(3);
    locks.releaseAll(3); // nothing left: fine
    assertThat(locks.snapshot()).isEmpty();
  }

  @Test
  void keysCompareByContent() {
    byte[] bytes = {1, (byte) 0xff};
    LockKey k = LockKey.of(bytes);
    bytes[0] = 9; // the key took a copy
    assertThat(k).isEqualTo(key(1, 0xff)).hasSameHashCodeAs(key(1, 0xff));
    assertThat(k).isNotEqualTo(key(1, 0xfe)).isNotEqualTo(key(1, 0xff, 0));
    assertThat(k.toString()).isEqualTo("\\x01ff");
    assertThat(k.toByteArray()).containsExactly(1, 0xff);
    assertThat(k.length()).isEqualTo(2);
    assertThat(key(0x7f).compareTo(key(0x80))).isNegative(); // unsigned order
    assertThat(key(1).compareTo(key(1, 0))).isNegative();
  }

  @Test
  void waitPoliciesAreChecked() {
    assertThat(WaitPolicy.waitFor(Duration.ZERO)).isSameAs(WaitPolicy.WAIT_FOREVER);
    assertThat(WaitPolicy.waitFor(Duration.ofMillis(5)).lockTimeout()).isEqualTo(Duration.ofMillis(5));
    assertThatThrownBy(() -> WaitPolicy.waitFor(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WaitPolicy(WaitPolicy.Kind.NOWAIT, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LockManager(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LockManager(Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
