package io.phantomdb.kernel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigLoader;
import io.phantomdb.kernel.error.OperatorException;
import io.phantomdb.kernel.plugin.ExtensionRegistry;
import io.phantomdb.kernel.plugin.PluginSettings;
import io.phantomdb.kernel.plugin.TestPlugin;
import io.phantomdb.kernel.plugin.fixture.ContextLoaderProbeFactory;
import io.phantomdb.kernel.plugin.fixture.FixtureEngineFactory;
import io.phantomdb.spi.ApiVersion;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageSelectorTest {
  @TempDir Path home;

  private Config config(Map<String, String> env, String... sets) {
    return ConfigLoader.forHome(home).environment(env).overrides(List.of(sets)).load();
  }

  private ExtensionRegistry registry() {
    return ExtensionRegistry.load(new PluginSettings(home.resolve("plugins"), Set.of()));
  }

  @Test
  void opensTheMemoryEngineInDataDirStorage() {
    Config c = config(Map.of(), "storage.engine=memory", "data.dir=" + home.resolve("d"));
    try (ExtensionRegistry r = registry()) {
      SelectedStorage s = StorageSelector.select(c, r);
      assertThat(s.name()).isEqualTo("memory");
      assertThat(s.context().dataDirectory()).isEqualTo(home.resolve("d/storage"));
      assertThat(s.context().options()).isEmpty();
      byte[] key = "k".getBytes(StandardCharsets.UTF_8);
      try (StorageEngine engine = s.open()) {
        Keyspace ks = engine.createKeyspace("t");
        WriteBatch batch = new WriteBatch();
        batch.put(ks, key, "v".getBytes(StandardCharsets.UTF_8));
        engine.write(batch, Durability.SYNC);
      }
      try (StorageEngine engine = s.open()) {
        assertThat(engine.get(engine.keyspace("t"), key)).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void unavailableEngineListsTheAvailableOnes() {
    try (ExtensionRegistry r = registry()) {
      assertThatThrownBy(() -> StorageSelector.select(config(Map.of(), "storage.engine=lsm"), r))
          .isInstanceOf(OperatorException.class)
          .hasMessage("storage.engine 'lsm' is not available; available engines: memory");
    }
  }

  @Test
  void unavailableEngineMentionsPluginsThatWereNotLoaded() {
    TestPlugin.withId("storage-future").requires(">=9.0.0").storage(FixtureEngineFactory.class)
        .writeZip(mkdirs(home.resolve("plugins")));
    try (ExtensionRegistry r = registry()) {
      assertThatThrownBy(() -> StorageSelector.select(config(Map.of(), "storage.engine=fixture"), r))
          .hasMessage("storage.engine 'fixture' is not available; available engines: memory; "
              + "not loaded: storage-future (REFUSED: plugin.requires '>=9.0.0' does not include "
              + "this PhantomDB's api version " + ApiVersion.current() + ")");
    }
  }

  @Test
  void engineOptionsArePassedWithoutPrefixAndChecked() {
    TestPlugin.withId("fix").storage(FixtureEngineFactory.class).writeZip(mkdirs(home.resolve("plugins")));
    try (ExtensionRegistry r = registry()) {
      Config c = config(Map.of("PHANTOMDB_STORAGE_FIXTURE_CACHE_SIZE", "64MB"),
          "storage.engine=fixture", "storage.fixture.sync=true");
      assertThat(StorageSelector.select(c, r).context().options())
          .containsExactlyInAnyOrderEntriesOf(Map.of("cache-size", "64MB", "sync", "true"));

      assertThatThrownBy(() -> StorageSelector.select(
              config(Map.of(), "storage.engine=fixture", "storage.fixture.cache=1"), r))
          .hasMessage("--set storage.fixture.cache=1: unknown option 'cache' for storage engine "
              + "'fixture'; its options: " + String.join(", ", new FixtureEngineFactory().supportedOptions().keySet()));
      assertThatThrownBy(() -> StorageSelector.select(
              config(Map.of(), "storage.engine=fixture", "storage.memory.x=1"), r))
          .hasMessage("--set storage.memory.x=1: unknown option 'x' for storage engine 'memory'; "
              + "it takes no options");
      assertThatThrownBy(() -> StorageSelector.select(
              config(Map.of(), "storage.engine=fixture", "storage.lsm.x=1"), r))
          .hasMessage("--set storage.lsm.x=1: storage.lsm.x: no storage engine 'lsm' is available "
              + "(available engines: fixture, memory)");
      assertThatThrownBy(() -> StorageSelector.select(
              config(Map.of("PHANTOMDB_STORAGE_FIXTURE_CACHESIZE", "1"), "storage.engine=fixture"), r))
          .hasMessageStartingWith("environment variable PHANTOMDB_STORAGE_FIXTURE_CACHESIZE names no "
              + "configuration key");
    }
  }

  @Test
  void pluginEngineIsOpenedWithItsClassLoaderAsContextClassLoader() {
    TestPlugin.withId("probe").storage(ContextLoaderProbeFactory.class)
        .writeZip(mkdirs(home.resolve("plugins")));
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (ExtensionRegistry r = registry()) {
      SelectedStorage s = StorageSelector.select(config(Map.of(), "storage.engine=probe"), r);
      assertThatThrownBy(s::open)
          .hasMessage("storage engine 'probe': context class loader is the plugin's: true");
    }
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }

  private static Path mkdirs(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
