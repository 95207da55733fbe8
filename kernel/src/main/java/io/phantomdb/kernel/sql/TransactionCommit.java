package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.txn.Transaction;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.Map;

/**
 * Commits an explicit transaction: under the engine's write lock, checks that no key it wrote got
 * a version committed after its snapshot (first committer wins: 40001 otherwise, and nothing is
 * written), then writes all its writes as versions at one new commit timestamp in one synced batch.
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
      return;
    }
    engine.writeLock().lock();
    try {
      for (byte[] key : txn.writes().keySet()) {
        long newest = newestVersion(engine, key);
        if (newest > txn.snapshotTs()) {
          throw new SqlException(SqlState.SERIALIZATION_FAILURE,
              "could not serialize access due to concurrent update", null,
              "The transaction might succeed if retried.", null);
        }
      }
      long commitTs = engine.nextCommitTs();
      WriteBatch batch = new WriteBatch(txn.writes().size() + 1);
      for (Map.Entry<byte[], byte[]> e : txn.writes().entrySet()) {
        batch.put(engine.data(), VersionedKeys.versioned(e.getKey(), commitTs), e.getValue());
      }
      byte[][] ts = engine.lastTsEntry(commitTs);
      batch.put(engine.data(), ts[0], ts[1]);
      engine.storage().write(batch, Durability.SYNC);
      engine.committed(commitTs);
    } finally {
      engine.writeLock().unlock();
    }
  }

  /** The commit timestamp of the newest version of a logical key, or -1. */
  private static long newestVersion(SqlEngine engine, byte[] logicalKey) {
    try (Cursor c = engine.storage().scan(engine.data(), VersionedKeys.allVersions(logicalKey), ScanOrder.FORWARD)) {
      return c.next() ? VersionedKeys.commitTs(c.key()) : -1;
    }
  }
}
