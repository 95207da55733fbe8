package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageClosedException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * Guards the lifetime of every LMDB transaction against the two operations that need none to be
 * active: growing the map ({@code mdb_env_set_mapsize}) and closing the environment.
 *
 * <p>Each transaction (a get, a write, a cursor's or a snapshot's read transaction) holds a
 * shared stamp from {@link #enter()} to {@link #exit(long)}; growth and close take the exclusive
 * side. A {@link StampedLock} rather than a {@code ReentrantReadWriteLock}: a snapshot's stamp is
 * often released by another thread than the one that took it. Stamps are not reentrant: a thread
 * that holds one and asks for another while growth waits stalls until growth gives up, which is
 * bounded by the growth wait.
 */
final class TxnGate {
  /** How long one queued attempt at the exclusive side may hold up new readers. */
  static final long QUEUED_SLICE_MS = 10;

  private static final long PAUSE_MS = 40;

  private final StampedLock lock = new StampedLock();
  private final String owner;
  private volatile boolean closed;

  /** @param owner names the engine in {@link StorageClosedException} messages */
  TxnGate(String owner) {
    this.owner = owner;
  }

  /**
   * Enters: LMDB may be used until {@link #exit(long)}.
   *
   * @return the stamp to pass to {@link #exit(long)}
   * @throws StorageClosedException if the engine is closed or closing
   */
  long enter() {
    long stamp = lock.readLock();
    if (closed) {
      lock.unlockRead(stamp);
      throw closedException();
    }
    return stamp;
  }

  /** Leaves; any thread may release a stamp. */
  void exit(long stamp) {
    lock.unlockRead(stamp);
  }

  /**
   * Waits up to {@code millis} until no transaction is active and takes the exclusive side.
   *
   * <p>The wait alternates a short queued attempt ({@value #QUEUED_SLICE_MS} ms, during which new
   * readers wait behind it, so that short reads drain) with a pause in which readers go on
   * unhindered, so that a long-lived snapshot does not stall every reader for the whole wait.
   *
   * @param millis the longest wait; 0 tries once without waiting
   * @return a stamp for {@link #releaseExclusive(long)}, or 0 if the wait timed out
   */
  long tryExclusive(long millis) {
    if (millis <= 0) {
      return lock.tryWriteLock();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      while (true) {
        long stamp = lock.tryWriteLock(Math.min(QUEUED_SLICE_MS, millis), TimeUnit.MILLISECONDS);
        if (stamp != 0) {
          return stamp;
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return 0;
        }
        Thread.sleep(Math.min(PAUSE_MS, left));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Releases the exclusive side. */
  void releaseExclusive(long stamp) {
    lock.unlockWrite(stamp);
  }

  /**
   * Marks the gate closed, so that {@link #enter()} fails from now on, and waits until every
   * active transaction has left.
   *
   * @return the exclusive stamp; release it once LMDB is closed
   */
  long closeAndDrain() {
    closed = true;
    return lock.writeLock();
  }

  /** @return whether {@link #closeAndDrain()} was called */
  boolean isClosed() {
    return closed;
  }

  /** @return how many stamps are held now (transactions active in this process) */
  int activeCount() {
    return lock.getReadLockCount();
  }

  /** @return the exception for use after close */
  StorageClosedException closedException() {
    return new StorageClosedException("the btree engine on " + owner + " is closed");
  }
}
