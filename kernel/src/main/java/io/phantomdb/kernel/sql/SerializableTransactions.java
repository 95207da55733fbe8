package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.txn.Transaction;
import io.phantomdb.kernel.txn.ssi.SerializableTransaction;
import io.phantomdb.kernel.txn.ssi.SsiReader;
import io.phantomdb.spi.storage.KeyValueReader;
import java.util.Collection;

/**
 * Where a transaction block meets the engine's SSI registry ({@link
 * io.phantomdb.kernel.txn.ssi.SsiRegistry}): a SERIALIZABLE transaction registers as its first
 * statement takes the snapshot, its statements read through a recording reader, a statement's
 * writes are recorded when it succeeds, and the record ends with the transaction. Every method
 * does nothing for READ COMMITTED and REPEATABLE READ.
 */
final class SerializableTransactions {
  private SerializableTransactions() {}

  /**
   * The read timestamp of a statement of {@code txn} starting now; the first statement of a
   * SERIALIZABLE transaction registers it, taking the snapshot under the registry's monitor.
   *
   * @param engine the engine
   * @param txn the transaction block
   * @return the timestamp to read at
   */
  static long statementReadTs(SqlEngine engine, Transaction txn) {
    if (txn.isolation() == Transaction.Isolation.SERIALIZABLE && txn.serializable() == null) {
      txn.serializable(engine.ssi().register(txn.id(), () -> txn.statementReadTs(engine.readTs())));
    }
    return txn.statementReadTs(engine.readTs());
  }

  /**
   * @param engine the engine
   * @param txn the transaction block, or null
   * @param base what its statement reads
   * @return {@code base}, recording the reads of a SERIALIZABLE transaction
   */
  static KeyValueReader reader(SqlEngine engine, Transaction txn, KeyValueReader base) {
    SerializableTransaction s = txn == null ? null : txn.serializable();
    return s == null ? base : new SsiReader(base, engine.data(), engine.ssi(), s);
  }

  /**
   * Records the logical keys a successful statement wrote.
   *
   * @throws SqlException 40001 if the writes complete a dangerous structure with this one as pivot
   */
  static void wrote(SqlEngine engine, Transaction txn, Collection<byte[]> keys) {
    SerializableTransaction s = txn.serializable();
    if (s != null) {
      engine.ssi().recordWrites(s, keys);
    }
  }

  /**
   * Under the engine's write lock: the commit timestamp of a transaction whose checks passed; for
   * a SERIALIZABLE one, once the registry let it commit.
   *
   * @param wrote whether the transaction has writes to commit (else no timestamp is taken: -1)
   * @throws SqlException 40001 if it is a pivot of a dangerous structure
   */
  static long commitTs(SqlEngine engine, Transaction txn, boolean wrote) {
    SerializableTransaction s = txn.serializable();
    if (s == null) {
      return wrote ? engine.nextTransactionCommitTs() : -1;
    }
    return engine.ssi().commit(s, () -> wrote ? engine.nextTransactionCommitTs() : -1, engine::readTs);
  }

  /** The transaction ended: forgets its record unless it committed. */
  static void ended(SqlEngine engine, Transaction txn) {
    SerializableTransaction s = txn.serializable();
    if (s != null) {
      engine.ssi().end(s, engine::readTs);
    }
  }
}
