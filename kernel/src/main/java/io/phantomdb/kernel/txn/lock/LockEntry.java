package io.phantomdb.kernel.txn.lock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lock state of one key: who holds it in which mode, and who waits in which order. Not
 * thread-safe: every method is called with the lock of the key's stripe held.
 *
 * <p>Grant rules (PostgreSQL's, see {@code ProcLockWakeup} in its lock manager):
 *
 * <ol>
 *   <li>A request conflicting with a mode another transaction holds waits.
 *   <li>A transaction that holds nothing on the key also waits if its mode conflicts with a request
 *       queued before it: later requests never overtake a conflicting earlier one, so a waiting
 *       UPDATE is not starved by a stream of SHAREs, yet compatible requests still pass each other.
 *   <li>A holder asking for a stronger mode (an upgrade) only minds the other holders, and queues
 *       ahead of transactions that hold nothing: they wait for it anyway.
 * </ol>
 */
final class LockEntry {
  final LockKey key;
  private final Map<Long, RowLockMode> holders = new HashMap<>(4);
  /** How many holders hold each mode, by ordinal: conflict checks without walking the holders. */
  private final int[] heldCounts = new int[RowLockMode.values().length];
  private final List<LockRequest> queue = new ArrayList<>(2);

  LockEntry(LockKey key) {
    this.key = key;
  }

  /** @return the mode txn holds, or null */
  RowLockMode heldBy(long txn) {
    return holders.get(txn);
  }

  /** @return whether nobody holds or waits: the entry can go */
  boolean isUnused() {
    return holders.isEmpty() && queue.isEmpty();
  }

  /** @return whether txn can be granted mode now, ahead of nobody it must not overtake */
  boolean canGrantNow(long txn, RowLockMode mode) {
    if (!compatibleWithOtherHolders(txn, mode)) {
      return false;
    }
    if (holders.containsKey(txn)) {
      return true;
    }
    int queued = 0;
    for (LockRequest r : queue) {
      queued |= r.mode.bit();
    }
    return !mode.conflictsWithAny(queued);
  }

  private boolean compatibleWithOtherHolders(long txn, RowLockMode mode) {
    RowLockMode own = holders.get(txn);
    for (int m = 0; m < heldCounts.length; m++) {
      int others = heldCounts[m] - (own != null && own.ordinal() == m ? 1 : 0);
      if (others > 0 && mode.conflictsWith(RowLockMode.ofOrdinal(m))) {
        return false;
      }
    }
    return true;
  }

  /** Makes txn hold mode (or the stronger of it and what it holds). */
  void grant(long txn, RowLockMode mode) {
    RowLockMode own = holders.get(txn);
    RowLockMode now = own == null ? mode : RowLockMode.strongest(own, mode);
    if (own != null) {
      heldCounts[own.ordinal()]--;
    }
    holders.put(txn, now);
    heldCounts[now.ordinal()]++;
  }

  /** Drops whatever txn holds. */
  void release(long txn) {
    RowLockMode own = holders.remove(txn);
    if (own != null) {
      heldCounts[own.ordinal()]--;
    }
  }

  /** Queues a request: an upgrade after the upgrades already queued, anything else last. */
  void enqueue(LockRequest request) {
    if (!holders.containsKey(request.txn)) {
      queue.add(request);
      return;
    }
    int at = 0;
    while (at < queue.size() && holders.containsKey(queue.get(at).txn)) {
      at++;
    }
    queue.add(at, request);
  }

  /** Takes a request that gives up out of the queue; call {@link #grantWaiters} after. */
  void remove(LockRequest request) {
    queue.remove(request);
  }

  /**
   * Grants, in queue order, every waiter the rules allow now, and wakes them. Call after anything
   * that may unblock a waiter: a release, a waiter leaving the queue.
   */
  void grantWaiters() {
    int stillWaiting = 0;
    for (int i = 0; i < queue.size(); ) {
      LockRequest r = queue.get(i);
      boolean upgrade = holders.containsKey(r.txn);
      if (compatibleWithOtherHolders(r.txn, r.mode)
          && (upgrade || !r.mode.conflictsWithAny(stillWaiting))) {
        queue.remove(i);
        grant(r.txn, r.mode);
        r.grant();
      } else {
        stillWaiting |= r.mode.bit();
        i++;
      }
    }
  }

  /**
   * The edges of the wait-for graph out of a queued request.
   *
   * @return the transactions request waits for: holders of a conflicting mode, and (unless it is an
   *     upgrade) conflicting requests queued before it
   */
  Set<Long> blockers(LockRequest request) {
    Set<Long> out = new LinkedHashSet<>();
    for (Map.Entry<Long, RowLockMode> h : holders.entrySet()) {
      if (h.getKey() != request.txn && h.getValue().conflictsWith(request.mode)) {
        out.add(h.getKey());
      }
    }
    if (!holders.containsKey(request.txn)) {
      for (LockRequest r : queue) {
        if (r == request) {
          break;
        }
        if (r.mode.conflictsWith(request.mode)) {
          out.add(r.txn);
        }
      }
    }
    return out;
  }

  /** Adds this key's held and awaited locks to a snapshot. */
  void describe(List<LockInfo> out) {
    holders.forEach((txn, mode) -> out.add(new LockInfo(txn, key, mode, true, null)));
    for (LockRequest r : queue) {
      out.add(new LockInfo(r.txn, key, r.mode, false, r.waitStart));
    }
  }
}
