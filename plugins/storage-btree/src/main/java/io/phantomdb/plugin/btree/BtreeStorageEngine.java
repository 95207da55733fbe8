package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageStats;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/**
 * The {@code btree} storage engine: one LMDB environment in the data directory, one LMDB named
 * database per keyspace. Opened by {@link BtreeStorageEngineFactory}.
 *
 * <p><b>Reads</b> ({@link #get}, {@link #scan}) each run in a read transaction of their own,
 * taken from a small pool; a cursor keeps its transaction until closed, so it reads a fixed view.
 * <b>Writes</b> run one at a time in a write transaction each; {@link Durability#SYNC} adds an
 * {@code fsync} after the commit, {@link Durability#NO_SYNC} none (see the {@code power-loss-safe}
 * option). <b>Snapshots</b> hold a read transaction: a keyspace created after a snapshot reads as
 * empty through it, and a dropped keyspace throws {@link
 * io.phantomdb.spi.storage.UnknownKeyspaceException} through every snapshot, also those taken
 * before the drop (LMDB reuses a dropped database's handle).
 *
 * <p><b>Limits:</b> keys up to {@link #maxKeyLength()} (510) bytes, values up to 256 MiB, one batch
 * up to what one LMDB transaction holds (about 128k changed pages, 512 MiB with 4 KiB pages), the
 * store up to {@code map-size-max}. The map grows only while no transaction is open: a write that
 * needs growth while long-lived snapshots or cursors are open fails with {@link
 * io.phantomdb.spi.storage.StorageFullException} after {@code map-grow-wait-ms}.
 *
 * <p><b>Close</b> closes open cursors and snapshots, waits for running calls to leave LMDB and then
 * closes the environment; calls still arriving fail with {@link
 * io.phantomdb.spi.storage.StorageClosedException}.
 */
public final class BtreeStorageEngine implements StorageEngine {
  /** The longest value this engine stores: 256 MiB. */
  public static final int MAX_VALUE_LENGTH = 256 << 20;

  private final Path directory;
  private final DirectoryLock directoryLock;
  private final Env<ByteBuffer> env;
  private final TxnGate gate;
  private final ReadTxnPool pool;
  private final MapGrowth growth;
  private final LmdbWriter writer;
  private final EngineAccess access;
  private final KeyspaceCatalog catalog;
  private final BatchApplier applier;
  private final ResourceRegistry resources;
  private final EngineReads reads;
  private final AtomicBoolean closed = new AtomicBoolean();

  BtreeStorageEngine(
      Path directory, DirectoryLock directoryLock, Env<ByteBuffer> env, BtreeOptions options) {
    this.directory = directory;
    this.directoryLock = directoryLock;
    this.env = env;
    LmdbErrors errors = new LmdbErrors(directory.toString());
    KeyCodec codec = new KeyCodec(env.getMaxKeySize());
    this.gate = new TxnGate(directory.toString());
    this.pool = new ReadTxnPool(env, options.maxReaders());
    this.growth = new MapGrowth(env, gate, options, env.stat().pageSize);
    this.writer = new LmdbWriter(env, gate, growth, errors);
    this.access = new EngineAccess(this, codec, errors);
    this.catalog = new KeyspaceCatalog(this, env, writer);
    this.applier = new BatchApplier(codec, MAX_VALUE_LENGTH, access::resolve);
    this.resources = new ResourceRegistry("the btree engine on " + directory);
    this.reads = new EngineReads(env, gate, pool, access, resources, growth, options);
    catalog.load();
  }

  @Override
  public Keyspace createKeyspace(String name) {
    checkOpen();
    return catalog.create(name);
  }

  @Override
  public Keyspace keyspace(String name) {
    checkOpen();
    return catalog.get(name);
  }

  @Override
  public List<String> keyspaces() {
    checkOpen();
    return catalog.names();
  }

  @Override
  public void dropKeyspace(String name) {
    checkOpen();
    catalog.drop(name);
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    checkOpen();
    BtreeKeyspace ks = access.resolve(keyspace);
    EngineAccess.requireArgument(key, "key");
    return reads.get(ks, key);
  }

  @Override
  public Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
    checkOpen();
    BtreeKeyspace ks = access.resolve(keyspace);
    EngineAccess.requireArgument(range, "range");
    EngineAccess.requireArgument(order, "order");
    return reads.scan(ks, range, order);
  }

  @Override
  public void write(WriteBatch batch, Durability durability) {
    checkOpen();
    EngineAccess.requireArgument(batch, "batch");
    EngineAccess.requireArgument(durability, "durability");
    boolean sync = durability == Durability.SYNC;
    if (batch.isEmpty()) {
      if (sync) {
        writer.sync();
      }
      return;
    }
    applier.checkShape(batch);
    writer.run(
        "write",
        (Txn<ByteBuffer> txn) -> {
          applier.checkLive(batch);
          applier.apply(txn, batch);
          return null;
        },
        sync);
  }

  @Override
  public ReadSnapshot snapshot() {
    checkOpen();
    return reads.snapshot();
  }

  @Override
  public void checkpoint(Path target) {
    checkOpen();
    EngineAccess.requireArgument(target, "target");
    new Checkpointer(env, gate, access.errors()).checkpoint(target);
  }

  @Override
  public long approximateSize(Keyspace keyspace, KeyRange range) {
    checkOpen();
    BtreeKeyspace ks = access.resolve(keyspace);
    EngineAccess.requireArgument(range, "range");
    return reads.approximateSize(ks, range);
  }

  @Override
  public StorageStats stats() {
    checkOpen();
    return reads.stats(directory, catalog.all());
  }

  @Override
  public int maxKeyLength() {
    return access.codec().maxKeyLength();
  }

  @Override
  public int maxValueLength() {
    return MAX_VALUE_LENGTH;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    resources.closeAll();
    long stamp = gate.closeAndDrain();
    try {
      pool.drain();
      env.sync(true);
    } catch (RuntimeException ignored) {
      // still close below
    }
    try {
      env.close();
    } catch (RuntimeException ignored) {
      // closing must not fail; the process's exit releases what is left
    } finally {
      gate.releaseExclusive(stamp);
      directoryLock.close();
    }
  }

  @Override
  public String toString() {
    return "btree engine on " + directory + (closed.get() ? " (closed)" : "");
  }

  private void checkOpen() {
    if (closed.get()) {
      throw gate.closedException();
    }
  }

  /** Used by tests: the current LMDB map size in bytes. */
  long mapSize() {
    return growth.mapSize();
  }
}
