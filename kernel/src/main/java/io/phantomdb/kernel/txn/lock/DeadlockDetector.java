package io.phantomdb.kernel.txn.lock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Searches the wait-for graph for a cycle through one transaction. Nodes are transactions; a
 * waiting transaction has an edge to each transaction it waits for ({@link LockEntry#blockers}).
 * Only waiting transactions have edges, so every cycle is made of waiters.
 *
 * <p>Call with every stripe lock held ({@link LockTable#lockAll()}): the graph then stands still
 * and what is found is a real cycle, never a picture torn between two moments.
 */
final class DeadlockDetector {
  /**
   * One edge of a cycle.
   *
   * @param waiter the request waiting
   * @param blocker the transaction it waits for
   */
  record Edge(LockRequest waiter, long blocker) {}

  private DeadlockDetector() {}

  /**
   * @param start the transaction that ran out of deadlock_timeout
   * @param waiting each waiting transaction's request (requests not in state WAITING are ignored)
   * @return the edges of a cycle from start back to start, in order, or null if start is on none
   */
  static List<Edge> findCycle(long start, Map<Long, LockRequest> waiting) {
    LockRequest first = waitingRequest(start, waiting);
    if (first == null) {
      return null;
    }
    // Iterative depth-first search: the stack is the path from start. A node once explored without
    // reaching start never will (the graph is frozen), so each node is entered at most once.
    List<Frame> path = new ArrayList<>();
    Set<Long> entered = new HashSet<>();
    entered.add(start);
    path.add(new Frame(first));
    while (!path.isEmpty()) {
      Frame top = path.get(path.size() - 1);
      if (!top.blockers.hasNext()) {
        path.remove(path.size() - 1);
        continue;
      }
      long next = top.blockers.next();
      top.current = next;
      if (next == start) {
        List<Edge> cycle = new ArrayList<>(path.size());
        for (Frame f : path) {
          cycle.add(new Edge(f.request, f.current));
        }
        return cycle;
      }
      if (entered.add(next)) {
        LockRequest r = waitingRequest(next, waiting);
        if (r != null) {
          path.add(new Frame(r));
        }
      }
    }
    return null;
  }

  private static LockRequest waitingRequest(long txn, Map<Long, LockRequest> waiting) {
    LockRequest r = waiting.get(txn);
    return r != null && r.state == LockRequest.State.WAITING ? r : null;
  }

  /** A node on the search path: its request and the edges out of it still to follow. */
  private static final class Frame {
    final LockRequest request;
    final Iterator<Long> blockers;
    long current;

    Frame(LockRequest request) {
      this.request = request;
      this.blockers = request.entry.blockers(request).iterator();
    }
  }
}
