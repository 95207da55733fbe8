package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageCorruptionException;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.StorageFullException;
import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Translates {@link RocksDBException}s into the storage SPI's exceptions, with messages that
 * name the data directory and say what to do.
 *
 * <ul>
 *   <li>status {@code Corruption} → {@link StorageCorruptionException};
 *   <li>sub-code {@code NoSpace} (or {@code ENOSPC}) → {@link StorageFullException};
 *   <li>a held {@code LOCK} file → {@link StorageException} saying the directory is in use;
 *   <li>anything else → {@link StorageException}.
 * </ul>
 */
final class LsmErrors {
  private LsmErrors() {}

  /**
   * Maps a RocksDB failure.
   *
   * @param e the failure
   * @param directory the engine's data directory
   * @param action what was being done, such as {@code "write"}
   * @return the exception to throw
   */
  static StorageException map(RocksDBException e, Path directory, String action) {
    Status status = e.getStatus();
    Status.Code code = status == null ? null : status.getCode();
    Status.SubCode subCode = status == null ? null : status.getSubCode();
    String detail = e.getMessage() == null ? String.valueOf(code) : e.getMessage();
    if (code == Status.Code.Corruption) {
      return new StorageCorruptionException("RocksDB store in " + directory + " is damaged ("
          + action + "): " + detail + "; restore the directory from a backup", e);
    }
    if (subCode == Status.SubCode.NoSpace || detail.contains("No space left on device")) {
      return new StorageFullException("no space left for the RocksDB store in " + directory
          + " (" + action + "): " + detail + "; free disk space or move the data directory", e);
    }
    if (detail.contains("lock hold by current process")) {
      return new StorageException("data directory " + directory + " is already open in this"
          + " process (RocksDB LOCK file " + directory.resolve("LOCK") + ")", e);
    }
    if (code == Status.Code.IOError && detail.contains("LOCK")
        && (detail.contains("While lock file") || detail.contains("lock"))) {
      return new StorageException("data directory " + directory + " is already in use by another"
          + " PhantomDB process (RocksDB LOCK file " + directory.resolve("LOCK") + "); stop that"
          + " process or choose another directory", e);
    }
    return new StorageException("RocksDB " + action + " failed in " + directory + ": " + detail,
        e);
  }
}
