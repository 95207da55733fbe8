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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The row locks of one statement in a transaction: each row (or unique value) it writes is locked
 * in the engine's lock manager until the transaction ends, waiting for other writers as
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

  private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ms|s|min|h|d)?\\s*");

  private final SqlEngine engine;
  private final Transaction txn;
  private final long readTs;
  private final WaitPolicy policy;

  /**
   * @param engine the engine (its lock manager and data)
   * @param txn the transaction the locks belong to
   * @param readTs the statement's snapshot
   * @param lockTimeout the session's {@code lock_timeout} text (0: wait as long as it takes)
   */
  TransactionRowLocks(SqlEngine engine, Transaction txn, long readTs, String lockTimeout) {
    this.engine = engine;
    this.txn = txn;
    this.readTs = readTs;
    this.policy = WaitPolicy.waitFor(parse(lockTimeout));
  }

  @Override
  public void lock(TableLayout t, byte[] logicalKey, boolean prefix) {
    engine.locks().acquire(txn.id(), LockKey.of(logicalKey), RowLockMode.UPDATE, policy, () -> t.table().name());
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

  /** {@code lock_timeout} as PostgreSQL writes it: a number of milliseconds or with a unit. */
  static Duration parse(String text) {
    Matcher m = text == null ? null : DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (m == null || !m.matches()) {
      return Duration.ZERO;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(n);
      case "min" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofMillis(n);
    };
  }
}
