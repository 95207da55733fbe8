package io.phantomdb.plugin.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rocksdb.CompressionType;

class LsmOptionsTest {
  @TempDir Path dir;

  private static LsmOptions parse(Map<String, String> options) {
    return LsmOptions.parse(new StorageContext(Path.of("unused"), options));
  }

  @Test
  void defaults() {
    LsmOptions o = parse(Map.of());
    assertThat(o.blockCacheSize()).isEqualTo(128L << 20);
    assertThat(o.writeBufferSize()).isEqualTo(64L << 20);
    assertThat(o.maxBackgroundJobs()).isEqualTo(2);
    assertThat(o.maxOpenFiles()).isBetween(64, 4096);
    assertThat(o.compression()).isEqualTo(CompressionType.LZ4_COMPRESSION);
    assertThat(o.bottommostCompression()).isEqualTo(CompressionType.ZSTD_COMPRESSION);
  }

  @Test
  void valuesAreParsed() {
    LsmOptions o = parse(Map.of(
        "block-cache-size", "1GB", "write-buffer-size", "32mb", "max-background-jobs", " 4 ",
        "max-open-files", "-1", "compression", "ZSTD", "bottommost-compression", "none"));
    assertThat(o.blockCacheSize()).isEqualTo(1L << 30);
    assertThat(o.writeBufferSize()).isEqualTo(32L << 20);
    assertThat(o.maxBackgroundJobs()).isEqualTo(4);
    assertThat(o.maxOpenFiles()).isEqualTo(-1);
    assertThat(o.compression()).isEqualTo(CompressionType.ZSTD_COMPRESSION);
    assertThat(o.bottommostCompression()).isEqualTo(CompressionType.NO_COMPRESSION);
  }

  @ParameterizedTest
  @CsvSource({
    "block-cache-size, lots",
    "block-cache-size, 1KB",
    "write-buffer-size, -5MB",
    "write-buffer-size, 1KB",
    "max-background-jobs, 0",
    "max-background-jobs, two",
    "max-open-files, 5",
    "compression, brotli",
    "bottommost-compression, ''",
    "block-cache, 64MB"
  })
  void badOptionsAreRefusedNamingTheKey(String key, String value) {
    assertThatThrownBy(() -> parse(Map.of(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + key + "'");
  }

  @Test
  void aCompressionThisBuildLacksIsRefusedNamingTheKey() {
    assumeFalse(LsmCompressions.isLinked(CompressionType.XPRESS_COMPRESSION), "xpress is linked");
    assertThatThrownBy(() -> parse(Map.of("bottommost-compression", "xpress")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bottommost-compression'")
        .hasMessageContaining("no 'xpress' compression");
  }

  @Test
  void theDefaultCodecsAreLinkedIntoRocksdbjni() {
    assertThat(LsmCompressions.isLinked(CompressionType.LZ4_COMPRESSION)).isTrue();
    assertThat(LsmCompressions.isLinked(CompressionType.ZSTD_COMPRESSION)).isTrue();
  }

  @Test
  void theFactoryDocumentsEveryOptionWithItsDefault() {
    LsmStorageEngineFactory factory = new LsmStorageEngineFactory();
    assertThat(factory.name()).isEqualTo("lsm");
    assertThat(factory.description()).isNotBlank();
    assertThat(factory.supportedOptions()).containsOnlyKeys(
        "block-cache-size", "write-buffer-size", "max-background-jobs", "max-open-files",
        "compression", "bottommost-compression");
    assertThat(factory.supportedOptions().values())
        .allSatisfy(d -> assertThat(d).contains("default"));
  }

  @Test
  void theFactoryIsFoundThroughServiceLoader() {
    assertThat(ServiceLoader.load(StorageEngineFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .map(StorageEngineFactory::name))
        .contains("lsm");
  }

  @Test
  void anEngineOpensWithEveryOptionSet() {
    Map<String, String> options = Map.of(
        "block-cache-size", "8MB", "write-buffer-size", "1MB", "max-background-jobs", "1",
        "max-open-files", "100", "compression", "snappy", "bottommost-compression", "zlib");
    try (StorageEngine engine =
        new LsmStorageEngineFactory().open(new StorageContext(dir.resolve("e"), options))) {
      Keyspace ks = engine.createKeyspace("t");
      engine.write(new WriteBatch().put(ks, new byte[] {1}, new byte[] {2}), Durability.SYNC);
      assertThat(engine.get(ks, new byte[] {1})).containsExactly(2);
    }
  }

  @Test
  void badOptionsFailBeforeTheDirectoryIsTouched() {
    Path target = dir.resolve("never");
    assertThatThrownBy(() -> new LsmStorageEngineFactory()
            .open(new StorageContext(target, Map.of("compression", "fast"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(target).doesNotExist();
  }
}
