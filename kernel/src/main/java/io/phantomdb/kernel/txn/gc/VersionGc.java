package io.phantomdb.kernel.txn.gc;

import io.phantomdb.kernel.txn.ActiveSnapshots;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageClosedException;
import io.phantomdb.spi.storage.StorageEngine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version garbage collector of one SQL engine: a daemon thread that runs a {@linkplain
 * VersionCollector pass} over the data keyspace every {@code interval}, plus passes on demand
 * ({@link #collect(List)}: VACUUM, tests, operators). Passes run one at a time; commits and reads
 * go on during a pass (it takes no engine lock). Each pass logs its counts at debug level.
 *
 * <p>Lifecycle: {@link #start()} once after the engine opened; {@link #close()} before the storage
 * engine closes: it stops the thread, letting a running pass end at its next chunk. Thread-safe.
 */
public final class VersionGc implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VersionGc.class);
  /** Every versioned key of the data keyspace: keys starting with 00 are the engine's own. */
  public static final KeyRange VERSIONED_DATA = KeyRange.closedOpen(new byte[] {1}, null);

  private final VersionCollector collector;
  private final ActiveSnapshots snapshots;
  private final GcSettings settings;
  private final LongSupplier wallMicros;
  private final ReentrantLock passLock = new ReentrantLock();
  private final ReentrantLock stateLock = new ReentrantLock();
  private final Condition wake = stateLock.newCondition();
  private volatile boolean closed;
  private Thread thread;
  private long passes;
  private long keysScanned;
  private long versionsScanned;
  private long versionsRemoved;
  private long lastHorizon = -1;

  /**
   * @param storage the storage engine
   * @param data the data keyspace (versioned keys; keys starting with 00 are skipped)
   * @param snapshots the read timestamps in use
   * @param settings interval and retention
   * @param wallMicros the wall clock in microseconds, as commit timestamps count
   */
  public VersionGc(StorageEngine storage, Keyspace data, ActiveSnapshots snapshots, GcSettings settings,
      LongSupplier wallMicros) {
    this.collector = new VersionCollector(storage, data);
    this.snapshots = snapshots;
    this.settings = settings;
    this.wallMicros = wallMicros;
  }

  /** Starts the background thread, unless the interval is zero. */
  public void start() {
    if (settings.interval().isZero()) {
      return;
    }
    stateLock.lock();
    try {
      if (thread != null || closed) {
        return;
      }
      thread = new Thread(this::loop, "phantomdb-version-gc");
      thread.setDaemon(true);
      thread.start();
    } finally {
      stateLock.unlock();
    }
  }

  private void loop() {
    long pause = settings.interval().toNanos();
    while (true) {
      stateLock.lock();
      try {
        long left = pause;
        while (!closed && left > 0) {
          left = wake.awaitNanos(left);
        }
        if (closed) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        stateLock.unlock();
      }
      try {
        collect(List.of(VERSIONED_DATA));
      } catch (StorageClosedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("version garbage collection pass failed; the next one retries", e);
      }
    }
  }

  /**
   * Runs one pass now (waiting for one in progress to end first).
   *
   * @param ranges ranges of the data keyspace holding only versioned keys ({@link #VERSIONED_DATA}
   *     for all)
   * @return what it did; not {@linkplain GcPassResult#complete() complete} if the collector closed
   */
  public GcPassResult collect(List<KeyRange> ranges) {
    passLock.lock();
    try {
      long horizon = snapshots.horizon(wallMicros.getAsLong() - retentionMicros());
      GcPassResult r = collector.collect(ranges, horizon, () -> closed);
      synchronized (this) {
        passes++;
        keysScanned += r.keysScanned();
        versionsScanned += r.versionsScanned();
        versionsRemoved += r.versionsRemoved();
        lastHorizon = horizon;
      }
      LOG.debug("version GC pass: horizon {}, {} keys and {} versions scanned, {} versions removed ({} tombstones)",
          horizon, r.keysScanned(), r.versionsScanned(), r.versionsRemoved(), r.tombstonesRemoved());
      return r;
    } finally {
      passLock.unlock();
    }
  }

  private long retentionMicros() {
    try {
      return TimeUnit.NANOSECONDS.toMicros(settings.retention().toNanos());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2; // centuries: keep everything
    }
  }

  /** @return the counts since the engine opened */
  public synchronized GcTotals totals() {
    return new GcTotals(passes, keysScanned, versionsScanned, versionsRemoved, lastHorizon);
  }

  /** Stops the background thread and waits for a running pass to end. Idempotent. */
  @Override
  public void close() {
    Thread t;
    stateLock.lock();
    try {
      closed = true;
      wake.signalAll();
      t = thread;
    } finally {
      stateLock.unlock();
    }
    if (t != null && t != Thread.currentThread()) {
      boolean interrupted = false;
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    // an on-demand pass in another thread ends at its next chunk; wait for it
    passLock.lock();
    passLock.unlock();
  }
}
