package io.phantomdb.bench.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.lmdbjava.ByteBufferProxy;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The raw side of the {@code btree} engine: LMDB through lmdbjava called directly, with the
 * native settings the plugin uses with default options (from {@code BtreeOptions}, {@code
 * KeyCodec}, {@code KeyspaceCatalog}, {@code LmdbWriter} and {@code ReadTxnPool} of
 * plugins/storage-btree):
 *
 * <ul>
 *   <li>env flags {@code MDB_NOTLS} and {@code MDB_NOSYNC}, or {@code MDB_NOMETASYNC} with the
 *       plugin's {@code power-loss-safe} (then every commit runs an {@code fdatasync}); read-ahead
 *       on; map size 1 GiB; maxdbs 1024; maxreaders 1024;
 *   <li>a named database {@code bench} with the default (unsigned lexicographic) order; every key
 *       stored behind a {@code 0x00} prefix byte, encoded into a direct buffer;
 *   <li>batches: one write transaction, {@code mdb_put} with {@code MDB_RESERVE} and a copy of the
 *       value into the reserved slot, commit; synced puts: the same, then {@code env.sync(true)};
 *   <li>reads: a read transaction reused with {@code mdb_txn_reset}/{@code mdb_txn_renew}, values
 *       and keys copied out of the map into arrays (the result the SPI returns).
 * </ul>
 *
 * <p>Single-threaded, as the benchmark is: the reused read transaction belongs to this object.
 */
final class RawLmdbBackend implements StorageBackend {
  private static final long MAP_SIZE = 1L << 30;

  /** The plugin options that select the settings below, pinned (see {@link SpiBackend}). */
  static Map<String, String> spiOptions(boolean powerLossSafe) {
    return Map.of(
        "map-size", "1GB",
        "max-keyspaces", "1024",
        "max-readers", "1024",
        "read-ahead", "true",
        "power-loss-safe", Boolean.toString(powerLossSafe));
  }

  private final Env<ByteBuffer> env;
  private final Dbi<ByteBuffer> dbi;
  private final ByteBuffer keyBuffer;
  private final Txn<ByteBuffer> readTxn;

  RawLmdbBackend(Path directory, boolean powerLossSafe) {
    directory.toFile().mkdirs();
    env = Env.create(ByteBufferProxy.PROXY_OPTIMAL)
        .setMapSize(MAP_SIZE)
        .setMaxDbs(1024)
        .setMaxReaders(1024)
        .open(directory.toFile(), EnvFlags.MDB_NOTLS,
            powerLossSafe ? EnvFlags.MDB_NOMETASYNC : EnvFlags.MDB_NOSYNC);
    dbi = env.openDbi(SpiBackend.KEYSPACE, DbiFlags.MDB_CREATE);
    keyBuffer = ByteBuffer.allocateDirect(env.getMaxKeySize());
    readTxn = env.txnRead();
    readTxn.reset();
  }

  private static ByteBuffer encode(ByteBuffer buffer, byte[] key) {
    buffer.clear();
    buffer.put((byte) 0).put(key).flip();
    return buffer;
  }

  private static byte[] copy(ByteBuffer buffer, int skip) {
    byte[] out = new byte[buffer.remaining() - skip];
    buffer.get(buffer.position() + skip, out);
    return out;
  }

  @Override
  public byte[] get(byte[] key) {
    readTxn.renew();
    try {
      ByteBuffer value = dbi.get(readTxn, encode(keyBuffer, key));
      return value == null ? null : copy(value, 0);
    } finally {
      readTxn.reset();
    }
  }

  @Override
  public void putBatch(byte[][] keys, byte[][] values, int n) {
    try (Txn<ByteBuffer> txn = env.txnWrite()) {
      for (int i = 0; i < n; i++) {
        dbi.reserve(txn, encode(keyBuffer, keys[i]), values[i].length).put(values[i]);
      }
      txn.commit();
    }
  }

  @Override
  public void putSync(byte[] key, byte[] value) {
    try (Txn<ByteBuffer> txn = env.txnWrite()) {
      dbi.reserve(txn, encode(keyBuffer, key), value.length).put(value);
      txn.commit();
    }
    env.sync(true);
  }

  @Override
  public int scan(byte[] from, byte[] to, Blackhole sink) {
    int n = 0;
    readTxn.renew();
    try (Cursor<ByteBuffer> cursor = dbi.openCursor(readTxn)) {
      for (boolean found = cursor.get(encode(keyBuffer, from), GetOp.MDB_SET_RANGE);
          found;
          found = cursor.next()) {
        byte[] key = copy(cursor.key(), 1);
        if (Arrays.compareUnsigned(key, to) >= 0) {
          break;
        }
        sink.consume(key);
        sink.consume(copy(cursor.val(), 0));
        n++;
      }
    } finally {
      readTxn.reset();
    }
    return n;
  }

  @Override
  public void sync() {
    env.sync(true);
  }

  @Override
  public void close() {
    readTxn.renew();
    readTxn.close();
    env.sync(true);
    env.close();
  }
}
