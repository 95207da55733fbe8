package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageContext;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.CompressionType;

/**
 * The options of the {@code lsm} engine, parsed and checked from a {@link StorageContext}.
 *
 * @param blockCacheSize bytes of the LRU block cache shared by every keyspace
 * @param writeBufferSize bytes of one memtable, per keyspace
 * @param maxBackgroundJobs threads for flushes and compactions
 * @param maxOpenFiles SST files RocksDB keeps open, or -1 for all
 * @param compression compression of every level but the last
 * @param bottommostCompression compression of the last level
 */
record LsmOptions(
    long blockCacheSize,
    long writeBufferSize,
    int maxBackgroundJobs,
    int maxOpenFiles,
    CompressionType compression,
    CompressionType bottommostCompression) {

  static final String BLOCK_CACHE_SIZE = "block-cache-size";
  static final String WRITE_BUFFER_SIZE = "write-buffer-size";
  static final String MAX_BACKGROUND_JOBS = "max-background-jobs";
  static final String MAX_OPEN_FILES = "max-open-files";
  static final String COMPRESSION = "compression";
  static final String BOTTOMMOST_COMPRESSION = "bottommost-compression";

  static final long DEFAULT_BLOCK_CACHE_SIZE = 128L << 20;
  static final long DEFAULT_WRITE_BUFFER_SIZE = 64L << 20;
  static final int DEFAULT_MAX_BACKGROUND_JOBS = 2;
  static final int MAX_OPEN_FILES_CAP = 4096;

  private static final Map<String, String> DOCUMENTATION = buildDocumentation();

  /**
   * Parses and checks the options of {@code context}.
   *
   * @param context the engine's context
   * @return the options, defaults filled in
   * @throws IllegalArgumentException naming the key, if a key is unknown or a value unusable
   */
  static LsmOptions parse(StorageContext context) {
    for (String key : context.options().keySet()) {
      if (!DOCUMENTATION.containsKey(key)) {
        throw new IllegalArgumentException(
            "unknown option '" + key + "' for storage engine lsm; known options: "
                + String.join(", ", DOCUMENTATION.keySet()));
      }
    }
    long cache = context.sizeOption(BLOCK_CACHE_SIZE, DEFAULT_BLOCK_CACHE_SIZE);
    require(cache >= 1L << 20, BLOCK_CACHE_SIZE, "at least 1MB", context);
    long buffer = context.sizeOption(WRITE_BUFFER_SIZE, DEFAULT_WRITE_BUFFER_SIZE);
    require(buffer >= 64L << 10 && buffer <= 64L << 30, WRITE_BUFFER_SIZE,
        "between 64KB and 64GB", context);
    int jobs = context.intOption(MAX_BACKGROUND_JOBS, DEFAULT_MAX_BACKGROUND_JOBS);
    require(jobs >= 1 && jobs <= 256, MAX_BACKGROUND_JOBS, "between 1 and 256", context);
    int files = context.intOption(MAX_OPEN_FILES, defaultMaxOpenFiles());
    require(files == -1 || files >= 20, MAX_OPEN_FILES, "-1 (unlimited) or at least 20", context);
    return new LsmOptions(cache, buffer, jobs, files,
        compression(context, COMPRESSION, CompressionType.LZ4_COMPRESSION),
        compression(context, BOTTOMMOST_COMPRESSION, CompressionType.ZSTD_COMPRESSION));
  }

  /** @return every option key with a one-line description naming its default, in display order */
  static Map<String, String> documentation() {
    return DOCUMENTATION;
  }

  private static Map<String, String> buildDocumentation() {
    String codecs = String.join("|", LsmCompressions.names());
    Map<String, String> m = new LinkedHashMap<>();
    m.put(BLOCK_CACHE_SIZE, "size of the LRU block cache shared by all keyspaces, caching data,"
        + " index and filter blocks (default 128MB)");
    m.put(WRITE_BUFFER_SIZE, "size of one memtable per keyspace before it is flushed to disk"
        + " (default 64MB)");
    m.put(MAX_BACKGROUND_JOBS, "threads for background flushes and compactions (default 2)");
    m.put(MAX_OPEN_FILES, "SST files kept open, -1 for all (default 4096, or half the process's"
        + " file-descriptor limit if lower)");
    m.put(COMPRESSION, "block compression of all levels but the last, " + codecs
        + " (default lz4, or snappy, or none, whichever this RocksDB build has first)");
    m.put(BOTTOMMOST_COMPRESSION, "block compression of the last level, holding most data, "
        + codecs + " (default zstd, or else the first of lz4, snappy, none this RocksDB build"
        + " has)");
    return Collections.unmodifiableMap(m);
  }

  /**
   * The default of {@code max-open-files}: {@value #MAX_OPEN_FILES_CAP}, or half the process's
   * file-descriptor limit if that is lower, so that sockets and the WAL never starve.
   */
  static int defaultMaxOpenFiles() {
    try {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
        long limit = unix.getMaxFileDescriptorCount();
        if (limit > 0) {
          return (int) Math.max(64, Math.min(MAX_OPEN_FILES_CAP, limit / 2));
        }
      }
    } catch (LinkageError notHotSpot) {
      // no com.sun.management on this JVM: keep the cap
    }
    return MAX_OPEN_FILES_CAP;
  }

  /**
   * Reads a compression option. An unset option takes the first of {@code preferred}, lz4,
   * snappy and none that the native library has; a set one must name a codec it has.
   */
  private static CompressionType compression(StorageContext context, String key,
      CompressionType preferred) {
    String v = context.options().get(key);
    if (v == null) {
      for (CompressionType t : List.of(preferred, CompressionType.LZ4_COMPRESSION,
          CompressionType.SNAPPY_COMPRESSION)) {
        if (LsmCompressions.isLinked(t)) {
          return t;
        }
      }
      return CompressionType.NO_COMPRESSION;
    }
    CompressionType type = LsmCompressions.byName(v);
    if (type == null) {
      throw new IllegalArgumentException("option '" + key + "' must be one of "
          + String.join(", ", LsmCompressions.names()) + ", got '" + v + "'");
    }
    if (!LsmCompressions.isLinked(type)) {
      throw new IllegalArgumentException("option '" + key + "': this RocksDB build has no '" + v
          + "' compression; choose another of " + String.join(", ", LsmCompressions.names()));
    }
    return type;
  }

  private static void require(boolean ok, String key, String expected, StorageContext context) {
    if (!ok) {
      throw new IllegalArgumentException("option '" + key + "' must be " + expected + ", got '"
          + context.options().get(key) + "'");
    }
  }
}
