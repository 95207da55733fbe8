package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.spi.consensus.LogEntry;
import io.phantomdb.spi.consensus.StateMachine;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Applies committed transactions ({@link CommitCommand}s) to the data keyspace: every entry of one
 * {@link #apply} call goes into one storage batch, synced once (group commit), together with the
 * last commit timestamp and the last applied index, so a restart resumes exactly after the last
 * applied command and never applies one twice. Then the engine is told the new last commit, which
 * makes the writes visible to new statements.
 */
final class SqlStateMachine implements StateMachine {
  private static final byte[] LAST_APPLIED_KEY = {0, 'l', 'a'};

  private final StorageEngine storage;
  private final Keyspace data;
  private final byte[] lastTsKey;
  private final LongConsumer committed;
  private volatile long lastApplied;

  /**
   * @param storage the storage engine
   * @param data the data keyspace
   * @param lastTsKey the key the last commit timestamp is kept under
   * @param committed told the newest commit timestamp after each apply
   */
  SqlStateMachine(StorageEngine storage, Keyspace data, byte[] lastTsKey, LongConsumer committed) {
    this.storage = storage;
    this.data = data;
    this.lastTsKey = lastTsKey;
    this.committed = committed;
    byte[] v = storage.get(data, LAST_APPLIED_KEY);
    this.lastApplied = v == null ? 0 : ByteBuffer.wrap(v).getLong();
  }

  @Override
  public void apply(List<LogEntry> entries) {
    WriteBatch batch = new WriteBatch();
    long newestTs = 0;
    long last = lastApplied;
    for (LogEntry e : entries) {
      if (e.index() <= last) {
        continue; // applied before a restart
      }
      CommitCommand.Decoded c = CommitCommand.decode(e.command());
      for (CommitCommand.Write w : c.writes()) {
        Checksums.putVersion(batch, data, w.key(), c.commitTs(), w.value());
      }
      newestTs = Math.max(newestTs, c.commitTs());
      last = e.index();
    }
    if (last == lastApplied) {
      return;
    }
    if (newestTs > 0) {
      batch.put(data, lastTsKey, ByteBuffer.allocate(8).putLong(newestTs).array());
    }
    batch.put(data, LAST_APPLIED_KEY, ByteBuffer.allocate(8).putLong(last).array());
    storage.write(batch, Durability.SYNC);
    lastApplied = last;
    if (newestTs > 0) {
      committed.accept(newestTs);
    }
  }

  @Override
  public long lastApplied() {
    return lastApplied;
  }

  @Override
  public long takeSnapshot(OutputStream out) throws IOException {
    throw new IOException("snapshots of the SQL state machine are not supported yet (one node only)");
  }

  @Override
  public void restore(InputStream in) throws IOException {
    throw new IOException("restoring the SQL state machine from a snapshot is not supported yet (one node only)");
  }
}
