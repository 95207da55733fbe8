package io.phantomdb.bench.storage;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The raw side of the {@code lsm} engine: RocksDB called directly, with the native settings the
 * plugin uses with default options (copied from {@code LsmNativeConfig}, {@code LsmOptions} and
 * {@code LsmOpener} of plugins/storage-lsm, whose classes are package-private):
 *
 * <ul>
 *   <li>one LRU block cache of 128 MiB ({@code LRUCache(size, -1, false, 0.5)}), holding index
 *       and filter blocks at high priority, level-0 ones pinned; 16 KiB blocks; bloom filter of
 *       10 bits per key on whole keys;
 *   <li>64 MiB write buffer, level compaction with dynamic level bytes, LZ4 and ZSTD on the last
 *       level;
 *   <li>2 background jobs, max-open-files min(4096, fd-limit / 2), 1 MiB bytes-per-sync, five
 *       16 MiB info logs;
 *   <li>the data in a column family {@code ks.bench} (the default column family opened with the
 *       same options and never used); shared default ReadOptions for gets; WriteOptions with
 *       sync=false for batches and sync=true for synced puts.
 * </ul>
 *
 * <p>The calls are the plain ones a direct user makes: {@code get}, a {@code WriteBatch} and
 * {@code write}, a single {@code put} for the synced write, and an iterator with {@code seek}
 * and a bound check in Java for the scan.
 */
final class RawRocksBackend implements StorageBackend {
  static {
    RocksDB.loadLibrary();
  }

  /**
   * The plugin options that select the settings below (the plugin's defaults, pinned); settings
   * without an option (block size, bloom filter, cache priorities, ...) are fixed in the plugin.
   */
  static final Map<String, String> SPI_OPTIONS = Map.of(
      "block-cache-size", "128MB",
      "write-buffer-size", "64MB",
      "max-background-jobs", "2",
      "compression", "lz4",
      "bottommost-compression", "zstd");

  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final ColumnFamilyOptions cfOptions;
  private final DBOptions dbOptions;
  private final ReadOptions readOptions;
  private final WriteOptions syncWrite;
  private final WriteOptions noSyncWrite;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final RocksDB db;
  private final ColumnFamilyHandle cf;

  RawRocksBackend(Path directory) {
    blockCache = new LRUCache(128L << 20, -1, false, 0.5);
    bloomFilter = new BloomFilter(10);
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setBlockSize(16 << 10)
        .setFilterPolicy(bloomFilter)
        .setWholeKeyFiltering(true)
        .setCacheIndexAndFilterBlocks(true)
        .setCacheIndexAndFilterBlocksWithHighPriority(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    cfOptions = new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(64L << 20)
        .setLevelCompactionDynamicLevelBytes(true)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION);
    dbOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxOpenFiles(maxOpenFiles())
        .setMaxBackgroundJobs(2)
        .setBytesPerSync(1L << 20)
        .setMaxLogFileSize(16L << 20)
        .setKeepLogFileNum(5);
    readOptions = new ReadOptions();
    syncWrite = new WriteOptions().setSync(true);
    noSyncWrite = new WriteOptions().setSync(false);
    List<ColumnFamilyDescriptor> descriptors = List.of(
        new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
        new ColumnFamilyDescriptor(
            ("ks." + SpiBackend.KEYSPACE).getBytes(StandardCharsets.UTF_8), cfOptions));
    try {
      db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      closeOptions();
      throw new IllegalStateException("cannot open RocksDB in " + directory, e);
    }
    cf = handles.get(1);
  }

  /** As the plugin's default: 4096, or half the descriptor limit if lower (at least 64). */
  private static int maxOpenFiles() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      long limit = unix.getMaxFileDescriptorCount();
      if (limit > 0) {
        return (int) Math.max(64, Math.min(4096, limit / 2));
      }
    }
    return 4096;
  }

  @Override
  public byte[] get(byte[] key) {
    try {
      return db.get(cf, readOptions, key);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void putBatch(byte[][] keys, byte[][] values, int n) {
    try (WriteBatch batch = new WriteBatch()) {
      for (int i = 0; i < n; i++) {
        batch.put(cf, keys[i], values[i]);
      }
      db.write(noSyncWrite, batch);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void putSync(byte[] key, byte[] value) {
    try {
      db.put(cf, syncWrite, key, value);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int scan(byte[] from, byte[] to, Blackhole sink) {
    int n = 0;
    try (RocksIterator it = db.newIterator(cf, readOptions)) {
      for (it.seek(from); it.isValid(); it.next()) {
        byte[] key = it.key();
        if (Arrays.compareUnsigned(key, to) >= 0) {
          break;
        }
        sink.consume(key);
        sink.consume(it.value());
        n++;
      }
      it.status();
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
    return n;
  }

  @Override
  public void sync() {
    try {
      db.flushWal(true);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sync();
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    try {
      db.closeE();
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    } finally {
      closeOptions();
    }
  }

  private void closeOptions() {
    noSyncWrite.close();
    syncWrite.close();
    readOptions.close();
    cfOptions.close();
    dbOptions.close();
    bloomFilter.close();
    blockCache.close();
  }
}
