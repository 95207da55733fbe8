package io.phantomdb.plugin.btree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option parsing and the factory's self-description. */
class BtreeOptionsTest {
  @TempDir Path dir;

  private static BtreeOptions parse(Map<String, String> options) {
    return BtreeOptions.parse(new StorageContext(Path.of("unused"), options));
  }

  @Test
  void defaults() {
    BtreeOptions o = BtreeOptions.defaults();
    assertThat(o.mapSize()).isEqualTo(1L << 30);
    assertThat(o.mapSizeMax()).isEqualTo(1L << 40);
    assertThat(o.maxKeyspaces()).isEqualTo(1024);
    assertThat(o.maxReaders()).isEqualTo(1024);
    assertThat(o.growWaitMillis()).isEqualTo(5000);
    assertThat(o.readAhead()).isTrue();
    assertThat(o.powerLossSafe()).isTrue();
  }

  @Test
  void valuesAreParsed() {
    BtreeOptions o =
        parse(
            Map.of(
                "map-size", "64MB",
                "map-size-max", "2GB",
                "max-keyspaces", "10",
                "max-readers", "50",
                "map-grow-wait-ms", "0",
                "read-ahead", "FALSE",
                "power-loss-safe", "true"));
    assertThat(o)
        .isEqualTo(new BtreeOptions(64L << 20, 2L << 30, 10, 50, 0, false, true));
  }

  @Test
  void aMapSizeAboveTheDefaultMaximumRaisesTheMaximum() {
    assertThat(parse(Map.of("map-size", "2TB")).mapSizeMax()).isEqualTo(2L << 40);
  }

  @Test
  void badValuesAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> parse(Map.of("map-size", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("map-size");
    assertThatThrownBy(() -> parse(Map.of("map-size", "10KB")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storage.btree.map-size");
    assertThatThrownBy(() -> parse(Map.of("map-size", "2GB", "map-size-max", "1GB")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("map-size-max");
    assertThatThrownBy(() -> parse(Map.of("max-readers", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-readers");
    assertThatThrownBy(() -> parse(Map.of("read-ahead", "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("read-ahead");
  }

  @Test
  void unknownKeysAreRefusedListingTheSupportedOnes() {
    assertThatThrownBy(() -> parse(Map.of("mapsize", "1GB")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mapsize")
        .hasMessageContaining("map-size-max");
  }

  @Test
  void badOptionsFailOpenWithoutLockingTheDirectory() {
    BtreeStorageEngineFactory f = new BtreeStorageEngineFactory();
    assertThatThrownBy(() -> f.open(new StorageContext(dir, Map.of("max-readers", "x"))))
        .isInstanceOf(IllegalArgumentException.class);
    f.open(StorageContext.of(dir)).close();
  }

  @Test
  void theFactoryIsFoundByServiceLoaderAndDescribesEveryOption() {
    StorageEngineFactory found =
        ServiceLoader.load(StorageEngineFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.name().equals("btree"))
            .findFirst()
            .orElseThrow();
    assertThat(found).isInstanceOf(BtreeStorageEngineFactory.class);
    assertThat(found.description()).contains("LMDB");
    assertThat(found.supportedOptions())
        .containsOnlyKeys(
            "map-size",
            "map-size-max",
            "max-keyspaces",
            "max-readers",
            "map-grow-wait-ms",
            "read-ahead",
            "power-loss-safe");
    assertThat(found.supportedOptions().values()).allMatch(d -> d.contains("default"));
  }

  @Test
  void aDirectoryOfAnotherEngineIsRefused() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("CURRENT"), "MANIFEST-000001\n");
    assertThatThrownBy(() -> new BtreeStorageEngineFactory().open(StorageContext.of(dir)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("CURRENT");
  }

  @Test
  void theNonDefaultFlagsOpenAWorkingStore() {
    Map<String, String> options = Map.of("power-loss-safe", "true", "read-ahead", "false");
    byte[] k = {1};
    try (StorageEngine engine = new BtreeStorageEngineFactory().open(new StorageContext(dir, options))) {
      engine.write(
          new WriteBatch().put(engine.createKeyspace("t"), k, k), Durability.NO_SYNC);
    }
    try (StorageEngine engine = new BtreeStorageEngineFactory().open(new StorageContext(dir, options))) {
      assertThat(engine.get(engine.keyspace("t"), k)).isEqualTo(k);
    }
  }
}
