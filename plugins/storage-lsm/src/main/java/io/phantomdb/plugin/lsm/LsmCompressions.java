package io.phantomdb.plugin.lsm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.CompressionType;
import org.rocksdb.Env;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksMemEnv;

/**
 * The block compressions the {@code compression} options accept, by name, and whether the loaded
 * RocksDB native library was built with each. rocksdbjni 11.8.1 links snappy, lz4, zstd, zlib
 * and bzip2 on every platform it ships, but a custom build may lack some: the check opens a
 * throw-away database in memory once per codec and JVM.
 */
final class LsmCompressions {
  static {
    RocksDB.loadLibrary();
  }

  private static final Map<String, CompressionType> BY_NAME = byName();
  private static final Map<CompressionType, Boolean> LINKED = new ConcurrentHashMap<>();

  private LsmCompressions() {}

  /** @return the accepted names, in display order */
  static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /**
   * @param name a compression name, any case
   * @return its type, or null if the name is unknown
   */
  static CompressionType byName(String name) {
    return BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * @param type a compression type
   * @return whether the loaded native library can compress with it
   */
  static boolean isLinked(CompressionType type) {
    return LINKED.computeIfAbsent(type, LsmCompressions::probe);
  }

  private static boolean probe(CompressionType type) {
    if (type == CompressionType.NO_COMPRESSION) {
      return true;
    }
    try (Env env = new RocksMemEnv(Env.getDefault());
        Options options = new Options().setCreateIfMissing(true).setEnv(env)
            .setCompressionType(type).setBottommostCompressionType(type);
        RocksDB db = RocksDB.open(options, "/phantomdb-compression-probe")) {
      return db != null;
    } catch (RocksDBException e) {
      return false;
    }
  }

  private static Map<String, CompressionType> byName() {
    Map<String, CompressionType> m = new LinkedHashMap<>();
    m.put("none", CompressionType.NO_COMPRESSION);
    m.put("snappy", CompressionType.SNAPPY_COMPRESSION);
    m.put("lz4", CompressionType.LZ4_COMPRESSION);
    m.put("lz4hc", CompressionType.LZ4HC_COMPRESSION);
    m.put("zstd", CompressionType.ZSTD_COMPRESSION);
    m.put("zlib", CompressionType.ZLIB_COMPRESSION);
    m.put("xpress", CompressionType.XPRESS_COMPRESSION);
    return Collections.unmodifiableMap(m);
  }
}
