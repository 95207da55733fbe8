package io.phantomdb.kernel.txn.lock;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link LockManager#acquire} does when the lock is not free: wait (at most {@code
 * lock_timeout}), fail at once ({@code NOWAIT}) or give up quietly ({@code SKIP LOCKED}).
 *
 * @param kind which of the three
 * @param lockTimeout for {@link Kind#WAIT}, how long to wait before failing with {@code 55P03};
 *     {@link Duration#ZERO} waits forever (PostgreSQL's {@code lock_timeout = 0}). Zero for the
 *     other kinds.
 * @param deadlockTimeout for {@link Kind#WAIT}, how long to wait before looking for a deadlock
 *     (the waiter's {@code deadlock_timeout}, as each PostgreSQL backend uses its own); null for
 *     the lock manager's default, and for the other kinds
 */
public record WaitPolicy(Kind kind, Duration lockTimeout, Duration deadlockTimeout) {
  /** The three behaviours. */
  public enum Kind {
    /** Wait until granted, canceled, timed out or chosen as a deadlock victim. */
    WAIT,
    /** Fail with SQLSTATE 55P03 "could not obtain lock on row in relation ..." at once. */
    NOWAIT,
    /** Return false at once: the caller skips the row. */
    SKIP_LOCKED
  }

  /** Wait as long as it takes (deadlock detection still applies). */
  public static final WaitPolicy WAIT_FOREVER = new WaitPolicy(Kind.WAIT, Duration.ZERO);
  /** {@code NOWAIT}. */
  public static final WaitPolicy NOWAIT = new WaitPolicy(Kind.NOWAIT, Duration.ZERO);
  /** {@code SKIP LOCKED}. */
  public static final WaitPolicy SKIP_LOCKED = new WaitPolicy(Kind.SKIP_LOCKED, Duration.ZERO);

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the timeout is negative, or not zero for NOWAIT / SKIP
   *     LOCKED
   */
  public WaitPolicy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    if (lockTimeout.isNegative()) {
      throw new IllegalArgumentException("lock timeout must not be negative: " + lockTimeout);
    }
    if (kind != Kind.WAIT && !lockTimeout.isZero()) {
      throw new IllegalArgumentException(kind + " takes no lock timeout");
    }
    if (deadlockTimeout != null && (deadlockTimeout.isNegative() || deadlockTimeout.isZero())) {
      throw new IllegalArgumentException("deadlock_timeout must be positive: " + deadlockTimeout);
    }
    if (kind != Kind.WAIT && deadlockTimeout != null) {
      throw new IllegalArgumentException(kind + " takes no deadlock timeout");
    }
  }

  /**
   * A policy with the lock manager's deadlock timeout.
   *
   * @param kind which of the three
   * @param lockTimeout see the record
   */
  public WaitPolicy(Kind kind, Duration lockTimeout) {
    this(kind, lockTimeout, null);
  }

  /**
   * @param lockTimeout the session's {@code lock_timeout}; zero waits forever
   * @return a policy that waits at most that long
   */
  public static WaitPolicy waitFor(Duration lockTimeout) {
    return lockTimeout.isZero() ? WAIT_FOREVER : new WaitPolicy(Kind.WAIT, lockTimeout);
  }

  /**
   * @param lockTimeout the session's {@code lock_timeout}; zero waits forever
   * @param deadlockTimeout the session's {@code deadlock_timeout} (positive), or null for the lock
   *     manager's
   * @return a policy that waits at most {@code lockTimeout} and looks for a deadlock after {@code
   *     deadlockTimeout}
   */
  public static WaitPolicy waitFor(Duration lockTimeout, Duration deadlockTimeout) {
    return new WaitPolicy(Kind.WAIT, lockTimeout, deadlockTimeout);
  }
}
