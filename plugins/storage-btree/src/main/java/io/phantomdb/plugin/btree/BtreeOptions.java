package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The options of the {@code btree} engine, parsed and checked from a {@link StorageContext}.
 *
 * @param mapSize the initial LMDB map size in bytes
 * @param mapSizeMax the size the map may grow to, in bytes
 * @param maxKeyspaces LMDB's {@code maxdbs}: how many keyspaces may exist
 * @param maxReaders LMDB's {@code maxreaders}: how many read transactions may be open at once
 * @param growWaitMillis how long a write that needs a bigger map waits for open readers
 * @param readAhead whether the OS may read ahead in the data file
 * @param powerLossSafe whether every commit flushes its data pages ({@code MDB_NOMETASYNC}) instead
 *     of none ({@code MDB_NOSYNC})
 */
record BtreeOptions(
    long mapSize,
    long mapSizeMax,
    int maxKeyspaces,
    int maxReaders,
    int growWaitMillis,
    boolean readAhead,
    boolean powerLossSafe) {

  static final String PREFIX = "storage.btree.";
  static final String MAP_SIZE = "map-size";
  static final String MAP_SIZE_MAX = "map-size-max";
  static final String MAX_KEYSPACES = "max-keyspaces";
  static final String MAX_READERS = "max-readers";
  static final String GROW_WAIT_MS = "map-grow-wait-ms";
  static final String READ_AHEAD = "read-ahead";
  static final String POWER_LOSS_SAFE = "power-loss-safe";

  static final long MIB = 1L << 20;
  static final long DEFAULT_MAP_SIZE = 1L << 30;
  static final long DEFAULT_MAP_SIZE_MAX = 1L << 40;
  static final int DEFAULT_MAX_KEYSPACES = 1024;
  static final int DEFAULT_MAX_READERS = 1024;
  static final int DEFAULT_GROW_WAIT_MS = 5000;

  private static final Map<String, String> DESCRIPTIONS = describe();

  /** The options with every default. */
  static BtreeOptions defaults() {
    return parse(Map.of());
  }

  /**
   * Parses and checks the options of {@code context}.
   *
   * @throws IllegalArgumentException naming the key if an option is unknown or unusable
   */
  static BtreeOptions parse(StorageContext context) {
    return parse(context.options());
  }

  private static BtreeOptions parse(Map<String, String> options) {
    TreeSet<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(DESCRIPTIONS.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown btree option(s) "
              + unknown
              + "; supported: "
              + String.join(", ", DESCRIPTIONS.keySet()));
    }
    StorageContext c = new StorageContext(java.nio.file.Path.of("."), options);
    long mapSize = c.sizeOption(MAP_SIZE, DEFAULT_MAP_SIZE);
    long mapSizeMax = c.sizeOption(MAP_SIZE_MAX, Math.max(DEFAULT_MAP_SIZE_MAX, mapSize));
    if (mapSize < MIB) {
      throw new IllegalArgumentException(key(MAP_SIZE) + " must be at least 1MB, got " + mapSize);
    }
    if (mapSizeMax < mapSize) {
      throw new IllegalArgumentException(
          key(MAP_SIZE_MAX) + " (" + mapSizeMax + ") must not be below " + key(MAP_SIZE) + " ("
              + mapSize + ")");
    }
    int maxKeyspaces = c.intOption(MAX_KEYSPACES, DEFAULT_MAX_KEYSPACES);
    checkRange(MAX_KEYSPACES, maxKeyspaces, 1, 32_767);
    int maxReaders = c.intOption(MAX_READERS, DEFAULT_MAX_READERS);
    checkRange(MAX_READERS, maxReaders, 1, 1 << 20);
    int growWait = c.intOption(GROW_WAIT_MS, DEFAULT_GROW_WAIT_MS);
    checkRange(GROW_WAIT_MS, growWait, 0, 600_000);
    return new BtreeOptions(
        mapSize,
        mapSizeMax,
        maxKeyspaces,
        maxReaders,
        growWait,
        c.booleanOption(READ_AHEAD, true),
        c.booleanOption(POWER_LOSS_SAFE, true));
  }

  /** The option keys with one-line descriptions naming their defaults, in display order. */
  static Map<String, String> descriptions() {
    return DESCRIPTIONS;
  }

  /** The key as an operator writes it in {@code phantomdb.conf}. */
  static String key(String option) {
    return PREFIX + option;
  }

  private static void checkRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key(key) + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(
        MAP_SIZE,
        "initial size of LMDB's memory map (address space, not disk), at least 1MB; doubled when"
            + " full; default 1GB");
    d.put(
        MAP_SIZE_MAX,
        "the map never grows past this; writes then fail with 'storage full'; default 1TB");
    d.put(
        MAX_KEYSPACES,
        "most keyspaces that may exist (LMDB maxdbs), 1 to 32767; default "
            + DEFAULT_MAX_KEYSPACES);
    d.put(
        MAX_READERS,
        "most reads, cursors and snapshots open at once (LMDB reader slots); default "
            + DEFAULT_MAX_READERS);
    d.put(
        GROW_WAIT_MS,
        "how long a write that needs a bigger map waits for open snapshots and cursors to close,"
            + " in milliseconds; default " + DEFAULT_GROW_WAIT_MS);
    d.put(
        READ_AHEAD,
        "let the OS read ahead in the data file; false helps random reads of stores larger than"
            + " RAM; default true");
    d.put(
        POWER_LOSS_SAFE,
        "true flushes every commit's data pages (MDB_NOMETASYNC) so an OS crash or power loss"
            + " cannot damage the store, at one fdatasync per NO_SYNC write; false (MDB_NOSYNC)"
            + " is faster, still safe against process crashes, but an OS crash may lose NO_SYNC"
            + " writes and, unless the file system keeps write order, damage the store;"
            + " default true");
    return Collections.unmodifiableMap(d);
  }
}
