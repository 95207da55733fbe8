package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.ddl.DdlWriteContext;
import io.phantomdb.spi.storage.WriteBatch;

/** The engine's commit timestamps and row ids, handed to DDL that rewrites rows. */
final class EngineDdlWrites implements DdlWriteContext {
  private final SqlEngine engine;

  EngineDdlWrites(SqlEngine engine) {
    this.engine = engine;
  }

  @Override
  public long nextCommitTs() {
    return engine.nextCommitTs();
  }

  @Override
  public void recordCommit(WriteBatch batch, long commitTs) {
    byte[][] entry = engine.lastTsEntry(commitTs);
    batch.put(engine.data(), entry[0], entry[1]);
  }

  @Override
  public void committed(long commitTs) {
    engine.committed(commitTs);
  }

  @Override
  public long nextRowId() {
    return engine.nextRowId();
  }
}
