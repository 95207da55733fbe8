package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.rocksdb.Checkpoint;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Writes RocksDB checkpoints: a consistent copy of every column family, SST files hard-linked
 * when the target is on the same file system and copied otherwise, plus the WAL tail. The
 * result opens with {@link LsmStorageEngineFactory} as a store of its own.
 */
final class LsmCheckpoints {
  private LsmCheckpoints() {}

  /**
   * Writes a checkpoint of {@code db} to {@code target}. Call inside the engine's guard.
   *
   * @param db the database
   * @param directory the database's directory, for messages
   * @param target an absolute path that must not exist, whose parent must
   * @throws StorageException if the target exists or the checkpoint fails; a partial copy is
   *     removed
   */
  static void create(RocksDB db, Path directory, Path target) {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new StorageException("checkpoint target " + target + " already exists; choose a"
          + " path that does not exist");
    }
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new StorageException("cannot write a checkpoint to " + target + ": its parent"
          + " directory does not exist");
    }
    Path staging = target.resolveSibling(target.getFileName() + ".tmp");
    boolean stagingExisted = Files.exists(staging, LinkOption.NOFOLLOW_LINKS);
    try (Checkpoint checkpoint = Checkpoint.create(db)) {
      checkpoint.createCheckpoint(target.toString());
    } catch (RocksDBException e) {
      removePartial(target, staging, stagingExisted);
      throw LsmErrors.map(e, directory, "checkpoint to " + target);
    } catch (RuntimeException | Error e) {
      removePartial(target, staging, stagingExisted);
      throw e;
    }
  }

  private static void removePartial(Path target, Path staging, boolean stagingExisted) {
    deleteTree(target);
    if (!stagingExisted) {
      deleteTree(staging); // RocksDB writes into <target>.tmp and renames it at the end
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException ignored) {
      // best effort: the checkpoint failure is what the caller reports
    }
  }
}
