package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageStats;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.Cache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Gathers {@link StorageStats} from RocksDB properties. Per-column-family properties are summed
 * over all column families; details are named after the RocksDB property without its {@code
 * rocksdb.} prefix.
 */
final class LsmStats {
  /** Properties summed over every column family. */
  private static final String[] AGGREGATED = {
    "total-sst-files-size",
    "live-sst-files-size",
    "estimate-num-keys",
    "cur-size-all-mem-tables",
    "size-all-mem-tables",
    "estimate-table-readers-mem",
    "estimate-pending-compaction-bytes",
    "num-snapshots",
  };

  /** Properties of the whole database. */
  private static final String[] DATABASE = {
    "num-running-compactions", "num-running-flushes", "background-errors",
  };

  private LsmStats() {}

  /**
   * Reads the figures. Call inside the engine's guard.
   *
   * @param db the database
   * @param cache its block cache
   * @param directory its directory, whose files are counted as disk use
   * @param extra further details to include (counts kept by the engine)
   * @return the stats
   * @throws RocksDBException if a property cannot be read
   */
  static StorageStats collect(RocksDB db, Cache cache, Path directory, Map<String, Long> extra)
      throws RocksDBException {
    Map<String, Long> details = new LinkedHashMap<>();
    for (String name : AGGREGATED) {
      details.put(name, db.getAggregatedLongProperty("rocksdb." + name));
    }
    for (String name : DATABASE) {
      details.put(name, db.getLongProperty("rocksdb." + name));
    }
    long cacheUsage = cache.getUsage();
    details.put("block-cache-usage", cacheUsage);
    details.put("block-cache-pinned-usage", cache.getPinnedUsage());
    details.putAll(extra);
    long disk = directorySize(directory);
    details.put("directory-size", disk);
    long memory = cacheUsage + details.get("size-all-mem-tables")
        + details.get("estimate-table-readers-mem");
    return new StorageStats(disk, memory, details.get("estimate-num-keys"), details);
  }

  /** @return the bytes of the regular files directly in {@code directory}, or -1 if unreadable */
  private static long directorySize(Path directory) {
    long total = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        try {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          if (attributes.isRegularFile()) {
            total += attributes.size();
          }
        } catch (IOException vanished) {
          // deleted by a compaction meanwhile
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return total;
  }
}
