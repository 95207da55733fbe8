package io.phantomdb.kernel.txn;

import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The read timestamps in use: every statement, transaction snapshot and open result registers the
 * timestamp it reads at before its first read and releases it when done, so version garbage
 * collection ({@link #horizon(long)}) never removes a version some reader can still see.
 *
 * <p>The rule that makes this safe without stopping anyone: {@link #pin()} reads the latest commit
 * timestamp and registers it in one step under the same lock {@link #horizon(long)} takes, and the
 * horizon is never above the latest commit. So a reader pinned after a horizon was computed reads
 * at or above it, and one pinned before is counted in it. A reader may then read at any timestamp
 * at or above what it pinned (later statements of a READ COMMITTED transaction, a restarted
 * statement) without registering again; an older one (a REPEATABLE READ snapshot) must stay
 * registered by itself ({@link #register(long)} while something already protects it).
 *
 * <p>Thread-safe. Registering and releasing take one short lock each.
 */
public final class ActiveSnapshots {
  /** One registered timestamp; {@link #close()} releases it (idempotent). */
  public final class Registration implements AutoCloseable {
    private final long ts;
    private boolean released;

    private Registration(long ts) {
      this.ts = ts;
    }

    /** @return the registered read timestamp */
    public long ts() {
      return ts;
    }

    /** Releases the timestamp; later calls do nothing. */
    @Override
    public void close() {
      synchronized (counts) {
        if (released) {
          return;
        }
        released = true;
        int[] n = counts.get(ts);
        if (--n[0] == 0) {
          counts.remove(ts);
        }
      }
    }
  }

  private final LongSupplier latest;
  /** Registered timestamp → how many registrations hold it; also the lock. */
  private final TreeMap<Long, int[]> counts = new TreeMap<>();

  /**
   * @param latest the latest commit timestamp, what a statement starting now reads at; never
   *     decreasing
   */
  public ActiveSnapshots(LongSupplier latest) {
    this.latest = latest;
  }

  /**
   * Registers the latest commit timestamp: what a statement starting now reads at. The statement
   * may read at it or at any later timestamp until it releases the registration.
   *
   * @return the registration, holding the timestamp
   */
  public Registration pin() {
    synchronized (counts) {
      return add(latest.getAsLong());
    }
  }

  /**
   * Registers a timestamp that is protected already, by another registration at or below it or
   * by being at or above the latest commit (a transaction's snapshot, taken while its first
   * statement's {@link #pin()} was held, kept for the rest of the transaction).
   *
   * @param ts the timestamp
   * @return the registration
   */
  public Registration register(long ts) {
    synchronized (counts) {
      return add(ts);
    }
  }

  private Registration add(long ts) {
    counts.computeIfAbsent(ts, k -> new int[1])[0]++;
    return new Registration(ts);
  }

  /**
   * The garbage collection horizon: no reader reads, or will read, below it, so for every key
   * the newest version at or below it is the oldest any reader can see.
   *
   * @param notAbove a further bound (now minus the configured retention)
   * @return min(the oldest registered timestamp, the latest commit, {@code notAbove})
   */
  public long horizon(long notAbove) {
    synchronized (counts) {
      long h = Math.min(notAbove, latest.getAsLong());
      if (!counts.isEmpty()) {
        h = Math.min(h, counts.firstKey());
      }
      return h;
    }
  }

  /** @return the oldest registered timestamp, or -1 if none */
  public long oldest() {
    synchronized (counts) {
      return counts.isEmpty() ? -1 : counts.firstKey();
    }
  }

  /** @return how many registrations are held */
  public int size() {
    synchronized (counts) {
      int n = 0;
      for (int[] c : counts.values()) {
        n += c[0];
      }
      return n;
    }
  }
}
