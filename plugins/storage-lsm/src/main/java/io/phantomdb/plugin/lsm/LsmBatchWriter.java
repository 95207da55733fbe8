package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.WriteBatch;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Applies an SPI {@link WriteBatch} as one RocksDB write, after checking every operation:
 * keyspaces of this engine and not dropped, keys and values within the engine's limits. Nothing
 * reaches RocksDB until every operation has passed, so a refused batch applies nothing.
 *
 * <p>A batch of one operation is applied by the matching single-key call ({@code put}, {@code
 * delete}, {@code deleteRange}), which RocksDB makes atomic and durable the same way but which
 * saves building a native batch. A range delete whose end does not sort after its start is
 * skipped (the SPI makes it a no-op; RocksDB would refuse it).
 */
final class LsmBatchWriter {
  private final LsmStorageEngine engine;
  private final RocksDB db;

  LsmBatchWriter(LsmStorageEngine engine, RocksDB db) {
    this.engine = engine;
    this.db = db;
  }

  /**
   * Checks and applies {@code batch}. Call inside the engine's guard.
   *
   * @param sync whether {@code options} syncs
   * @throws RocksDBException if RocksDB refuses the write
   */
  void write(WriteBatch batch, WriteOptions options, boolean sync) throws RocksDBException {
    if (batch.size() == 1) {
      SingleOp op = new SingleOp();
      batch.forEach(op);
      if (!op.apply(db, options) && sync) {
        db.flushWal(true);
      }
      return;
    }
    if (batch.isEmpty()) {
      if (sync) {
        db.flushWal(true);
      }
      return;
    }
    try (org.rocksdb.WriteBatch nativeBatch = new org.rocksdb.WriteBatch()) {
      try {
        batch.forEach(new Translator(nativeBatch));
      } catch (NativeFailure e) {
        throw e.failure;
      }
      if (nativeBatch.count() > 0) {
        db.write(options, nativeBatch);
      } else if (sync) {
        db.flushWal(true);
      }
    }
  }

  private ColumnFamilyHandle checkKey(Keyspace keyspace, byte[] key) {
    ColumnFamilyHandle handle = engine.own(keyspace).liveHandle();
    if (key.length > LsmStorageEngine.MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("key of " + key.length + " bytes for keyspace '"
          + keyspace.name() + "' exceeds the lsm engine's maximum of "
          + LsmStorageEngine.MAX_KEY_LENGTH + " bytes");
    }
    return handle;
  }

  private ColumnFamilyHandle checkPut(Keyspace keyspace, byte[] key, byte[] value) {
    ColumnFamilyHandle handle = checkKey(keyspace, key);
    if (value.length > LsmStorageEngine.MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException("value of " + value.length + " bytes for keyspace '"
          + keyspace.name() + "' exceeds the lsm engine's maximum of "
          + LsmStorageEngine.MAX_VALUE_LENGTH + " bytes");
    }
    return handle;
  }

  private static boolean isEmptyRange(byte[] from, byte[] to) {
    return KeyRange.compareKeys(from, to) >= 0;
  }

  /** Carries a checked exception out of a visitor. */
  private static final class NativeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RocksDBException failure;

    NativeFailure(RocksDBException cause) {
      super(null, cause, false, false);
      this.failure = cause;
    }
  }

  /** Copies checked operations into a native batch. */
  private final class Translator implements WriteBatch.Visitor {
    private final org.rocksdb.WriteBatch target;

    Translator(org.rocksdb.WriteBatch target) {
      this.target = target;
    }

    @Override
    public void put(Keyspace keyspace, byte[] key, byte[] value) {
      ColumnFamilyHandle handle = checkPut(keyspace, key, value);
      try {
        target.put(handle, key, value);
      } catch (RocksDBException e) {
        throw new NativeFailure(e);
      }
    }

    @Override
    public void delete(Keyspace keyspace, byte[] key) {
      ColumnFamilyHandle handle = checkKey(keyspace, key);
      try {
        target.delete(handle, key);
      } catch (RocksDBException e) {
        throw new NativeFailure(e);
      }
    }

    @Override
    public void deleteRange(Keyspace keyspace, byte[] from, byte[] to) {
      ColumnFamilyHandle handle = engine.own(keyspace).liveHandle();
      if (isEmptyRange(from, to)) {
        return;
      }
      try {
        target.deleteRange(handle, from, to);
      } catch (RocksDBException e) {
        throw new NativeFailure(e);
      }
    }
  }

  /** Captures and checks the only operation of a one-operation batch. */
  private final class SingleOp implements WriteBatch.Visitor {
    private WriteBatch.OpType type;
    private ColumnFamilyHandle handle;
    private byte[] key;
    private byte[] value;

    @Override
    public void put(Keyspace keyspace, byte[] key, byte[] value) {
      handle = checkPut(keyspace, key, value);
      type = WriteBatch.OpType.PUT;
      this.key = key;
      this.value = value;
    }

    @Override
    public void delete(Keyspace keyspace, byte[] key) {
      handle = checkKey(keyspace, key);
      type = WriteBatch.OpType.DELETE;
      this.key = key;
    }

    @Override
    public void deleteRange(Keyspace keyspace, byte[] from, byte[] to) {
      handle = engine.own(keyspace).liveHandle();
      type = WriteBatch.OpType.DELETE_RANGE;
      this.key = from;
      this.value = to;
    }

    /** @return false if the operation turned out to be a no-op */
    boolean apply(RocksDB db, WriteOptions options) throws RocksDBException {
      switch (type) {
        case PUT -> db.put(handle, options, key, value);
        case DELETE -> db.delete(handle, options, key);
        case DELETE_RANGE -> {
          if (isEmptyRange(key, value)) {
            return false;
          }
          db.deleteRange(handle, options, key, value);
        }
        default -> throw new AssertionError(type);
      }
      return true;
    }
  }
}
