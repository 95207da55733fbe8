package io.phantomdb.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Write batches, keyspaces, large values and argument errors. Part of {@link
 * AbstractStorageEngineTest}; not run on its own.
 */
public abstract class StorageBatchAndKeyspaceTests extends StorageKeyValueTests {

  @Test
  void aBatchSpansKeyspacesAndAppliesWhole() {
    Keyspace a = engine.createKeyspace("a");
    Keyspace c = engine.createKeyspace("c");
    engine.write(
        new WriteBatch().put(a, b("x"), b("1")).put(c, b("y"), b("2")).put(a, b("z"), b("3")),
        Durability.SYNC);
    assertThat(engine.get(a, b("x"))).isEqualTo(b("1"));
    assertThat(engine.get(c, b("y"))).isEqualTo(b("2"));
    assertThat(engine.get(a, b("y"))).isNull();
    assertThat(keys(engine, a, KeyRange.all(), ScanOrder.FORWARD)).hasSize(2);
  }

  @Test
  void laterOperationsInABatchWin() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("gone"), b("old"));
    engine.write(
        new WriteBatch()
            .put(ks, b("k"), b("first"))
            .put(ks, b("k"), b("second"))
            .put(ks, b("gone"), b("again"))
            .delete(ks, b("gone"))
            .delete(ks, b("back"))
            .put(ks, b("back"), b("here")),
        Durability.NO_SYNC);
    assertThat(engine.get(ks, b("k"))).isEqualTo(b("second"));
    assertThat(engine.get(ks, b("gone"))).isNull();
    assertThat(engine.get(ks, b("back"))).isEqualTo(b("here"));
  }

  @Test
  void deleteRangeRemovesExactlyTheHalfOpenInterval() {
    Keyspace ks = engine.createKeyspace("t");
    Keyspace other = engine.createKeyspace("u");
    for (int i = 1; i <= 6; i++) {
      put(ks, k(i), k(i));
      put(other, k(i), k(i));
    }
    engine.write(new WriteBatch().deleteRange(ks, k(2), k(5)), Durability.NO_SYNC);
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD))
        .containsExactly("01", "05", "06");
    assertThat(keys(engine, other, KeyRange.all(), ScanOrder.FORWARD)).hasSize(6);
    engine.write(new WriteBatch().deleteRange(ks, k(6), k(1)), Durability.NO_SYNC);
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD)).hasSize(3);
    engine.write(
        new WriteBatch().deleteRange(ks, new byte[0], k(0xFF)).put(ks, k(3), b("after")),
        Durability.NO_SYNC);
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD)).containsExactly("03");
  }

  @Test
  void emptyBatchesAreNoOps() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("v"));
    engine.write(new WriteBatch(), Durability.NO_SYNC);
    engine.write(new WriteBatch(), Durability.SYNC);
    assertThat(engine.get(ks, b("k"))).isEqualTo(b("v"));
  }

  @Test
  void aBatchCanBeWrittenTwiceAndCleared() {
    Keyspace ks = engine.createKeyspace("t");
    WriteBatch batch = new WriteBatch().put(ks, b("k"), b("v"));
    engine.write(batch, Durability.NO_SYNC);
    delete(ks, b("k"));
    engine.write(batch, Durability.NO_SYNC);
    assertThat(engine.get(ks, b("k"))).isEqualTo(b("v"));
    batch.clear();
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.byteSize()).isZero();
  }

  @Test
  void aBatchWithATooLongKeyIsRefusedWhole() {
    Keyspace ks = engine.createKeyspace("t");
    int max = engine.maxKeyLength();
    if (max >= 16 << 20) {
      return; // no practical limit to exceed
    }
    WriteBatch batch = new WriteBatch().put(ks, b("fine"), b("1")).put(ks, new byte[max + 1], b("2"));
    assertThatThrownBy(() -> engine.write(batch, Durability.SYNC))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(engine.get(ks, b("fine"))).isNull();
  }

  @Test
  void aBatchNamingADroppedKeyspaceIsRefusedWhole() {
    Keyspace keep = engine.createKeyspace("keep");
    Keyspace drop = engine.createKeyspace("drop");
    engine.dropKeyspace("drop");
    WriteBatch batch = new WriteBatch().put(keep, b("k"), b("v")).put(drop, b("k"), b("v"));
    assertThatThrownBy(() -> engine.write(batch, Durability.NO_SYNC))
        .isInstanceOf(UnknownKeyspaceException.class);
    assertThat(engine.get(keep, b("k"))).isNull();
  }

  @Test
  void anotherEnginesKeyspaceIsRefused() {
    Keyspace mine = engine.createKeyspace("t");
    try (StorageEngine other = createEngine(tempDir.resolve("other"))) {
      Keyspace theirs = other.createKeyspace("t");
      assertThatThrownBy(
              () -> engine.write(new WriteBatch().put(mine, b("a"), b("1")).put(theirs, b("k"), b("v")), Durability.NO_SYNC))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> engine.get(theirs, b("k")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(engine.get(mine, b("a"))).isNull();
    }
  }

  @Test
  void keyspacesAreIndependentAndCreationIsIdempotent() {
    Keyspace a = engine.createKeyspace("alpha");
    Keyspace z = engine.createKeyspace("zeta");
    Keyspace a2 = engine.createKeyspace("alpha");
    put(a, b("k"), b("a"));
    put(z, b("k"), b("z"));
    assertThat(engine.get(a2, b("k"))).isEqualTo(b("a"));
    assertThat(engine.get(engine.keyspace("zeta"), b("k"))).isEqualTo(b("z"));
    assertThat(engine.keyspaces()).containsExactly("alpha", "zeta");
    assertThat(a.name()).isEqualTo("alpha");
  }

  @Test
  void aKeyspaceNamedDefaultIsAnOrdinaryKeyspace() {
    assertThat(engine.keyspaces()).isEmpty();
    Keyspace d = engine.createKeyspace("default");
    put(d, b("k"), b("v"));
    assertThat(engine.keyspaces()).containsExactly("default");
    engine.dropKeyspace("default");
    assertThat(engine.keyspaces()).isEmpty();
  }

  @Test
  void droppingAKeyspaceRemovesItsKeysAndInvalidatesHandles() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("v"));
    engine.dropKeyspace("t");
    assertThat(engine.keyspaces()).doesNotContain("t");
    assertThatThrownBy(() -> engine.get(ks, b("k"))).isInstanceOf(UnknownKeyspaceException.class);
    assertThatThrownBy(() -> engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD))
        .isInstanceOf(UnknownKeyspaceException.class);
    assertThatThrownBy(() -> engine.dropKeyspace("t")).isInstanceOf(UnknownKeyspaceException.class);
    Keyspace again = engine.createKeyspace("t");
    assertThat(engine.get(again, b("k"))).isNull();
  }

  @Test
  void unknownKeyspacesAreReportedByName() {
    engine.createKeyspace("present");
    assertThatThrownBy(() -> engine.keyspace("absent"))
        .isInstanceOf(UnknownKeyspaceException.class)
        .hasMessageContaining("absent");
  }

  @Test
  void invalidKeyspaceNamesAreRefused() {
    for (String bad : new String[] {"", "has space", "slash/name", "x".repeat(201), "é"}) {
      assertThatThrownBy(() -> engine.createKeyspace(bad))
          .as("name '%s'", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(engine.createKeyspace("Ok_name-1.2").name()).isEqualTo("Ok_name-1.2");
    assertThat(engine.createKeyspace("y".repeat(200))).isNotNull();
  }

  @Test
  void manyKeyspacesEachKeepTheirData() {
    int n = 100;
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < n; i++) {
      Keyspace ks = engine.createKeyspace("ks" + i);
      batch.put(ks, b("key"), b("value-" + i));
    }
    engine.write(batch, Durability.SYNC);
    reopen();
    assertThat(engine.keyspaces()).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(engine.get(engine.keyspace("ks" + i), b("key"))).isEqualTo(b("value-" + i));
    }
  }

  @Test
  void largeValuesRoundTripAndSurviveReopen() {
    Keyspace ks = engine.createKeyspace("t");
    assertThat(engine.maxValueLength()).isGreaterThanOrEqualTo(16 << 20);
    byte[] big = new byte[16 << 20];
    new Random(42).nextBytes(big);
    engine.write(new WriteBatch().put(ks, b("big"), big), Durability.SYNC);
    WriteBatch many = new WriteBatch();
    Random r = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] v = new byte[64 * 1024];
      r.nextBytes(v);
      many.put(ks, b(String.format("m%04d", i)), v);
    }
    engine.write(many, Durability.SYNC);
    assertThat(Arrays.equals(engine.get(ks, b("big")), big)).isTrue();
    reopen();
    Keyspace again = engine.keyspace("t");
    assertThat(Arrays.equals(engine.get(again, b("big")), big)).isTrue();
    assertThat(keys(engine, again, KeyRange.prefix(b("m")), ScanOrder.FORWARD)).hasSize(200);
  }

  @Test
  void nullArgumentsAreRefused() {
    Keyspace ks = engine.createKeyspace("t");
    assertThatThrownBy(() -> engine.get(ks, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> engine.get(null, b("k"))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> engine.scan(ks, null, ScanOrder.FORWARD))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> engine.write(null, Durability.SYNC))
        .isInstanceOf(NullPointerException.class);
  }
}
