package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageClosedException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps native RocksDB objects alive while calls use them: every call that touches a native
 * object runs between {@link #enter()} and {@link #exit(int)}, and nothing native is freed until
 * the calls that could still see it have left.
 *
 * <ul>
 *   <li>{@link #close()} makes later {@code enter()} calls fail and waits for the calls in flight:
 *       afterwards the engine may free everything.
 *   <li>{@link #awaitGracePeriod()} waits for every call that entered before it started (an RCU
 *       grace period) without blocking new ones: after marking a keyspace dropped, the caller
 *       waits for one, and then no call can still be using the keyspace's column family handle.
 * </ul>
 *
 * <p>The hot path is one atomic increment and one decrement of a counter of the calling thread's
 * stripe (stripes padded against false sharing, so threads rarely contend) and three volatile
 * reads. Two counter sets
 * alternate by epoch so that a grace period waits only for calls of the previous epoch.
 *
 * <p>A call must read the state it checks (closed, dropped) after {@code enter()} returns; that
 * ordering is what makes the waits sound.
 */
final class LsmGuard {
  private static final int PAD = 16; // 16 longs = 128 bytes between stripes
  private static final int EPOCH_SHIFT = 30;
  private static final int SLOT_MASK = (1 << EPOCH_SHIFT) - 1;

  private final AtomicLongArray[] inFlight;
  private final int stripeMask;
  private final String what;
  private volatile long epoch;
  private volatile boolean closed;

  /** @param what the guarded object, named in {@link StorageClosedException} messages */
  LsmGuard(String what) {
    this.what = what;
    int cpus = Runtime.getRuntime().availableProcessors();
    int stripes = Integer.highestOneBit(Math.max(8, cpus * 4));
    stripeMask = stripes - 1;
    inFlight = new AtomicLongArray[] {
      new AtomicLongArray(stripes * PAD), new AtomicLongArray(stripes * PAD)
    };
  }

  /**
   * Enters a call.
   *
   * @return a token to pass to {@link #exit(int)}
   * @throws StorageClosedException if the guard is closed
   */
  int enter() {
    int token = tryEnter();
    if (token < 0) {
      throw new StorageClosedException(what + " is closed");
    }
    return token;
  }

  /**
   * Enters a call unless the guard is closed.
   *
   * @return a token to pass to {@link #exit(int)}, or -1 if closed (then do not exit)
   */
  int tryEnter() {
    int slot = slot();
    while (true) {
      long e = epoch;
      int parity = (int) (e & 1);
      AtomicLongArray counts = inFlight[parity];
      counts.getAndIncrement(slot);
      if (closed) {
        counts.getAndDecrement(slot);
        return -1;
      }
      if (epoch == e) {
        return (parity << EPOCH_SHIFT) | slot;
      }
      counts.getAndDecrement(slot); // a grace period started meanwhile: count in the new epoch
    }
  }

  /** Leaves a call entered with {@code token}. */
  void exit(int token) {
    inFlight[token >>> EPOCH_SHIFT].getAndDecrement(token & SLOT_MASK);
  }

  /** @return true once {@link #close()} has been called */
  boolean isClosed() {
    return closed;
  }

  /**
   * Waits until every call that entered before this method was called has exited. Must not be
   * called between {@code enter()} and {@code exit()} of the same thread.
   */
  synchronized void awaitGracePeriod() {
    long e = epoch;
    epoch = e + 1;
    awaitZero(inFlight[(int) (e & 1)]);
  }

  /**
   * Makes every later {@code enter()} fail and waits for the calls in flight to exit. Must not be
   * called between {@code enter()} and {@code exit()} of the same thread.
   *
   * @return true if this call closed the guard, false if it was already closed
   */
  boolean close() {
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
    }
    awaitZero(inFlight[0]);
    awaitZero(inFlight[1]);
    return true;
  }

  private int slot() {
    long id = Thread.currentThread().getId();
    int h = (int) ((id * 0x9E3779B97F4A7C15L) >>> 40);
    return (h & stripeMask) * PAD;
  }

  private static void awaitZero(AtomicLongArray counts) {
    for (int slot = 0; slot < counts.length(); slot += PAD) {
      int spins = 0;
      while (counts.get(slot) != 0) {
        if (++spins < 1_000) {
          Thread.onSpinWait();
        } else if (spins < 1_100) {
          Thread.yield();
        } else {
          LockSupport.parkNanos(100_000);
        }
      }
    }
  }
}
