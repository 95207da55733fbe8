package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.spi.storage.WriteBatch;

/**
 * What DDL that rewrites rows (ALTER COLUMN TYPE, adding or dropping a primary key, ...) needs
 * from the SQL engine: a commit timestamp for the new row versions, as a writing statement gets,
 * and row ids for tables that get a hidden row id. Every method is called under the engine's write
 * lock, from the DDL statement's thread.
 */
public interface DdlWriteContext {
  /** @return the next commit timestamp, above every earlier one */
  long nextCommitTs();

  /**
   * Adds to {@code batch} the record that {@code commitTs} is the last commit, so it is durable
   * together with the versions written at it.
   *
   * @param batch the statement's batch
   * @param commitTs its commit timestamp
   */
  void recordCommit(WriteBatch batch, long commitTs);

  /**
   * Called once the batch is written: later statements read at {@code commitTs}.
   *
   * @param commitTs the commit timestamp of the written batch
   */
  void committed(long commitTs);

  /** @return a new row id for a table keyed by its hidden row id */
  long nextRowId();
}
