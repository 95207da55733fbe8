package io.phantomdb.kernel.txn.lock;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@link LockManager#snapshot()}: a lock held or awaited, as a future {@code pg_locks}
 * view shows it. A transaction upgrading its lock appears twice on the key: granted in the mode it
 * holds, and not granted in the mode it waits for.
 *
 * @param transactionId the owner
 * @param key the locked row
 * @param mode the mode held (granted) or requested (waiting)
 * @param granted whether the lock is held
 * @param waitStart when the wait began, or null for a held lock ({@code pg_locks.waitstart})
 */
public record LockInfo(
    long transactionId, LockKey key, RowLockMode mode, boolean granted, Instant waitStart) {
  /** @throws NullPointerException if key or mode is null, or waitStart is null for a waiter */
  public LockInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(mode, "mode");
    if (!granted) {
      Objects.requireNonNull(waitStart, "waitStart");
    }
  }
}
