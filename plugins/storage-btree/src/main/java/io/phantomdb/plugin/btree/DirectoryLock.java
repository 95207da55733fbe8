package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps a data directory to one open engine. LMDB itself lets several processes share an
 * environment, and opening one environment twice in one process breaks LMDB's own locks, so this
 * lock is taken before LMDB is touched.
 *
 * <p>Across processes: an exclusive {@link FileLock} on {@value #FILE_NAME}. Within this process a
 * registry is consulted first, because on POSIX systems closing <em>any</em> channel to a file
 * drops every lock the process holds on it: a second open that merely tried the lock and closed
 * its channel would unlock the first engine's directory.
 */
final class DirectoryLock implements AutoCloseable {
  /** The lock file's name inside the data directory. */
  static final String FILE_NAME = "phantomdb.lock";

  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  // Channels that met a lock held by this JVM through another class loader's copy of this class:
  // closing them would release that lock, so they stay open.
  private static final List<FileChannel> STRANDED = new CopyOnWriteArrayList<>();

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code directory}, which must exist.
   *
   * @throws StorageException if it is open in this or another process, or cannot be locked
   */
  static DirectoryLock acquire(Path directory) {
    Path key;
    try {
      key = directory.toRealPath();
    } catch (IOException e) {
      throw new StorageException("cannot resolve data directory " + directory + ": " + e, e);
    }
    if (!HELD.add(key)) {
      throw inUse(directory);
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        STRANDED.add(channel);
        channel = null;
        lock = null;
      }
      if (lock == null) {
        throw inUse(directory);
      }
      return new DirectoryLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      HELD.remove(key);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new StorageException(
          "cannot lock data directory " + directory + " (" + e + "); is it writable?", e);
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException | RuntimeException ignored) {
      // closing the channel releases it as well
    }
    closeQuietly(channel);
    HELD.remove(directory);
  }

  private static StorageException inUse(Path directory) {
    return new StorageException(
        "data directory " + directory + " is already in use by another PhantomDB process"
            + " (or by an engine already open in this one); stop it or choose another directory");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }
}
