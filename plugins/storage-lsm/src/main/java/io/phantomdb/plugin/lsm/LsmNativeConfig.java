package io.phantomdb.plugin.lsm;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/**
 * The native RocksDB option objects of one engine, built from {@link LsmOptions}, and released
 * together once the database is closed.
 *
 * <p>Settings beyond the options (see {@link LsmStorageEngineFactory} for the reasons): one
 * shared LRU block cache that also holds index and filter blocks (with high priority, level-0
 * ones pinned), so memory stays bounded by the cache however many files are open; 16 KiB blocks;
 * bloom filters of 10 bits per key over whole keys; level compaction with dynamic level bytes;
 * 1 MiB incremental syncs of SST files; at most 5 info log files of 16 MiB.
 */
final class LsmNativeConfig implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions columnFamilyOptions;
  private final ReadOptions readOptions;
  private final WriteOptions syncWrite;
  private final WriteOptions noSyncWrite;

  LsmNativeConfig(LsmOptions options) {
    blockCache = new LRUCache(options.blockCacheSize(), -1, false, 0.5);
    bloomFilter = new BloomFilter(10);
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setBlockSize(16 << 10)
        .setFilterPolicy(bloomFilter)
        .setWholeKeyFiltering(true)
        .setCacheIndexAndFilterBlocks(true)
        .setCacheIndexAndFilterBlocksWithHighPriority(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    columnFamilyOptions = new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(options.writeBufferSize())
        .setLevelCompactionDynamicLevelBytes(true)
        .setCompressionType(options.compression())
        .setBottommostCompressionType(options.bottommostCompression());
    dbOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxOpenFiles(options.maxOpenFiles())
        .setMaxBackgroundJobs(options.maxBackgroundJobs())
        .setBytesPerSync(1L << 20)
        .setMaxLogFileSize(16L << 20)
        .setKeepLogFileNum(5);
    readOptions = new ReadOptions();
    syncWrite = new WriteOptions().setSync(true);
    noSyncWrite = new WriteOptions().setSync(false);
  }

  /** @return the shared block cache */
  LRUCache blockCache() {
    return blockCache;
  }

  /** @return the database options */
  DBOptions dbOptions() {
    return dbOptions;
  }

  /** @return the options every column family is opened and created with */
  ColumnFamilyOptions columnFamilyOptions() {
    return columnFamilyOptions;
  }

  /** @return default read options, shared by all threads for point reads (never modified) */
  ReadOptions readOptions() {
    return readOptions;
  }

  /** @return write options that sync the WAL before returning */
  WriteOptions syncWrite() {
    return syncWrite;
  }

  /** @return write options that leave the WAL to the operating system */
  WriteOptions noSyncWrite() {
    return noSyncWrite;
  }

  /** Frees every native object. Call only after the database using them is closed. */
  @Override
  public void close() {
    noSyncWrite.close();
    syncWrite.close();
    readOptions.close();
    columnFamilyOptions.close();
    dbOptions.close();
    bloomFilter.close();
    blockCache.close();
  }
}
