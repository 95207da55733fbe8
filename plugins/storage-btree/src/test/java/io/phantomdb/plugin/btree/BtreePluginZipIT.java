package io.phantomdb.plugin.btree;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultExtensionFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.RuntimeMode;

/**
 * Smoke test of the packaged plugin: the zip built by this module, loaded by PF4J the way the
 * kernel loads plugins (deployment mode, implementations from {@code META-INF/services}), opens an
 * engine whose classes and LMDB native library come from the plugin's own class loader.
 */
class BtreePluginZipIT {
  @TempDir Path tmp;

  @Test
  void theZipLoadsThroughPf4jAndItsEngineWorks() throws Exception {
    Path zip;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      zip =
          files
              .filter(p -> p.getFileName().toString().matches("storage-btree-.*\\.zip"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("run 'mvn package' first: no plugin zip"));
    }
    Path plugins = Files.createDirectory(tmp.resolve("plugins"));
    Files.copy(zip, plugins.resolve(zip.getFileName()));
    PluginManager manager =
        new DefaultPluginManager(plugins) {
          @Override
          public RuntimeMode getRuntimeMode() {
            return RuntimeMode.DEPLOYMENT;
          }

          @Override
          protected ExtensionFinder createExtensionFinder() {
            ExtensionFinder finder = super.createExtensionFinder();
            ((DefaultExtensionFinder) finder).addServiceProviderExtensionFinder();
            return finder;
          }
        };
    try {
      manager.loadPlugins();
      manager.startPlugins();
      assertThat(manager.getPlugin("storage-btree").getPluginState())
          .isEqualTo(PluginState.STARTED);
      List<StorageEngineFactory> factories =
          manager.getExtensions(StorageEngineFactory.class, "storage-btree");
      assertThat(factories).hasSize(1);
      StorageEngineFactory factory = factories.get(0);
      assertThat(factory.name()).isEqualTo("btree");
      assertThat(factory.getClass().getClassLoader())
          .as("loaded from the plugin, not the test class path")
          .isNotSameAs(BtreeStorageEngineFactory.class.getClassLoader());
      byte[] value = "v".getBytes(StandardCharsets.UTF_8);
      try (StorageEngine engine = factory.open(StorageContext.of(tmp.resolve("data")))) {
        Keyspace ks = engine.createKeyspace("t");
        engine.write(new WriteBatch().put(ks, value, value), Durability.SYNC);
        assertThat(engine.get(ks, value)).isEqualTo(value);
      }
    } finally {
      manager.stopPlugins();
      manager.unloadPlugins();
    }
  }
}
