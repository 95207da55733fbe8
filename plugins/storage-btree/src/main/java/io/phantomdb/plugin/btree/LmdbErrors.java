package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageClosedException;
import io.phantomdb.spi.storage.StorageCorruptionException;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.StorageFullException;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;
import org.lmdbjava.LmdbNativeException;
import org.lmdbjava.Txn;

/**
 * Translates lmdbjava's exceptions into the storage SPI's, with messages that name the directory
 * and, where an operator can act, the option to change.
 */
final class LmdbErrors {
  // errno values, the same on Linux and macOS
  static final int EPERM = 1;
  static final int EIO = 5;
  static final int EACCES = 13;
  static final int EINVAL = 22;
  static final int ENOSPC = 28;
  static final int EROFS = 30;
  static final int EDQUOT_LINUX = 122;

  private final String directory;

  /** @param directory the data directory, for messages */
  LmdbErrors(String directory) {
    this.directory = directory;
  }

  /**
   * The SPI exception for an lmdbjava failure.
   *
   * @param e what lmdbjava threw
   * @param action what was being done, such as "write" or "scan"
   * @return the exception to throw
   */
  StorageException map(LmdbException e, String action) {
    String where = "btree " + action + " in " + directory + ": ";
    if (e instanceof Env.AlreadyClosedException || e instanceof Cursor.ClosedException) {
      return new StorageClosedException(where + "the engine or cursor is closed");
    }
    if (e instanceof LmdbNativeException.PageCorruptedException
        || e instanceof LmdbNativeException.PageNotFoundException
        || e instanceof Env.FileInvalidException) {
      return new StorageCorruptionException(
          where + "data.mdb is damaged (" + e.getMessage() + "); restore it from a backup", e);
    }
    if (e instanceof Env.MapFullException) {
      return new StorageFullException(
          where + "the LMDB map is full; raise " + BtreeOptions.key(BtreeOptions.MAP_SIZE_MAX), e);
    }
    if (e instanceof Env.ReadersFullException) {
      return new StorageException(
          where + "all LMDB reader slots are taken by open reads, cursors and snapshots; close"
              + " them sooner or raise " + BtreeOptions.key(BtreeOptions.MAX_READERS), e);
    }
    if (e instanceof Dbi.DbFullException) {
      return new StorageException(
          where + "too many keyspaces; drop some or raise "
              + BtreeOptions.key(BtreeOptions.MAX_KEYSPACES), e);
    }
    if (e instanceof Txn.TxFullException) {
      return new StorageException(
          where + "the batch changes more pages than one LMDB transaction can hold (about"
              + " 128k pages); split it into smaller batches", e);
    }
    if (e instanceof Env.VersionMismatchException) {
      return new StorageException(
          where + "data.mdb was written by an incompatible LMDB version", e);
    }
    if (e instanceof LmdbNativeException.PanicException) {
      return new StorageException(
          where + "LMDB hit a fatal error (" + e.getMessage() + "); close and reopen the engine",
          e);
    }
    if (e instanceof LmdbNativeException n) {
      return mapErrno(n, where);
    }
    return new StorageException(where + e.getMessage(), e);
  }

  private StorageException mapErrno(LmdbNativeException e, String where) {
    switch (e.getResultCode()) {
      case ENOSPC:
      case EDQUOT_LINUX:
        return new StorageFullException(
            where + "the disk is full (" + e.getMessage() + "); free space and retry", e);
      case EACCES:
      case EPERM:
      case EROFS:
        return new StorageException(
            where + "the directory or its files are not writable (" + e.getMessage() + ")", e);
      case EIO:
        return new StorageException(
            where + "I/O error (" + e.getMessage() + "); check the disk", e);
      default:
        return new StorageException(where + e.getMessage(), e);
    }
  }

  /** @return whether {@code e} is LMDB's EINVAL, as returned for a closed database handle */
  static boolean isInvalidArgument(LmdbException e) {
    return e instanceof LmdbNativeException n && n.getResultCode() == EINVAL;
  }
}
