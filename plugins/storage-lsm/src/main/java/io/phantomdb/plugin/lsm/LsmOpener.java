package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageCorruptionException;
import io.phantomdb.spi.storage.StorageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Opens the RocksDB store of a data directory with all its column families, after checking the
 * directory is empty, absent, or a RocksDB store; frees everything if opening fails.
 */
final class LsmOpener {
  private LsmOpener() {}

  /**
   * Opens (or creates) the store in {@code directory}.
   *
   * @param directory the data directory
   * @param options the parsed options
   * @return the open engine
   * @throws StorageCorruptionException if the store is damaged
   * @throws StorageException if the directory cannot be used
   */
  static LsmStorageEngine open(Path directory, LsmOptions options) {
    Path dir = directory.toAbsolutePath().normalize();
    prepare(dir);
    LsmNativeConfig config = new LsmNativeConfig(options);
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db = null;
    try {
      List<byte[]> names = columnFamilies(dir);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        descriptors.add(new ColumnFamilyDescriptor(name, config.columnFamilyOptions()));
      }
      db = RocksDB.open(config.dbOptions(), dir.toString(), descriptors, handles);
      return new LsmStorageEngine(dir, config, db, names, handles);
    } catch (RocksDBException e) {
      cleanUp(config, db, handles);
      throw LsmErrors.map(e, dir, "open");
    } catch (RuntimeException | Error e) {
      cleanUp(config, db, handles);
      throw e;
    }
  }

  /** The column families to open: every one the store has, RocksDB's default one first. */
  private static List<byte[]> columnFamilies(Path dir) throws RocksDBException {
    List<byte[]> names = new ArrayList<>();
    names.add(RocksDB.DEFAULT_COLUMN_FAMILY);
    if (Files.exists(dir.resolve("CURRENT"))) {
      try (Options options = new Options()) {
        for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
          if (!Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** Creates the directory, or checks that it is empty or holds a RocksDB store. */
  private static void prepare(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StorageException("data directory " + dir + " is a file, not a directory");
    }
    try {
      if (!Files.exists(dir)) {
        Files.createDirectories(dir);
        return;
      }
      if (Files.exists(dir.resolve("CURRENT"))) {
        return;
      }
      boolean rocksFiles = false;
      boolean otherFiles = false;
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (name.equals("LOCK") || name.startsWith("LOG")) {
            continue; // left by an open that failed before it created the store
          }
          if (name.equals("IDENTITY") || name.startsWith("MANIFEST-")
              || name.startsWith("OPTIONS-") || name.endsWith(".sst") || name.endsWith(".log")
              || name.endsWith(".blob")) {
            rocksFiles = true;
          } else {
            otherFiles = true;
          }
        }
      }
      if (otherFiles) {
        throw new StorageException("data directory " + dir + " is not empty and holds no RocksDB"
            + " store (no CURRENT file); it may belong to another storage engine: choose an"
            + " empty directory");
      }
      if (rocksFiles) {
        throw new StorageCorruptionException("RocksDB store in " + dir + " has lost its CURRENT"
            + " file; restore the directory from a backup");
      }
    } catch (IOException e) {
      throw new StorageException("cannot use data directory " + dir + ": " + e, e);
    }
  }

  private static void cleanUp(LsmNativeConfig config, RocksDB db, List<ColumnFamilyHandle> hs) {
    for (ColumnFamilyHandle handle : hs) {
      handle.close();
    }
    if (db != null) {
      db.close();
    }
    config.close();
  }
}
