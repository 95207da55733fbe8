package io.phantomdb.kernel.txn.lock;

import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.function.Supplier;

/**
 * A transaction waiting for a lock: queued on its key's {@link LockEntry} from the moment it has
 * to wait until it is granted or gives up. Mutable fields are guarded by the lock of the key's
 * stripe, and {@link #condition} belongs to that lock.
 */
final class LockRequest {
  /** Where a request stands. */
  enum State {
    /** Queued. */
    WAITING,
    /** Granted by a release or another waiter leaving; the waiter has not woken yet. */
    GRANTED,
    /** Left the queue without the lock (timeout, cancel, interrupt, deadlock victim). */
    ABANDONED
  }

  final long txn;
  final LockKey key;
  final RowLockMode mode;
  final Supplier<String> relationName;
  final LockEntry entry;
  final Condition condition;
  final Instant waitStart = Instant.now();

  /** Guarded by the stripe lock. */
  State state = State.WAITING;
  /** Set by {@link LockManager#cancel}; guarded by the stripe lock. */
  boolean cancelRequested;

  LockRequest(
      long txn,
      LockKey key,
      RowLockMode mode,
      Supplier<String> relationName,
      LockEntry entry,
      Condition condition) {
    this.txn = txn;
    this.key = key;
    this.mode = mode;
    this.relationName = relationName;
    this.entry = entry;
    this.condition = condition;
  }

  /** Marks the request granted and wakes its waiter. Call with the stripe lock held. */
  void grant() {
    state = State.GRANTED;
    condition.signal();
  }
}
