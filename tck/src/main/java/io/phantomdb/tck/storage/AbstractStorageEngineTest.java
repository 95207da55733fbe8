package io.phantomdb.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.StorageStats;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The storage engine conformance suite: everything in {@link StorageKeyValueTests} and {@link
 * StorageBatchAndKeyspaceTests}, plus persistence (reopen, checkpoints, exclusive directories),
 * behaviour after close, and size estimates.
 *
 * <p>An engine's test class extends this and implements only {@link #createEngine(Path)}.
 */
public abstract class AbstractStorageEngineTest extends StorageBatchAndKeyspaceTests {

  @Test
  void reopenAfterCloseKeepsKeyspacesAndData() {
    Keyspace ks = engine.createKeyspace("t");
    engine.createKeyspace("empty");
    put(ks, b("unsynced"), b("1"));
    engine.write(new WriteBatch().put(ks, b("synced"), b("2")), Durability.SYNC);
    delete(ks, b("unsynced"));
    put(ks, b("last"), b("3"));
    reopen();
    Keyspace again = engine.keyspace("t");
    assertThat(engine.keyspaces()).containsExactly("empty", "t");
    assertThat(engine.get(again, b("synced"))).isEqualTo(b("2"));
    assertThat(engine.get(again, b("unsynced"))).isNull();
    assertThat(engine.get(again, b("last"))).isEqualTo(b("3"));
  }

  @Test
  void droppedKeyspacesStayDroppedAfterReopen() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("v"));
    engine.dropKeyspace("t");
    reopen();
    assertThat(engine.keyspaces()).isEmpty();
    assertThat(engine.get(engine.createKeyspace("t"), b("k"))).isNull();
  }

  @Test
  void aCheckpointHoldsExactlyTheWritesBeforeIt() {
    Keyspace ks = engine.createKeyspace("t");
    Keyspace other = engine.createKeyspace("other");
    put(ks, b("before"), b("1"));
    put(other, b("x"), b("y"));
    Path cp = tempDir.resolve("checkpoint");
    engine.checkpoint(cp);
    put(ks, b("after"), b("2"));
    delete(ks, b("before"));
    try (StorageEngine copy = createEngine(cp)) {
      Keyspace cks = copy.keyspace("t");
      assertThat(copy.keyspaces()).containsExactly("other", "t");
      assertThat(copy.get(cks, b("before"))).isEqualTo(b("1"));
      assertThat(copy.get(cks, b("after"))).isNull();
      assertThat(copy.get(copy.keyspace("other"), b("x"))).isEqualTo(b("y"));
      put(ks, b("independent"), b("3"));
      assertThat(copy.get(cks, b("independent"))).isNull();
    }
    assertThat(engine.get(ks, b("after"))).isEqualTo(b("2"));
  }

  @Test
  void aCheckpointOfManyKeysIsComplete() {
    Keyspace ks = engine.createKeyspace("t");
    WriteBatch batch = new WriteBatch();
    Random r = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      byte[] v = new byte[100];
      r.nextBytes(v);
      batch.put(ks, b(String.format("key%08d", i)), v);
    }
    engine.write(batch, Durability.NO_SYNC);
    Path cp = tempDir.resolve("cp");
    engine.checkpoint(cp);
    try (StorageEngine copy = createEngine(cp)) {
      assertThat(scan(copy, copy.keyspace("t"), KeyRange.all(), ScanOrder.FORWARD))
          .isEqualTo(scan(engine, ks, KeyRange.all(), ScanOrder.FORWARD));
    }
  }

  @Test
  void aCheckpointIntoAnExistingDirectoryIsRefused() throws Exception {
    engine.createKeyspace("t");
    Path existing = Files.createDirectory(tempDir.resolve("exists"));
    assertThatThrownBy(() -> engine.checkpoint(existing)).isInstanceOf(StorageException.class);
  }

  @Test
  void aSecondOpenOfTheSameDirectoryIsRefused() {
    engine.createKeyspace("t");
    assertThatThrownBy(() -> createEngine(engineDir).close())
        .isInstanceOf(StorageException.class);
    Keyspace ks = engine.keyspace("t");
    put(ks, b("still"), b("works"));
    assertThat(engine.get(ks, b("still"))).isEqualTo(b("works"));
  }

  @Test
  void everyMethodFailsAfterCloseAndCloseIsIdempotent() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("v"));
    engine.close();
    engine.close();
    Executable[] calls = {
      () -> engine.get(ks, b("k")),
      () -> engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD),
      () -> engine.write(new WriteBatch().put(ks, b("k"), b("v")), Durability.SYNC),
      () -> engine.createKeyspace("u"),
      () -> engine.keyspace("t"),
      () -> engine.keyspaces(),
      () -> engine.dropKeyspace("t"),
      () -> engine.snapshot(),
      () -> engine.checkpoint(tempDir.resolve("cp")),
      () -> engine.approximateSize(ks, KeyRange.all()),
      () -> engine.stats()
    };
    for (Executable call : calls) {
      assertThatThrownBy(call::execute).isInstanceOf(StorageClosedException.class);
    }
    engine = createEngine(engineDir);
    assertThat(engine.get(engine.keyspace("t"), b("k"))).isEqualTo(b("v"));
  }

  @Test
  void closedSnapshotsAndCursorsFailAfterwards() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("v"));
    ReadSnapshot snap = engine.snapshot();
    snap.close();
    snap.close();
    assertThatThrownBy(() -> snap.get(ks, b("k"))).isInstanceOf(StorageClosedException.class);
    Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD);
    c.close();
    assertThatThrownBy(c::next).isInstanceOf(StorageClosedException.class);
  }

  @Test
  void closingTheEngineWithOpenCursorsAndSnapshotsIsSafe() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("a"), b("1"));
    put(ks, b("b"), b("2"));
    Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD);
    assertThat(c.next()).isTrue();
    ReadSnapshot snap = engine.snapshot();
    engine.close();
    assertThatThrownBy(c::next).isInstanceOf(StorageClosedException.class);
    assertThatThrownBy(() -> snap.get(ks, b("a"))).isInstanceOf(StorageClosedException.class);
    c.close();
    snap.close();
    engine = createEngine(engineDir);
    assertThat(engine.get(engine.keyspace("t"), b("b"))).isEqualTo(b("2"));
  }

  @Test
  void sizeEstimatesAndStatsAreSane() {
    Keyspace ks = engine.createKeyspace("t");
    Keyspace empty = engine.createKeyspace("empty");
    WriteBatch batch = new WriteBatch();
    Random r = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      byte[] v = new byte[500];
      r.nextBytes(v);
      batch.put(ks, b(String.format("k%06d", i)), v);
    }
    engine.write(batch, Durability.SYNC);
    reopen();
    Keyspace t = engine.keyspace("t");
    assertThat(engine.approximateSize(t, KeyRange.all())).isPositive();
    assertThat(engine.approximateSize(engine.keyspace("empty"), KeyRange.all())).isNotNegative();
    assertThat(engine.approximateSize(t, KeyRange.prefix(b("zzz")))).isNotNegative();
    assertThat(empty.name()).isEqualTo("empty");
    StorageStats stats = engine.stats();
    assertThat(stats.diskBytes()).isNotEqualTo(0);
    assertThat(stats.keyCount() == -1 || stats.keyCount() > 0).isTrue();
    assertThat(stats.details()).isNotNull();
  }
}
