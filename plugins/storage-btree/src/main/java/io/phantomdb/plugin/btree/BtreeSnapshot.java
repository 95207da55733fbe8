package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;
import java.nio.ByteBuffer;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * A snapshot: one LMDB read transaction held open, which pins the pages of its view.
 *
 * <p>Thread-safe: LMDB lets only one thread at a time use a transaction, so every get and every
 * cursor step takes this snapshot's lock (per call, not for a cursor's whole life).
 *
 * <p>Keyspaces: one created after the snapshot reads as empty; one dropped (before or after the
 * snapshot was taken) throws {@link io.phantomdb.spi.storage.UnknownKeyspaceException}, because
 * LMDB reuses a dropped database's handle.
 */
final class BtreeSnapshot implements ReadSnapshot, OwnedResource {
  private final Object lock = new Object();
  private final EngineAccess engine;
  private final Txn<ByteBuffer> txn;
  private final long txnId;
  private final Runnable release;
  private final ResourceRegistry cursors = new ResourceRegistry("snapshot");
  private boolean closed;

  /**
   * @param engine the engine's checks and codec
   * @param txn the read transaction, owned by this snapshot
   * @param release run once on close, after the transaction is handed back
   */
  BtreeSnapshot(EngineAccess engine, Txn<ByteBuffer> txn, Runnable release) {
    this.engine = engine;
    this.txn = txn;
    this.txnId = txn.getId();
    this.release = release;
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    BtreeKeyspace ks = engine.resolve(keyspace);
    EngineAccess.requireArgument(key, "key");
    synchronized (lock) {
      checkOpen();
      ks.checkLive();
      if (!ks.visibleAt(txnId)) {
        return null;
      }
      try {
        return ks.get(txn, engine.codec(), key);
      } catch (LmdbException e) {
        throw engine.mapRead(e, ks, "snapshot get");
      }
    }
  }

  @Override
  public Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
    BtreeKeyspace ks = engine.resolve(keyspace);
    EngineAccess.requireArgument(range, "range");
    EngineAccess.requireArgument(order, "order");
    synchronized (lock) {
      checkOpen();
      ks.checkLive();
      if (!ks.visibleAt(txnId) || range.isEmpty()) {
        return new EmptyCursor();
      }
      org.lmdbjava.Cursor<ByteBuffer> nativeCursor;
      try {
        nativeCursor = ks.dbi().openCursor(txn);
      } catch (LmdbException e) {
        throw engine.mapRead(e, ks, "snapshot scan");
      }
      BtreeCursor[] self = new BtreeCursor[1];
      self[0] =
          new BtreeCursor(
              lock,
              nativeCursor,
              engine.codec(),
              range,
              order,
              engine.errors(),
              () -> cursors.remove(self[0]));
      cursors.add(self[0]);
      return self[0];
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      cursors.closeAll();
      try {
        release.run();
      } catch (RuntimeException ignored) {
        // close never throws
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageClosedException("snapshot is closed");
    }
  }
}
