package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.txn.lock.LockManager;
import java.util.function.BooleanSupplier;

/**
 * A session's statement cancellation (PostgreSQL's CancelRequest, {@code pg_cancel_backend}): a
 * flag another thread sets, that the running statement's operators check in their long loops
 * ({@link ExecContext#checkCancelled()}), and the lock wait it is in, if any, which {@link
 * #request} ends at once (57014 from the lock manager).
 *
 * <p>The session makes its cancellation {@link #current() current} on the thread that runs its
 * statement while it runs ({@link #enter()} / {@link #leave(Cancellation)}), so that operators and
 * lock waits find it without plumbing. Thread-safe.
 */
public final class Cancellation {
  private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

  private final LockManager locks;
  private volatile boolean requested;
  /** The transaction waiting for a row lock in the current statement, 0 when none. */
  private volatile long lockWaiter;

  /** @param locks the lock manager whose waits a cancel ends */
  public Cancellation(LockManager locks) {
    this.locks = locks;
  }

  /** @return the cancellation of the statement this thread runs now, or null */
  public static Cancellation current() {
    return CURRENT.get();
  }

  /**
   * Makes this the thread's current cancellation.
   *
   * @return the one it replaces (to give to {@link #leave}), or null
   */
  public Cancellation enter() {
    Cancellation previous = CURRENT.get();
    CURRENT.set(this);
    return previous;
  }

  /** @param previous what {@link #enter()} returned: made current again */
  public static void leave(Cancellation previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** A new statement starts: an earlier request does not apply to it. */
  public void reset() {
    requested = false;
  }

  /** Asks the running statement to stop: at its next check, or now if it waits for a row lock. */
  public void request() {
    requested = true;
    long txn = lockWaiter;
    if (txn != 0) {
      locks.cancel(txn);
    }
  }

  /** @return whether a cancel was asked for since the statement started */
  public boolean requested() {
    return requested;
  }

  /** @throws SqlException 57014 if a cancel was asked for */
  public void check() {
    if (requested) {
      throw canceled();
    }
  }

  /** @return the error a canceled statement fails with */
  public static SqlException canceled() {
    return new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
  }

  /**
   * Runs a lock acquisition of a transaction so that a cancel ends its wait: with the thread's
   * current cancellation, if any, knowing the transaction waits.
   *
   * @param txn the transaction that may wait
   * @param acquire the acquisition
   * @return what it returns
   * @throws SqlException 57014 if the statement was canceled before or while it waits
   */
  public static boolean lockWait(long txn, BooleanSupplier acquire) {
    Cancellation c = CURRENT.get();
    if (c == null) {
      return acquire.getAsBoolean();
    }
    c.lockWaiter = txn;
    try {
      c.check(); // a cancel before lockWaiter was set did not reach the lock manager
      return acquire.getAsBoolean();
    } finally {
      c.lockWaiter = 0;
    }
  }
}
