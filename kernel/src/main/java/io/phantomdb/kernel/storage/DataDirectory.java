package io.phantomdb.kernel.storage;

import io.phantomdb.kernel.error.OperatorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory held by this process: an exclusive lock on {@code <data.dir>/LOCK} (which
 * holds the owner's process id), so a second {@code phantomdb start} or {@code phantomdb sql} on
 * the same directory stops with one line instead of corrupting it; and the directory's format
 * version in {@code <data.dir>/FORMAT}, written when the directory is first used and checked on
 * every later open. The lock goes with the process, also when it is killed.
 */
public final class DataDirectory implements AutoCloseable {
  /** The lock file's name. */
  public static final String LOCK_FILE = "LOCK";
  /** The format version file's name. */
  public static final String FORMAT_FILE = "FORMAT";
  /** The format version this PhantomDB reads and writes. */
  public static final int FORMAT_VERSION = 1;

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectory(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed, locks it and checks its format.
   *
   * @param dir {@code data.dir}
   * @return the held directory; close it after the storage engine
   * @throws OperatorException if another process holds it, it has another format version, or it
   *     cannot be created, locked or read
   */
  public static DataDirectory open(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    FileChannel ch = null;
    try {
      Files.createDirectories(abs);
      ch = FileChannel.open(abs.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String owner = owner(ch);
        ch.close();
        throw new OperatorException("data directory " + abs + " is in use by another PhantomDB process"
            + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; stop it first or choose another --data-dir");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      ch.force(false);
      checkFormat(abs);
      return new DataDirectory(abs, ch, lock);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new OperatorException("cannot use data directory " + abs + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static String owner(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(32);
    ch.read(b, 0);
    return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
  }

  private static void checkFormat(Path dir) throws IOException {
    Path f = dir.resolve(FORMAT_FILE);
    if (!Files.exists(f)) {
      Files.writeString(f, FORMAT_VERSION + "\n", StandardCharsets.US_ASCII);
      return;
    }
    String text = Files.readString(f, StandardCharsets.US_ASCII).strip();
    int version;
    try {
      version = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new OperatorException("data directory " + dir + " has an unreadable " + FORMAT_FILE + " file ('"
          + text + "'); it was not written by PhantomDB");
    }
    if (version != FORMAT_VERSION) {
      throw new OperatorException("data directory " + dir + " has format version " + version
          + "; this PhantomDB reads format version " + FORMAT_VERSION
          + (version > FORMAT_VERSION ? " (it was written by a newer PhantomDB)" : " (upgrade it first)"));
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // already failing
      }
    }
  }

  /**
   * The directory.
   *
   * @return its absolute path
   */
  public Path path() {
    return dir;
  }

  /** Releases the lock. Idempotent. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      // the lock goes with the channel
    }
  }
}
