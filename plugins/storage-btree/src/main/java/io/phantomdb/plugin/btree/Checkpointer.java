package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.lmdbjava.CopyFlags;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;

/**
 * Writes a checkpoint: LMDB's compacting copy ({@code mdb_env_copy2} with {@code MDB_CP_COMPACT})
 * into a new directory, then {@code fsync} of the copy. The copy reads in one read transaction,
 * so it holds exactly the batches committed before it began, and writes go on meanwhile; while it
 * runs the map cannot grow. The result is a complete data directory (only {@code data.mdb}).
 */
final class Checkpointer {
  private final Env<ByteBuffer> env;
  private final TxnGate gate;
  private final LmdbErrors errors;

  Checkpointer(Env<ByteBuffer> env, TxnGate gate, LmdbErrors errors) {
    this.env = env;
    this.gate = gate;
    this.errors = errors;
  }

  /**
   * Copies the store into {@code target}, which must not exist; a partial copy is removed.
   *
   * @throws StorageException if {@code target} exists, its parent does not, or the copy fails
   */
  void checkpoint(Path target) {
    Path dir = target.toAbsolutePath();
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new StorageException("checkpoint target " + target + " already exists");
    }
    Path parent = dir.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new StorageException(
          "the parent directory of checkpoint target " + target + " does not exist");
    }
    try {
      Files.createDirectory(dir);
    } catch (IOException e) {
      throw new StorageException("cannot create checkpoint directory " + target + ": " + e, e);
    }
    boolean done = false;
    try {
      long stamp = gate.enter();
      try {
        env.copy(dir.toFile(), CopyFlags.MDB_CP_COMPACT);
      } catch (LmdbException e) {
        throw errors.map(e, "checkpoint to " + target);
      } finally {
        gate.exit(stamp);
      }
      force(dir.resolve(EnvironmentOpener.DATA_FILE), false);
      force(dir, true);
      force(parent, true);
      done = true;
    } catch (IOException e) {
      throw new StorageException("cannot write checkpoint " + target + ": " + e, e);
    } finally {
      if (!done) {
        deleteQuietly(dir);
      }
    }
  }

  private static void force(Path path, boolean directory) throws IOException {
    try (FileChannel ch =
        FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
      // some platforms cannot open or sync a directory; the file itself is synced
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
