package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.txn.Transaction;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.ScanOrder;

/**
 * Commits a transaction: under the engine's write lock, checks (REPEATABLE READ, SERIALIZABLE) that
 * no key it wrote got a version committed after its snapshot (first committer wins: 40001
 * otherwise, and nothing is written), lets SERIALIZABLE's registry refuse a pivot of a dangerous
 * structure (40001, {@link io.phantomdb.kernel.txn.ssi.SsiRegistry}), gives it a commit timestamp and submits its writes to the
 * engine's replication group in timestamp order; then waits, without the lock, until the group has
 * applied them (synced, and visible to new statements). The caller releases its row locks afterwards.
 */
final class TransactionCommit {
  private TransactionCommit() {}

  /**
   * @param engine the engine
   * @param txn the transaction, active
   * @throws SqlException 40001 on a write-write conflict
   */
  static void commit(SqlEngine engine, Transaction txn) {
    if (txn.writes().isEmpty()) {
      if (txn.serializable() != null) {
        SerializableTransactions.commitTs(engine, txn, false); // a read-only one: the registry orders it
      }
      return;
    }
    java.util.concurrent.CompletableFuture<Long> submitted;
    engine.writeLock().lock();
    try {
      if (txn.catalogVersion() >= 0 && engine.catalog().current().version() != txn.catalogVersion()) {
        // rows written with the layouts of a catalog that has changed since (DDL committed meanwhile)
        throw new SqlException(SqlState.SERIALIZATION_FAILURE,
            "could not serialize access: the schema changed during the transaction", null,
            "The transaction might succeed if retried.", null);
      }
      // Row locks kept every written row from changing since it was written; REPEATABLE READ and
      // SERIALIZABLE also need nothing committed since the snapshot (first committer wins).
      for (byte[] key : txn.isolation() == Transaction.Isolation.READ_COMMITTED ? java.util.Set.<byte[]>of()
          : txn.writes().keySet()) {
        long newest = newestVersion(engine, key);
        if (newest > txn.snapshotTs()) {
          throw new SqlException(SqlState.SERIALIZATION_FAILURE,
              "could not serialize access due to concurrent update", null,
              "The transaction might succeed if retried.", null);
        }
      }
      long commitTs = SerializableTransactions.commitTs(engine, txn, true);
      submitted = engine.submit(CommitCommand.encode(commitTs, txn.writes()));
    } finally {
      engine.writeLock().unlock();
    }
    // waiting outside the lock lets other commits join the same synced batch (group commit)
    try {
      submitted.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR, "could not commit: " + e.getCause().getMessage(),
          null, null, e.getCause());
    }
  }

  /** The commit timestamp of the newest version of a logical key, or -1. */
  private static long newestVersion(SqlEngine engine, byte[] logicalKey) {
    try (Cursor c = engine.storage().scan(engine.data(), VersionedKeys.allVersions(logicalKey), ScanOrder.FORWARD)) {
      return c.next() ? VersionedKeys.commitTs(c.key()) : -1;
    }
  }
}
