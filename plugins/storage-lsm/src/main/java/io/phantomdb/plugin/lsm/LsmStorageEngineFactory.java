package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.util.Map;

/**
 * The {@code lsm} storage engine: a log-structured merge tree on RocksDB ({@code rocksdbjni}),
 * for write-heavy workloads and data larger than memory.
 *
 * <p><b>Layout:</b> one RocksDB database per data directory; each keyspace is a column family
 * named {@code ks.<keyspace>}, so RocksDB's own {@code default} column family (always present,
 * never used) cannot collide with a keyspace called {@code default}.
 *
 * <p><b>Limits:</b> keys up to {@value LsmStorageEngine#MAX_KEY_LENGTH} bytes (64 KiB: longer
 * keys bloat index blocks and every comparison), values up to {@value
 * LsmStorageEngine#MAX_VALUE_LENGTH} bytes (256 MiB: a value is copied whole through JNI, the
 * memtable and the WAL).
 *
 * <p><b>Settings</b> (options in {@link #supportedOptions()}; the rest fixed):
 * <ul>
 *   <li>one LRU block cache for all keyspaces ({@code block-cache-size}), which also holds index
 *       and filter blocks, at high priority and pinned for level 0, so memory is bounded by the
 *       cache rather than by the number of open files;
 *   <li>bloom filters of 10 bits per key (about 1% false positives) on whole keys, so point
 *       reads of absent keys rarely touch data blocks;
 *   <li>16 KiB data blocks; LZ4 on upper levels (cheap, they are rewritten soon) and ZSTD on the
 *       last level, which holds about 90% of the data (both are linked into rocksdbjni 11.8.1);
 *   <li>level compaction with {@code level_compaction_dynamic_level_bytes}, bounding space
 *       amplification to about 1.1;
 *   <li>{@code max-open-files} bounded by the process's descriptor limit; SST writes synced
 *       every 1 MiB to avoid write stalls; at most five 16 MiB info logs;
 *   <li>{@code Durability.SYNC} writes sync the WAL ({@code WriteOptions.sync}); the WAL
 *       recovers in point-in-time mode, so a crash keeps a prefix of the acknowledged batches.
 * </ul>
 *
 * <p>Stateless and thread-safe. Listed in {@code META-INF/services}.
 */
public final class LsmStorageEngineFactory implements StorageEngineFactory {

  /** Creates the factory; it holds no state. */
  public LsmStorageEngineFactory() {}

  @Override
  public String name() {
    return "lsm";
  }

  @Override
  public String description() {
    return "LSM-tree engine on RocksDB: fast writes, compression, data larger than memory";
  }

  @Override
  public Map<String, String> supportedOptions() {
    return LsmOptions.documentation();
  }

  @Override
  public StorageEngine open(StorageContext context) {
    LsmArgs.notNull(context, "context");
    return LsmOpener.open(context.dataDirectory(), LsmOptions.parse(context));
  }
}
