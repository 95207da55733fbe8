package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageStats;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmdbjava.Env;
import org.lmdbjava.EnvInfo;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * The engine's reads of the latest state: gets, cursors and snapshots (which keep their read
 * transaction), size estimates and stats. Every LMDB call runs inside a {@link TxnGate} stamp;
 * cursors and snapshots keep theirs until closed and are registered so the engine can close them.
 */
final class EngineReads {
  private final Env<ByteBuffer> env;
  private final TxnGate gate;
  private final ReadTxnPool pool;
  private final EngineAccess access;
  private final ResourceRegistry resources;
  private final MapGrowth growth;
  private final BtreeOptions options;
  private final SizeEstimator estimator;

  EngineReads(
      Env<ByteBuffer> env,
      TxnGate gate,
      ReadTxnPool pool,
      EngineAccess access,
      ResourceRegistry resources,
      MapGrowth growth,
      BtreeOptions options) {
    this.env = env;
    this.gate = gate;
    this.pool = pool;
    this.access = access;
    this.resources = resources;
    this.growth = growth;
    this.options = options;
    this.estimator = new SizeEstimator(access.codec());
  }

  byte[] get(BtreeKeyspace ks, byte[] key) {
    long stamp = gate.enter();
    try {
      ks.checkLive();
      Txn<ByteBuffer> txn = pool.acquire();
      try {
        return ks.get(txn, access.codec(), key);
      } finally {
        pool.release(txn);
      }
    } catch (LmdbException e) {
      throw access.mapRead(e, ks, "get");
    } finally {
      gate.exit(stamp);
    }
  }

  Cursor scan(BtreeKeyspace ks, KeyRange range, ScanOrder order) {
    long stamp = gate.enter();
    boolean handedOver = false;
    Txn<ByteBuffer> txn = null;
    try {
      ks.checkLive();
      if (range.isEmpty()) {
        return new EmptyCursor();
      }
      txn = pool.acquire();
      org.lmdbjava.Cursor<ByteBuffer> nativeCursor = ks.dbi().openCursor(txn);
      Txn<ByteBuffer> cursorTxn = txn;
      BtreeCursor[] self = new BtreeCursor[1];
      self[0] =
          new BtreeCursor(
              new Object(),
              nativeCursor,
              access.codec(),
              range,
              order,
              access.errors(),
              () -> {
                resources.remove(self[0]);
                pool.release(cursorTxn);
                gate.exit(stamp);
              });
      handedOver = true;
      try {
        resources.add(self[0]);
      } catch (RuntimeException e) {
        self[0].close();
        throw e;
      }
      return self[0];
    } catch (LmdbException e) {
      throw access.mapRead(e, ks, "scan");
    } finally {
      if (!handedOver) {
        if (txn != null) {
          pool.release(txn);
        }
        gate.exit(stamp);
      }
    }
  }

  ReadSnapshot snapshot() {
    long stamp = gate.enter();
    boolean handedOver = false;
    Txn<ByteBuffer> txn = null;
    try {
      txn = pool.acquire();
      Txn<ByteBuffer> snapshotTxn = txn;
      BtreeSnapshot[] self = new BtreeSnapshot[1];
      self[0] =
          new BtreeSnapshot(
              access,
              txn,
              () -> {
                resources.remove(self[0]);
                pool.release(snapshotTxn);
                gate.exit(stamp);
              });
      handedOver = true;
      try {
        resources.add(self[0]);
      } catch (RuntimeException e) {
        self[0].close();
        throw e;
      }
      return self[0];
    } catch (LmdbException e) {
      throw access.errors().map(e, "snapshot");
    } finally {
      if (!handedOver) {
        if (txn != null) {
          pool.release(txn);
        }
        gate.exit(stamp);
      }
    }
  }

  long approximateSize(BtreeKeyspace ks, KeyRange range) {
    long stamp = gate.enter();
    try {
      ks.checkLive();
      Txn<ByteBuffer> txn = pool.acquire();
      try {
        return estimator.estimate(txn, ks, range);
      } finally {
        pool.release(txn);
      }
    } catch (LmdbException e) {
      throw access.mapRead(e, ks, "size estimate");
    } finally {
      gate.exit(stamp);
    }
  }

  StorageStats stats(Path directory, List<BtreeKeyspace> keyspaces) {
    long stamp = gate.enter();
    try {
      long keys = 0;
      Txn<ByteBuffer> txn = pool.acquire();
      try {
        for (BtreeKeyspace ks : keyspaces) {
          if (!ks.isDropped()) {
            try {
              keys += ks.dbi().stat(txn).entries;
            } catch (LmdbException e) {
              // dropped meanwhile
            }
          }
        }
      } finally {
        pool.release(txn);
      }
      EnvInfo info = env.info();
      Map<String, Long> details = new LinkedHashMap<>();
      details.put("map-size", growth.mapSize());
      details.put("map-size-max", options.mapSizeMax());
      details.put("map-used-bytes", growth.usedBytes());
      details.put("page-size", (long) env.stat().pageSize);
      details.put("keyspaces", (long) keyspaces.size());
      details.put("readers-active", (long) gate.activeCount() - 1); // not this call
      details.put("reader-slots-used", (long) info.numReaders);
      details.put("max-readers", (long) info.maxReaders);
      details.put("open-cursors-and-snapshots", (long) resources.size());
      details.put("last-txn-id", info.lastTransactionId);
      long disk =
          EnvironmentOpener.fileSize(directory.resolve(EnvironmentOpener.DATA_FILE))
              + EnvironmentOpener.fileSize(directory.resolve(EnvironmentOpener.LMDB_LOCK_FILE));
      return new StorageStats(disk, 0, keys, details);
    } catch (LmdbException e) {
      throw access.errors().map(e, "stats");
    } finally {
      gate.exit(stamp);
    }
  }
}
