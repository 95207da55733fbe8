package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.store.RowLocks;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.txn.Transaction;
import io.phantomdb.kernel.txn.lock.LockKey;
import io.phantomdb.kernel.txn.lock.RowLockMode;
import io.phantomdb.kernel.txn.lock.WaitPolicy;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.ScanOrder;
import java.time.Duration;

/**
 * The row locks of one statement in a transaction: each row (or unique value) it writes is locked
 * in the engine's lock manager until the transaction ends (FOR NO KEY UPDATE for an UPDATE that
 * changes no key, else FOR UPDATE, as PostgreSQL), waiting for other writers as
 * PostgreSQL does (up to {@code lock_timeout}; deadlocks end in 40P01). Once the lock is held, a
 * version committed after the statement's snapshot means a concurrent update: REPEATABLE READ and
 * SERIALIZABLE fail with 40001, READ COMMITTED restarts the statement on a new snapshot
 * ({@link StatementRestart}), as PostgreSQL re-reads the row.
 */
final class TransactionRowLocks implements RowLocks {
  /** READ COMMITTED: run the statement again on a fresh snapshot (its writes so far are dropped). */
  static final class StatementRestart extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StatementRestart() {
      super("restart the statement on a new snapshot", null, false, false);
    }
  }

  private final SqlEngine engine;
  private final Transaction txn;
  private final long readTs;
  private final WaitPolicy policy;

  /**
   * @param engine the engine (its lock manager and data)
   * @param txn the transaction the locks belong to
   * @param readTs the statement's snapshot
   * @param policy how writes wait: the session's {@code lock_timeout} and {@code deadlock_timeout}
   */
  TransactionRowLocks(SqlEngine engine, Transaction txn, long readTs, WaitPolicy policy) {
    this.engine = engine;
    this.txn = txn;
    this.readTs = readTs;
    this.policy = policy;
  }

  /**
   * The wait policy of a session's statements.
   *
   * @param settings the session's settings
   * @return waits up to {@code lock_timeout} or {@code statement_timeout}, whichever is shorter
   *     (0: forever), looking for deadlocks after {@code
   *     deadlock_timeout}
   */
  static WaitPolicy waitPolicy(io.phantomdb.kernel.sql.expr.SessionContext settings) {
    Duration lock = millis(settings.setting("lock_timeout"));
    Duration statement = millis(settings.setting("statement_timeout"));
    if (!statement.isZero() && (lock.isZero() || statement.compareTo(lock) < 0)) {
      lock = statement; // the statement's time runs out first: StatementClock reports it as 57014
    }
    return WaitPolicy.waitFor(lock, millis(settings.setting("deadlock_timeout")));
  }

  private static Duration millis(String canonical) {
    return Duration.ofMillis(io.phantomdb.kernel.sql.session.SessionSettings.milliseconds(canonical));
  }

  /** Acquires a row lock so that a cancel of the session's statement ends its wait (57014). */
  private boolean acquire(LockKey key, RowLockMode mode, WaitPolicy p, TableLayout t) {
    return io.phantomdb.kernel.sql.exec.Cancellation.lockWait(txn.id(),
        () -> engine.locks().acquire(txn.id(), key, mode, p, () -> t.table().name()));
  }

  @Override
  public void lock(TableLayout t, byte[] logicalKey, boolean prefix) {
    acquire(LockKey.of(logicalKey), RowLockMode.UPDATE, policy, t);
    checkNotChanged(logicalKey, prefix);
  }

  @Override
  public void lockNoKeyUpdate(TableLayout t, byte[] logicalKey) {
    acquire(LockKey.of(logicalKey), RowLockMode.NO_KEY_UPDATE, policy, t);
    checkNotChanged(logicalKey, false);
  }

  /**
   * Locks a row a locking SELECT returns ({@code FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE}).
   *
   * @param t the table
   * @param logicalKey the row's key
   * @param mode the lock strength
   * @param kind WAIT (with the session's timeouts), NOWAIT or SKIP_LOCKED
   * @return false if SKIP LOCKED found the row locked
   * @throws StatementRestart READ COMMITTED, when the row changed after the statement's snapshot
   * @throws SqlException 40001 when it did under REPEATABLE READ or SERIALIZABLE; 55P03, 40P01,
   *     57014 from the lock manager
   */
  boolean lockRow(TableLayout t, byte[] logicalKey, RowLockMode mode, WaitPolicy.Kind kind) {
    WaitPolicy p = switch (kind) {
      case WAIT -> policy;
      case NOWAIT -> WaitPolicy.NOWAIT;
      case SKIP_LOCKED -> WaitPolicy.SKIP_LOCKED;
    };
    if (!acquire(LockKey.of(logicalKey), mode, p, t)) {
      return false;
    }
    checkNotChanged(logicalKey, false);
    return true;
  }

  private void checkNotChanged(byte[] logicalKey, boolean prefix) {
    if (newestCommit(logicalKey, prefix) > readTs) {
      if (txn.isolation() == Transaction.Isolation.READ_COMMITTED) {
        throw new StatementRestart();
      }
      throw new SqlException(SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update",
          null, "The transaction might succeed if retried.", null);
    }
  }

  /** The newest commit timestamp of a key's versions (or of any entry under a prefix), or -1. */
  private long newestCommit(byte[] key, boolean prefix) {
    if (!prefix) {
      try (Cursor c = engine.storage().scan(engine.data(), VersionedKeys.allVersions(key), ScanOrder.FORWARD)) {
        return c.next() ? VersionedKeys.commitTs(c.key()) : -1;
      }
    }
    long newest = -1;
    try (Cursor c = engine.storage().scan(engine.data(), VersionedKeys.prefixRange(key), ScanOrder.FORWARD)) {
      while (c.next()) {
        newest = Math.max(newest, VersionedKeys.commitTs(c.key()));
      }
    }
    return newest;
  }
}
