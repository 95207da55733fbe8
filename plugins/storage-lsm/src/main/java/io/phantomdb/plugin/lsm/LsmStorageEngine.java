package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.StorageStats;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The {@code lsm} storage engine: one RocksDB database per data directory, one column family per
 * keyspace (see {@link LsmKeyspace}), opened by {@link LsmStorageEngineFactory}.
 *
 * <p>Thread-safe. Every call that uses a native object runs inside an {@link LsmGuard}, so that
 * {@link #close()} and {@link #dropKeyspace(String)} free native memory only once no call can
 * still use it; cursors and snapshots left open are freed by {@code close()}.
 *
 * <p>Snapshots taken before a keyspace was dropped throw {@link
 * io.phantomdb.spi.storage.UnknownKeyspaceException} when reading it, like the engine itself.
 */
public final class LsmStorageEngine implements StorageEngine {
  /** The longest key stored: 64 KiB. */
  public static final int MAX_KEY_LENGTH = 64 << 10;
  /** The longest value stored: 256 MiB. */
  public static final int MAX_VALUE_LENGTH = 256 << 20;

  private static final System.Logger LOG = System.getLogger(LsmStorageEngine.class.getName());
  private static final byte[] ABOVE_ALL_KEYS = LsmBounds.aboveAll(MAX_KEY_LENGTH);

  private final Path directory;
  private final LsmNativeConfig config;
  private final RocksDB db;
  private final ReadOptions readOptions;
  private final LsmGuard guard;
  private final LsmBatchWriter writer;
  private final LsmKeyspaces keyspaces;
  private final Set<LsmResource> resources = ConcurrentHashMap.newKeySet();
  private final Object closeLock = new Object();

  LsmStorageEngine(Path directory, LsmNativeConfig config, RocksDB db, List<byte[]> names,
      List<ColumnFamilyHandle> openHandles) {
    this.directory = directory;
    this.config = config;
    this.db = db;
    this.readOptions = config.readOptions();
    this.guard = new LsmGuard("lsm storage engine in " + directory);
    this.writer = new LsmBatchWriter(this, db);
    this.keyspaces = new LsmKeyspaces(
        this, db, config.columnFamilyOptions(), directory, names, openHandles);
  }

  @Override
  public Keyspace createKeyspace(String name) {
    LsmArgs.notNull(name, "keyspace name");
    LsmKeyspaces.checkName(name);
    int token = guard.enter();
    try {
      return keyspaces.create(name);
    } catch (RocksDBException e) {
      throw error(e, "create keyspace '" + name + "'");
    } finally {
      guard.exit(token);
    }
  }

  @Override
  public Keyspace keyspace(String name) {
    LsmArgs.notNull(name, "keyspace name");
    checkOpen();
    return keyspaces.get(name);
  }

  @Override
  public List<String> keyspaces() {
    checkOpen();
    return keyspaces.names();
  }

  @Override
  public void dropKeyspace(String name) {
    LsmArgs.notNull(name, "keyspace name");
    LsmKeyspace dropped;
    int token = guard.enter();
    try {
      dropped = keyspaces.drop(name);
    } catch (RocksDBException e) {
      throw error(e, "drop keyspace '" + name + "'");
    } finally {
      guard.exit(token);
    }
    // Calls that checked the keyspace before it was marked dropped may still use its handle.
    guard.awaitGracePeriod();
    token = guard.tryEnter();
    if (token >= 0) { // else close() frees the handle
      try {
        keyspaces.free(dropped);
      } finally {
        guard.exit(token);
      }
    }
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    LsmKeyspace ks = own(keyspace);
    LsmArgs.notNull(key, "key");
    int token = guard.enter();
    try {
      return db.get(ks.liveHandle(), readOptions, key);
    } catch (RocksDBException e) {
      throw error(e, "read");
    } finally {
      guard.exit(token);
    }
  }

  @Override
  public Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
    LsmKeyspace ks = own(keyspace);
    LsmArgs.notNull(range, "range");
    LsmArgs.notNull(order, "order");
    int token = guard.enter();
    try {
      return openCursor(ks, range, order, null);
    } finally {
      guard.exit(token);
    }
  }

  @Override
  public void write(WriteBatch batch, Durability durability) {
    LsmArgs.notNull(batch, "batch");
    LsmArgs.notNull(durability, "durability");
    boolean sync = durability == Durability.SYNC;
    int token = guard.enter();
    try {
      writer.write(batch, sync ? config.syncWrite() : config.noSyncWrite(), sync);
    } catch (RocksDBException e) {
      throw error(e, "write");
    } finally {
      guard.exit(token);
    }
  }

  @Override
  public ReadSnapshot snapshot() {
    int token = guard.enter();
    try {
      LsmSnapshot snapshot = new LsmSnapshot(this, db);
      track(snapshot);
      return snapshot;
    } finally {
      guard.exit(token);
    }
  }

  @Override
  public void checkpoint(Path target) {
    LsmArgs.notNull(target, "target");
    int token = guard.enter();
    try {
      LsmCheckpoints.create(db, directory, target.toAbsolutePath().normalize());
    } finally {
      guard.exit(token);
    }
  }

  @Override
  public long approximateSize(Keyspace keyspace, KeyRange range) {
    LsmKeyspace ks = own(keyspace);
    LsmArgs.notNull(range, "range");
    int token = guard.enter();
    try {
      ColumnFamilyHandle handle = ks.liveHandle();
      byte[] lower = LsmBounds.lower(range);
      byte[] upper = LsmBounds.upper(range);
      return LsmSizes.approximate(db, handle, lower == null ? new byte[0] : lower,
          upper == null ? ABOVE_ALL_KEYS : upper);
    } finally {
      guard.exit(token);
    }
  }

  @Override
  public StorageStats stats() {
    int token = guard.enter();
    try {
      long snapshots = resources.stream().filter(r -> r instanceof LsmSnapshot).count();
      return LsmStats.collect(db, config.blockCache(), directory, Map.of(
          "keyspaces", (long) keyspaces.size(),
          "open-snapshots", snapshots,
          "open-cursors", resources.size() - snapshots));
    } catch (RocksDBException e) {
      throw error(e, "stats");
    } finally {
      guard.exit(token);
    }
  }

  @Override
  public int maxKeyLength() {
    return MAX_KEY_LENGTH;
  }

  @Override
  public int maxValueLength() {
    return MAX_VALUE_LENGTH;
  }

  /**
   * Syncs the WAL, frees cursors and snapshots left open, then closes the column families, the
   * database and its options. Waits for calls in flight; idempotent.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (!guard.close()) {
        return;
      }
      try {
        db.flushWal(true);
      } catch (RocksDBException e) {
        LOG.log(System.Logger.Level.WARNING, "syncing the WAL of " + directory + " failed", e);
      }
      resources.forEach(LsmResource::release);
      resources.clear();
      keyspaces.closeAll();
      try {
        db.closeE();
      } catch (RocksDBException e) {
        LOG.log(System.Logger.Level.WARNING, "closing RocksDB in " + directory + " failed", e);
      } finally {
        config.close();
      }
    }
  }

  @Override
  public String toString() {
    return "LsmStorageEngine[" + directory + (guard.isClosed() ? ", closed]" : "]");
  }

  /** Opens a cursor; call inside the guard (and, for a snapshot, holding a reference to it). */
  Cursor openCursor(LsmKeyspace ks, KeyRange range, ScanOrder order, LsmSnapshot snapshot) {
    return LsmCursor.open(this, db, ks, range, order, snapshot);
  }

  /**
   * @return {@code keyspace} as a keyspace of this engine
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is another engine's
   */
  LsmKeyspace own(Keyspace keyspace) {
    if (keyspace instanceof LsmKeyspace ks && ks.engine() == this) {
      return ks;
    }
    LsmArgs.notNull(keyspace, "keyspace");
    throw new IllegalArgumentException(
        "keyspace '" + keyspace.name() + "' belongs to another storage engine, not " + this);
  }

  /** @return the guard around native calls */
  LsmGuard guard() {
    return guard;
  }

  /** Tracks a resource for {@link #close()} to free if its owner does not. */
  void track(LsmResource resource) {
    resources.add(resource);
  }

  /** Stops tracking a resource its owner closed. */
  void untrack(LsmResource resource) {
    resources.remove(resource);
  }

  /** @return the SPI exception for a RocksDB failure during {@code action} */
  StorageException error(RocksDBException e, String action) {
    return LsmErrors.map(e, directory, action);
  }

  private void checkOpen() {
    if (guard.isClosed()) {
      throw new StorageClosedException("lsm storage engine in " + directory + " is closed");
    }
  }
}
