package io.phantomdb.kernel.txn.lock;

import io.phantomdb.kernel.sql.SqlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Row locks of transactions, as {@code SELECT ... FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE / FOR
 * KEY SHARE [NOWAIT | SKIP LOCKED]} and writers take them: {@link RowLockMode}s on {@link
 * LockKey}s, owned by transactions named by a {@code long} id, held until {@link #releaseAll} at
 * commit or abort.
 *
 * <h2>Behaviour</h2>
 *
 * <ul>
 *   <li><b>Re-entrant</b>: taking a mode the transaction already holds (or a weaker one) returns at
 *       once. Taking a stronger one is an <b>upgrade</b>; the transaction then holds the stronger.
 *   <li><b>Fair</b>: waiters are served in arrival order; a request that conflicts with an earlier
 *       waiter waits behind it even when the holders would let it in (see {@link LockEntry}).
 *   <li><b>Waiting</b> ends in one of: granted; {@link WaitPolicy#lockTimeout()} expired (55P03
 *       "canceling statement due to lock timeout"); {@link #cancel} or an interrupt of the waiting
 *       thread (57014 "canceling statement due to user request"); deadlock (40P01).
 *   <li><b>Deadlocks</b>: a waiter that has waited {@code deadlock_timeout} (its {@link
 *       WaitPolicy#deadlockTimeout()}, else the manager's, default 1 s as in PostgreSQL) searches the wait-for graph once, with every stripe lock held, for a cycle
 *       through itself. If it finds one, <em>it</em> is the victim, as in PostgreSQL: it leaves the
 *       queue and fails with 40P01 "deadlock detected" and a DETAIL naming each transaction of the
 *       cycle, the row and mode it waits for and the transaction blocking it. The others keep
 *       waiting and proceed once the victim's transaction aborts ({@link #releaseAll}). A cycle is
 *       found by the last of its transactions to start waiting, {@code deadlock_timeout} after it
 *       formed. Queue order counts as an edge (a waiter waits for a conflicting earlier waiter):
 *       PostgreSQL would sometimes reorder the queue instead of failing such a cycle; we fail it.
 * </ul>
 *
 * <h2>Contract for callers</h2>
 *
 * A transaction makes one call at a time (any thread, but the calls ordered: a transaction waits
 * for at most one lock). On abort after any error, including a deadlock, the caller calls {@link
 * #releaseAll}: the lock manager never releases granted locks on its own.
 *
 * <h2>Thread-safety</h2>
 *
 * All methods are thread-safe. Keys are spread over lock stripes ({@link LockTable}), each a
 * {@code ReentrantLock} over its keys' entries: an uncontended acquire or a release takes one
 * stripe lock briefly, so unrelated keys rarely meet on a monitor. Deadlock detection and {@link
 * #snapshot} take all stripe locks in order, briefly. A waiter sleeps on a condition of its
 * stripe lock; whoever grants it changes its state under that lock before signalling, so no
 * wake-up is lost.
 */
public final class LockManager {
  /** PostgreSQL's default {@code deadlock_timeout}. */
  public static final Duration DEFAULT_DEADLOCK_TIMEOUT = Duration.ofSeconds(1);

  private static final int DEFAULT_STRIPES = 64;

  private final LockTable table;
  private final long deadlockTimeoutNanos;
  /** Each waiting transaction's request; changed under the request's stripe lock. */
  private final ConcurrentHashMap<Long, LockRequest> waiting = new ConcurrentHashMap<>();
  /** The keys each transaction holds; changed only by the transaction's own calls. */
  private final ConcurrentHashMap<Long, Set<LockKey>> held = new ConcurrentHashMap<>();
  private final AtomicLong deadlockChecks = new AtomicLong();
  private final AtomicLong deadlocks = new AtomicLong();

  /** A lock manager with the default deadlock_timeout (1 s). */
  public LockManager() {
    this(DEFAULT_DEADLOCK_TIMEOUT);
  }

  /**
   * @param deadlockTimeout how long a transaction waits before it looks for a deadlock
   * @throws IllegalArgumentException if deadlockTimeout is not positive
   */
  public LockManager(Duration deadlockTimeout) {
    this(deadlockTimeout, DEFAULT_STRIPES);
  }

  /**
   * @param deadlockTimeout how long a transaction waits before it looks for a deadlock
   * @param stripes how many stripes the keys are spread over, a power of two
   * @throws IllegalArgumentException if deadlockTimeout is not positive or stripes not a power of
   *     two
   */
  public LockManager(Duration deadlockTimeout, int stripes) {
    if (deadlockTimeout.isNegative() || deadlockTimeout.isZero()) {
      throw new IllegalArgumentException("deadlock_timeout must be positive: " + deadlockTimeout);
    }
    this.deadlockTimeoutNanos = saturatedNanos(deadlockTimeout);
    this.table = new LockTable(stripes);
  }

  /**
   * Takes a row lock, waiting if the policy says so.
   *
   * @param txn the transaction
   * @param key the row
   * @param mode the mode wanted; if txn holds a weaker one, this upgrades it
   * @param policy what to do if the lock is not free now
   * @param relationName the relation's name for error messages; called only on error, from any
   *     thread (keep it cheap, thread-safe and free of locking)
   * @return true once txn holds at least {@code mode}; false only for {@link
   *     WaitPolicy#SKIP_LOCKED} when the lock is not free
   * @throws SqlException 55P03 for {@link WaitPolicy#NOWAIT} when the lock is not free or when the
   *     lock timeout expires; 57014 when the wait is canceled or the thread interrupted (the
   *     interrupt status is kept); 40P01 when txn is chosen as a deadlock victim
   * @throws IllegalStateException if txn is already waiting for a lock
   * @throws NullPointerException if an argument is null
   */
  public boolean acquire(
      long txn, LockKey key, RowLockMode mode, WaitPolicy policy, Supplier<String> relationName) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(relationName, "relationName");
    LockTable.Stripe stripe = table.stripe(key);
    stripe.lock.lock();
    try {
      LockEntry entry = stripe.entry(key);
      RowLockMode own = entry.heldBy(txn);
      if (own != null && own.covers(mode)) {
        return true;
      }
      if (entry.canGrantNow(txn, mode)) {
        entry.grant(txn, mode);
        remember(txn, key);
        return true;
      }
      if (policy.kind() == WaitPolicy.Kind.SKIP_LOCKED) {
        return false;
      }
      if (policy.kind() == WaitPolicy.Kind.WAIT) {
        waitFor(stripe, entry, txn, mode, policy, relationName);
        return true;
      }
    } finally {
      stripe.lock.unlock();
    }
    throw LockErrors.notAvailable(relationName); // NOWAIT: built outside the stripe lock
  }

  /** Queues a request and waits for it; called and returns with the stripe lock held. */
  private void waitFor(
      LockTable.Stripe stripe,
      LockEntry entry,
      long txn,
      RowLockMode mode,
      WaitPolicy policy,
      Supplier<String> relationName) {
    LockRequest request =
        new LockRequest(txn, entry.key, mode, relationName, entry, stripe.lock.newCondition());
    LockRequest other = waiting.putIfAbsent(txn, request);
    if (other != null) {
      throw new IllegalStateException(
          "transaction " + txn + " already waits for a lock on " + other.key);
    }
    entry.enqueue(request);
    try {
      long deadlockNanos = policy.deadlockTimeout() == null ? deadlockTimeoutNanos
          : saturatedNanos(policy.deadlockTimeout());
      awaitGrant(stripe, request, saturatedNanos(policy.lockTimeout()), deadlockNanos);
    } finally {
      waiting.remove(txn, request);
    }
    remember(txn, entry.key);
  }

  /**
   * Sleeps until the request is granted or must give up. Called and returns (or throws) with the
   * stripe lock held; lets it go while it looks for a deadlock.
   */
  private void awaitGrant(
      LockTable.Stripe stripe, LockRequest request, long lockTimeoutNanos, long deadlockNanos) {
    long start = System.nanoTime();
    boolean deadlockChecked = false;
    boolean interrupted = false;
    try {
      while (true) {
        if (request.state == LockRequest.State.GRANTED) {
          return;
        }
        if (request.cancelRequested || interrupted) {
          abandon(stripe, request);
          throw LockErrors.canceled();
        }
        long waited = System.nanoTime() - start;
        if (lockTimeoutNanos > 0 && waited >= lockTimeoutNanos) {
          abandon(stripe, request);
          throw LockErrors.lockTimeout();
        }
        if (!deadlockChecked && waited >= deadlockNanos) {
          deadlockChecked = true;
          stripe.lock.unlock();
          try {
            checkForDeadlock(stripe, request);
          } finally {
            stripe.lock.lock();
          }
          continue;
        }
        long sleep = Long.MAX_VALUE;
        if (lockTimeoutNanos > 0) {
          sleep = lockTimeoutNanos - waited;
        }
        if (!deadlockChecked) {
          sleep = Math.min(sleep, deadlockNanos - waited);
        }
        try {
          if (sleep == Long.MAX_VALUE) {
            request.condition.await();
          } else {
            request.condition.awaitNanos(sleep);
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Looks for a cycle through the request's transaction with every stripe lock held; if there is
   * one, takes the request out of its queue and throws 40P01.
   */
  private void checkForDeadlock(LockTable.Stripe stripe, LockRequest request) {
    deadlockChecks.incrementAndGet();
    List<DeadlockDetector.Edge> cycle;
    table.lockAll();
    try {
      if (request.state != LockRequest.State.WAITING || request.cancelRequested) {
        return;
      }
      cycle = DeadlockDetector.findCycle(request.txn, waiting);
      if (cycle == null) {
        return;
      }
      abandon(stripe, request);
    } finally {
      table.unlockAll();
    }
    deadlocks.incrementAndGet();
    throw LockErrors.deadlock(cycle);
  }

  /** Takes a request that gives up out of its queue and lets whoever it held back in. */
  private static void abandon(LockTable.Stripe stripe, LockRequest request) {
    request.state = LockRequest.State.ABANDONED;
    request.entry.remove(request);
    request.entry.grantWaiters();
    stripe.removeIfUnused(request.entry);
  }

  private static long saturatedNanos(Duration d) {
    return d.compareTo(Duration.ofNanos(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE / 2 : d.toNanos();
  }

  private void remember(long txn, LockKey key) {
    held.computeIfAbsent(txn, t -> ConcurrentHashMap.newKeySet()).add(key);
  }

  /**
   * @param txn a transaction
   * @param key a row
   * @return the mode txn holds on the row, or null if none
   */
  public RowLockMode heldMode(long txn, LockKey key) {
    LockTable.Stripe stripe = table.stripe(key);
    stripe.lock.lock();
    try {
      LockEntry e = stripe.existing(key);
      return e == null ? null : e.heldBy(txn);
    } finally {
      stripe.lock.unlock();
    }
  }

  /**
   * Releases every lock the transaction holds (commit or abort) and grants the waiters that can
   * now go, in their order. A transaction that holds nothing is fine.
   *
   * @param txn the transaction
   * @throws IllegalStateException if txn is waiting for a lock: {@link #cancel} it first
   */
  public void releaseAll(long txn) {
    if (waiting.containsKey(txn)) {
      throw new IllegalStateException("transaction " + txn + " is waiting for a lock");
    }
    Set<LockKey> keys = held.remove(txn);
    if (keys == null) {
      return;
    }
    for (LockKey key : keys) {
      LockTable.Stripe stripe = table.stripe(key);
      stripe.lock.lock();
      try {
        LockEntry e = stripe.existing(key);
        if (e != null) {
          e.release(txn);
          e.grantWaiters();
          stripe.removeIfUnused(e);
        }
      } finally {
        stripe.lock.unlock();
      }
    }
  }

  /**
   * Cancels the transaction's wait for a lock, if it is waiting: its {@link #acquire} fails with
   * 57014. A transaction not waiting is left alone (canceling a running statement is the session's
   * business).
   *
   * @param txn the transaction
   * @return whether a wait was canceled
   */
  public boolean cancel(long txn) {
    LockRequest r = waiting.get(txn);
    if (r == null) {
      return false;
    }
    LockTable.Stripe stripe = table.stripe(r.key);
    stripe.lock.lock();
    try {
      if (r.state != LockRequest.State.WAITING || r.cancelRequested) {
        return false;
      }
      r.cancelRequested = true;
      r.condition.signal();
      return true;
    } finally {
      stripe.lock.unlock();
    }
  }

  /**
   * The transactions a waiting transaction waits for now, like PostgreSQL's {@code
   * pg_blocking_pids}: holders of a conflicting mode and conflicting waiters ahead of it.
   *
   * @param txn a transaction
   * @return the blockers, or empty if txn is not waiting
   */
  public List<Long> blockers(long txn) {
    LockRequest r = waiting.get(txn);
    if (r == null) {
      return List.of();
    }
    LockTable.Stripe stripe = table.stripe(r.key);
    stripe.lock.lock();
    try {
      return r.state == LockRequest.State.WAITING
          ? List.copyOf(r.entry.blockers(r))
          : List.of();
    } finally {
      stripe.lock.unlock();
    }
  }

  /**
   * Every lock held or awaited, taken at one moment (all stripes locked), for a {@code pg_locks}
   * view. Empty when no transaction holds or waits for a lock.
   *
   * @return the locks, in no particular order
   */
  public List<LockInfo> snapshot() {
    List<LockInfo> out = new ArrayList<>();
    table.lockAll();
    try {
      table.describe(out);
    } finally {
      table.unlockAll();
    }
    return Collections.unmodifiableList(out);
  }

  /** @return how many deadlock searches waiters have run (one per wait past deadlock_timeout) */
  public long deadlockChecks() {
    return deadlockChecks.get();
  }

  /** @return how many deadlocks were found (one victim each) */
  public long deadlocksDetected() {
    return deadlocks.get();
  }
}
