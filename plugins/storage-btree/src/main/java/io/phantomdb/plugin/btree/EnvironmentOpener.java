package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageCorruptionException;
import io.phantomdb.spi.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lmdbjava.ByteBufferProxy;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.EnvInfo;
import org.lmdbjava.LmdbException;

/**
 * Prepares a data directory and opens the LMDB environment in it.
 *
 * <p>Flags: {@code MDB_NOTLS} (read transactions move between threads), {@code MDB_NOSYNC} or,
 * with {@code power-loss-safe}, {@code MDB_NOMETASYNC} (SYNC writes are flushed explicitly), and
 * {@code MDB_NORDAHEAD} unless {@code read-ahead}. Not {@code MDB_WRITEMAP}: with it a stray write
 * through a bad pointer could damage the file, and the file would be extended to the map size.
 */
final class EnvironmentOpener {
  static final String DATA_FILE = "data.mdb";
  static final String LMDB_LOCK_FILE = "lock.mdb";
  private static final Set<String> OWN_FILES =
      Set.of(DATA_FILE, LMDB_LOCK_FILE, DirectoryLock.FILE_NAME);

  private EnvironmentOpener() {}

  /**
   * Creates the directory if needed and refuses one that holds another engine's files.
   *
   * @throws StorageException if it cannot be created or is not a btree store
   */
  static void prepareDirectory(Path dir) {
    try {
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
        throw new StorageException("data directory " + dir + " is not a directory");
      }
      Files.createDirectories(dir);
      if (Files.exists(dir.resolve(DATA_FILE))) {
        return;
      }
      Set<String> foreign = new TreeSet<>();
      try (Stream<Path> files = Files.list(dir)) {
        files.map(p -> p.getFileName().toString()).filter(n -> !OWN_FILES.contains(n)).forEach(
            foreign::add);
      }
      if (!foreign.isEmpty()) {
        throw new StorageException(
            "data directory " + dir + " holds files that are not a btree (LMDB) store: "
                + foreign + "; point the btree engine at an empty directory or its own data");
      }
    } catch (IOException e) {
      throw new StorageException("cannot create data directory " + dir + ": " + e, e);
    }
  }

  /**
   * Opens the environment. The initial map size is {@code map-size}, doubled while an existing
   * data file would fill more than the growth high-water mark of it.
   *
   * @throws StorageCorruptionException if the data file is not a valid or complete LMDB file
   * @throws StorageException if LMDB cannot open it otherwise
   */
  static Env<ByteBuffer> open(Path dir, BtreeOptions options, LmdbErrors errors) {
    long existing = fileSize(dir.resolve(DATA_FILE));
    long mapSize = options.mapSize();
    while (existing * 100 > mapSize * MapGrowth.HIGH_WATER_PERCENT
        && mapSize < options.mapSizeMax()) {
      mapSize = Math.min(options.mapSizeMax(), mapSize * 2);
    }
    List<EnvFlags> flags = new ArrayList<>();
    flags.add(EnvFlags.MDB_NOTLS);
    flags.add(options.powerLossSafe() ? EnvFlags.MDB_NOMETASYNC : EnvFlags.MDB_NOSYNC);
    if (!options.readAhead()) {
      flags.add(EnvFlags.MDB_NORDAHEAD);
    }
    Env<ByteBuffer> env;
    try {
      env =
          Env.create(ByteBufferProxy.PROXY_OPTIMAL)
              .setMapSize(mapSize)
              .setMaxDbs(options.maxKeyspaces())
              .setMaxReaders(options.maxReaders())
              .open(dir.toFile(), flags.toArray(new EnvFlags[0]));
    } catch (LmdbException e) {
      throw errors.map(e, "open");
    }
    try {
      checkComplete(env, dir);
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  /**
   * Refuses a data file shorter than its last committed page: LMDB would map the missing pages
   * and the process would die of SIGBUS on first reading them.
   */
  private static void checkComplete(Env<ByteBuffer> env, Path dir) {
    EnvInfo info = env.info();
    long pageSize = env.stat().pageSize;
    long needed = (info.lastPageNumber + 1) * pageSize;
    long actual = fileSize(dir.resolve(DATA_FILE));
    if (actual < needed) {
      throw new StorageCorruptionException(
          dir.resolve(DATA_FILE) + " is truncated: " + actual + " bytes, but its last committed"
              + " page ends at " + needed + "; restore it from a backup");
    }
  }

  static long fileSize(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
