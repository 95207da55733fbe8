package io.phantomdb.plugin.btree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageCorruptionException;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory: exclusive use, files on disk, damaged files. */
class BtreeDirectoryTest {
  @TempDir Path dir;

  private static StorageEngine open(Path dir) {
    return new BtreeStorageEngineFactory().open(StorageContext.of(dir));
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFailedSecondOpenInThisProcessLeavesTheFirstLockHeld() throws Exception {
    try (StorageEngine engine = open(dir)) {
      assertThatThrownBy(() -> open(dir))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("already in use by another PhantomDB process");
      assertThatThrownBy(() -> open(dir.resolve(".")))
          .as("the same directory by another path")
          .isInstanceOf(StorageException.class);
      // another process must still be refused: the failed attempts must not have unlocked it
      assertThat(otherProcessCanLock(dir)).isFalse();
    }
    assertThat(otherProcessCanLock(dir)).isTrue();
    open(dir).close();
  }

  /** Runs a JVM that tries the lock file, as a second PhantomDB process would. */
  private static boolean otherProcessCanLock(Path dir) throws Exception {
    Path src = dir.getParent().resolve("TryLock.java");
    Files.writeString(
        src,
        "import java.nio.channels.*; import java.nio.file.*;\n"
            + "public class TryLock { public static void main(String[] a) throws Exception {\n"
            + "  FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);\n"
            + "  System.exit(c.tryLock() == null ? 3 : 0); } }\n");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                src.toString(),
                dir.resolve(DirectoryLock.FILE_NAME).toString())
            .inheritIO()
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() == 0;
  }

  @Test
  void theDirectoryHoldsLmdbFilesAndTheLockFile() {
    open(dir).close();
    assertThat(dir.resolve("data.mdb")).exists();
    assertThat(dir.resolve("lock.mdb")).exists();
    assertThat(dir.resolve("phantomdb.lock")).exists();
  }

  @Test
  void aMissingDirectoryIsCreatedAndAFileIsRefused() throws Exception {
    Path nested = dir.resolve("a/b/c");
    open(nested).close();
    assertThat(nested.resolve("data.mdb")).exists();
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertThatThrownBy(() -> open(file))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void aGarbageDataFileIsReportedAsCorruption() throws Exception {
    Files.write(dir.resolve("data.mdb"), new byte[64 * 1024]);
    assertThatThrownBy(() -> open(dir)).isInstanceOf(StorageCorruptionException.class);
    // the failed open released the directory
    Files.delete(dir.resolve("data.mdb"));
    open(dir).close();
  }

  @Test
  void aTruncatedDataFileIsReportedAsCorruptionNotACrash() throws Exception {
    try (StorageEngine engine = open(dir)) {
      Keyspace ks = engine.createKeyspace("t");
      WriteBatch batch = new WriteBatch();
      for (int i = 0; i < 20_000; i++) {
        batch.put(ks, b("key" + i), new byte[100]);
      }
      engine.write(batch, Durability.SYNC);
    }
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("data.mdb").toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(StorageCorruptionException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aCheckpointWhoseParentIsMissingIsRefusedAndLeavesNothing() {
    try (StorageEngine engine = open(dir.resolve("e"))) {
      engine.createKeyspace("t");
      Path target = dir.resolve("missing/cp");
      assertThatThrownBy(() -> engine.checkpoint(target)).isInstanceOf(StorageException.class);
      assertThat(dir.resolve("missing")).doesNotExist();
    }
  }

  @Test
  void aCheckpointHoldsOnlyTheDataFile() throws Exception {
    try (StorageEngine engine = open(dir.resolve("e"))) {
      engine.write(
          new WriteBatch().put(engine.createKeyspace("t"), b("k"), b("v")), Durability.NO_SYNC);
      engine.checkpoint(dir.resolve("cp"));
    }
    try (var files = Files.list(dir.resolve("cp"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .isEqualTo(List.of("data.mdb"));
    }
    try (StorageEngine copy = open(dir.resolve("cp"))) {
      assertThat(copy.get(copy.keyspace("t"), b("k"))).isEqualTo(b("v"));
    }
  }
}
