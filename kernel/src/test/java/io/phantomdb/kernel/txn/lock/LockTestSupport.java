package io.phantomdb.kernel.txn.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.phantomdb.kernel.sql.SqlException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Helpers for the lock manager tests: keys, a thread pool for waiters, and waits bounded only by
 * a generous hang guard (never a timing assertion).
 */
final class LockTestSupport implements AutoCloseable {
  /** How long anything may take before the test is declared hung. */
  static final long HANG_GUARD_SECONDS = 60;
  static final Supplier<String> REL = () -> "t";

  private final ExecutorService pool = Executors.newCachedThreadPool();

  /** @return a key of the given bytes */
  static LockKey key(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return LockKey.of(b);
  }

  /** Runs work on a thread of its own. */
  <T> Future<T> async(Callable<T> work) {
    return pool.submit(work);
  }

  /** @return the result of the future, failing the test if it does not finish in the hang guard */
  static <T> T await(Future<T> f) {
    try {
      return f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return fail("hung: no result within the hang guard");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    } catch (ExecutionException e) {
      return fail("failed", e.getCause());
    }
  }

  /** @return the SqlException the future ended with (fails if it ended otherwise) */
  static SqlException awaitFailure(Future<?> f) {
    try {
      Object r = f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      return fail("expected an error, got " + r);
    } catch (TimeoutException e) {
      return fail("hung: no result within the hang guard");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(SqlException.class);
      return (SqlException) e.getCause();
    }
  }

  /** Polls until the condition holds, failing the test if it does not within the hang guard. */
  static void awaitCondition(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("hung waiting for: " + what);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  /** Waits until txn is queued for a lock. */
  static void awaitWaiting(LockManager locks, long txn) {
    awaitCondition(
        "transaction " + txn + " waiting",
        () -> locks.snapshot().stream().anyMatch(l -> l.transactionId() == txn && !l.granted()));
  }

  /** Acquires with WAIT_FOREVER on the calling thread. */
  static boolean lock(LockManager locks, long txn, LockKey key, RowLockMode mode) {
    return locks.acquire(txn, key, mode, WaitPolicy.WAIT_FOREVER, REL);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
