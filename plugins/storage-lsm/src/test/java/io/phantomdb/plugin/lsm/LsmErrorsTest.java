package io.phantomdb.plugin.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageCorruptionException;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.StorageFullException;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Mapping of RocksDB statuses onto the SPI's exceptions. */
class LsmErrorsTest {
  private static final Path DIR = Path.of("/data/db");

  private static StorageException map(Status.Code code, Status.SubCode sub, String message) {
    RocksDBException e = new RocksDBException(message, new Status(code, sub, message));
    return LsmErrors.map(e, DIR, "write");
  }

  @Test
  void corruptionIsACorruptionException() {
    assertThat(map(Status.Code.Corruption, Status.SubCode.None, "block checksum mismatch"))
        .isExactlyInstanceOf(StorageCorruptionException.class)
        .hasMessageContaining("/data/db")
        .hasMessageContaining("block checksum mismatch");
  }

  @Test
  void noSpaceIsAFullException() {
    assertThat(map(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device"))
        .isExactlyInstanceOf(StorageFullException.class)
        .hasMessageContaining("/data/db");
  }

  @Test
  void aLockHeldByAnotherProcessIsNamed() {
    assertThat(map(Status.Code.IOError, Status.SubCode.None,
            "While lock file: /data/db/LOCK: Resource temporarily unavailable"))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("data directory /data/db is already in use by another PhantomDB"
            + " process (RocksDB LOCK file /data/db/LOCK)");
  }

  @Test
  void otherFailuresNameTheDirectoryAndTheAction() {
    assertThat(map(Status.Code.IOError, Status.SubCode.None, "Permission denied"))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessage("RocksDB write failed in /data/db: Permission denied");
  }

  @Test
  void damagedSstFilesAreReportedAsCorruption(@TempDir Path dir) throws Exception {
    Path e = dir.resolve("e");
    StorageContext context = StorageContext.of(e);
    try (StorageEngine engine = new LsmStorageEngineFactory().open(context)) {
      Keyspace ks = engine.createKeyspace("t");
      WriteBatch batch = new WriteBatch();
      Random random = new Random(1);
      for (int i = 0; i < 20_000; i++) {
        byte[] value = new byte[200];
        random.nextBytes(value);
        batch.put(ks, String.format("key%06d", i).getBytes(), value);
      }
      engine.write(batch, Durability.SYNC);
    }
    new LsmStorageEngineFactory().open(context).close(); // recovery flushes the WAL to an SST
    List<Path> ssts;
    try (Stream<Path> files = Files.list(e)) {
      ssts = files.filter(p -> p.toString().endsWith(".sst")).toList();
    }
    assertThat(ssts).isNotEmpty();
    for (Path sst : ssts) {
      try (RandomAccessFile f = new RandomAccessFile(sst.toFile(), "rw")) {
        for (long pos = 100; pos < f.length() / 2; pos += 4096) {
          f.seek(pos);
          f.write(new byte[64]);
        }
      }
    }
    try (StorageEngine engine = new LsmStorageEngineFactory().open(context)) {
      Keyspace ks = engine.keyspace("t");
      assertThatThrownBy(() -> {
        try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
          while (c.next()) {
            c.key();
          }
        }
      }).isInstanceOf(StorageCorruptionException.class).hasMessageContaining(e.toString());
    } catch (StorageCorruptionException atOpen) {
      assertThat(atOpen).hasMessageContaining(e.toString());
    }
  }
}
