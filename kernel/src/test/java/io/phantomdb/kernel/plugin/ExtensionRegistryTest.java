package io.phantomdb.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.consensus.local.LocalConsensusProvider;
import io.phantomdb.kernel.plugin.fixture.BrokenEngineFactory;
import io.phantomdb.kernel.plugin.fixture.FailingStartPlugin;
import io.phantomdb.kernel.plugin.fixture.FixtureConsensusProvider;
import io.phantomdb.kernel.plugin.fixture.FixtureEngineFactory;
import io.phantomdb.kernel.plugin.fixture.MemoryNamedEngineFactory;
import io.phantomdb.kernel.plugin.fixture.SecondFixtureEngineFactory;
import io.phantomdb.spi.ApiVersion;
import io.phantomdb.spi.consensus.ConsensusProvider;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

class ExtensionRegistryTest {
  @TempDir Path plugins;

  private ExtensionRegistry load() {
    return ExtensionRegistry.load(new PluginSettings(plugins, Set.of()));
  }

  private static PluginReport report(ExtensionRegistry r, String fileName) {
    return r.plugins().stream()
        .filter(p -> p.path() != null && p.path().getFileName().toString().equals(fileName))
        .findFirst().orElseThrow(() -> new AssertionError("no report for " + fileName + ": " + r.plugins()));
  }

  @Test
  void classPathProvidersAreFoundWithoutAPluginsDirectory() {
    try (ExtensionRegistry r = ExtensionRegistry.load(PluginSettings.classPathOnly())) {
      assertThat(r.names(KnownSpis.STORAGE)).contains("memory");
      assertThat(r.find(KnownSpis.STORAGE, "memory")).isPresent();
      assertThat(r.find(KnownSpis.STORAGE, "nope")).isEmpty();
      assertThat(r.plugins()).singleElement().satisfies(p -> {
        assertThat(p.id()).isEqualTo("class-path");
        assertThat(p.provides()).contains("storage: memory", "consensus: local");
      });
      assertThat(r.find(KnownSpis.CONSENSUS, "local")).containsInstanceOf(LocalConsensusProvider.class);
    }
  }

  @Test
  void aPluginCanSupplyAConsensusProvider() {
    TestPlugin.withId("raftish").consensus(FixtureConsensusProvider.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      PluginReport p = report(r, "raftish-1.0.zip");
      assertThat(p.status()).isEqualTo(PluginStatus.LOADED);
      assertThat(p.provides()).containsExactly("consensus: fixture");
      assertThat(p.declares()).containsExactly("consensus");
      ConsensusProvider provider = r.find(KnownSpis.CONSENSUS, "fixture").orElseThrow();
      assertThat(provider.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
      assertThat(r.names(KnownSpis.CONSENSUS)).containsExactly("fixture", "local");
      assertThat(r.providerOf(KnownSpis.CONSENSUS, "fixture")).hasValue("plugin raftish");
      assertThat(r.names(KnownSpis.STORAGE)).doesNotContain("fixture");
    }
  }

  @Test
  void pluginZipIsLoadedInItsOwnClassLoader() {
    TestPlugin.withId("fix").storage(FixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      PluginReport p = report(r, "fix-1.0.zip");
      assertThat(p.status()).isEqualTo(PluginStatus.LOADED);
      assertThat(p.id()).isEqualTo("fix");
      assertThat(p.version()).isEqualTo("1.0");
      assertThat(p.requires()).isEqualTo(">=1.0.0 & <2.0.0");
      assertThat(p.provider()).isEqualTo("tests");
      assertThat(p.provides()).containsExactly("storage: fixture");
      assertThat(p.reason()).isNull();
      StorageEngineFactory f = r.find(KnownSpis.STORAGE, "fixture").orElseThrow();
      assertThat(f.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
      assertThat(f.getClass()).isNotSameAs(FixtureEngineFactory.class);
      assertThat(r.names(KnownSpis.STORAGE)).containsExactly("fixture", "memory");
      assertThat(r.providerOf(KnownSpis.STORAGE, "fixture")).hasValue("plugin fix");
    }
  }

  @Test
  void apiClassesComeFromTheKernelEvenIfThePluginBundlesTheApiJar() {
    TestPlugin.withId("fat").storage(FixtureEngineFactory.class).withApiJar().writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "fat-1.0.zip").status()).isEqualTo(PluginStatus.LOADED);
      Object f = r.find(KnownSpis.STORAGE, "fixture").orElseThrow();
      assertThat(f).isInstanceOf(StorageEngineFactory.class);
    }
  }

  @Test
  void explodedPluginDirectoryIsLoaded() {
    TestPlugin.withId("dev").storage(FixtureEngineFactory.class).writeDirectory(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "dev").status()).isEqualTo(PluginStatus.LOADED);
    }
  }

  @Test
  void wrongRequiresIsRefusedNamingRangeAndApiVersionWhileOthersLoad() {
    TestPlugin.withId("future").requires(">=9.0.0").storage(SecondFixtureEngineFactory.class)
        .writeZip(plugins);
    TestPlugin.withId("fix").storage(FixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      PluginReport p = report(r, "future-1.0.zip");
      assertThat(p.status()).isEqualTo(PluginStatus.REFUSED);
      assertThat(p.reason()).contains(">=9.0.0").contains(ApiVersion.current());
      assertThat(p.declares()).containsExactly("storage");
      assertThat(report(r, "fix-1.0.zip").status()).isEqualTo(PluginStatus.LOADED);
      assertThat(r.find(KnownSpis.STORAGE, "fixture-b")).isEmpty();
      assertThat(r.notLoadedDeclaring(KnownSpis.STORAGE)).containsExactly(p);
    }
  }

  @Test
  void malformedRequiresIsRefused() {
    TestPlugin.withId("odd").requires("one point oh").storage(FixtureEngineFactory.class)
        .writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "odd-1.0.zip").reason())
          .isEqualTo("plugin.requires 'one point oh' is not a version range (such as >=1.0.0 & <2.0.0)");
    }
  }

  @Test
  void corruptZipIsRefusedWhileOthersLoad() throws IOException {
    Files.write(plugins.resolve("garbage.zip"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    TestPlugin.withId("fix").storage(FixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      PluginReport p = report(r, "garbage.zip");
      assertThat(p.status()).isEqualTo(PluginStatus.REFUSED);
      assertThat(p.id()).isNull();
      assertThat(p.displayName()).isEqualTo("garbage.zip");
      assertThat(p.reason()).startsWith("corrupt or unreadable zip file");
      assertThat(p.summary())
          .isEqualTo("plugin garbage.zip (garbage.zip): REFUSED: " + p.reason());
      assertThat(report(r, "fix-1.0.zip").status()).isEqualTo(PluginStatus.LOADED);
    }
  }

  @Test
  void zipWithoutDescriptorIsRefused() {
    TestPlugin.withId("anon").withoutDescriptor().storage(FixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "anon-1.0.zip").reason()).startsWith("no plugin descriptor");
    }
  }

  @Test
  void secondPluginWithTheSameIdIsRefused() throws IOException {
    Path first = TestPlugin.withId("twin").storage(FixtureEngineFactory.class).writeZip(plugins);
    Files.move(first, plugins.resolve("a-twin.zip"));
    TestPlugin.withId("twin").storage(SecondFixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "a-twin.zip").status()).isEqualTo(PluginStatus.LOADED);
      assertThat(report(r, "twin-1.0.zip").reason())
          .isEqualTo("plugin id 'twin' is already used by a-twin.zip");
    }
  }

  @Test
  void secondProviderOfANameIsRefused() {
    TestPlugin.withId("a").storage(FixtureEngineFactory.class).writeZip(plugins);
    TestPlugin.withId("b").storage(FixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "a-1.0.zip").status()).isEqualTo(PluginStatus.LOADED);
      PluginReport b = report(r, "b-1.0.zip");
      assertThat(b.status()).isEqualTo(PluginStatus.REFUSED);
      assertThat(b.reason()).isEqualTo("storage engine 'fixture' is already provided by plugin a");
      assertThat(r.providerOf(KnownSpis.STORAGE, "fixture")).hasValue("plugin a");
    }
  }

  @Test
  void classPathNamesWinOverPlugins() {
    TestPlugin.withId("impostor").storage(MemoryNamedEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "impostor-1.0.zip").reason())
          .startsWith("storage engine 'memory' is already provided by the class path");
      assertThat(r.find(KnownSpis.STORAGE, "memory").orElseThrow().getClass().getClassLoader())
          .isNotInstanceOf(PluginClassLoader.class);
    }
  }

  @Test
  void pluginThatFailsToStartIsRefused() {
    TestPlugin.withId("flaky").pluginClass(FailingStartPlugin.class)
        .storage(FixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "flaky-1.0.zip").reason())
          .isEqualTo("failed to start: IllegalStateException: cannot reach the license server");
      assertThat(r.find(KnownSpis.STORAGE, "fixture")).isEmpty();
    }
  }

  @Test
  void implementationThatCannotBeCreatedIsRefused() {
    TestPlugin.withId("broken").storage(BrokenEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "broken-1.0.zip").reason())
          .startsWith("cannot create " + BrokenEngineFactory.class.getName())
          .endsWith("IllegalStateException: native library missing");
    }
  }

  @Test
  void declaredClassMissingFromThePluginIsRefused() {
    TestPlugin.withId("hollow").declareMissingStorage("com.example.Gone").writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(report(r, "hollow-1.0.zip").reason()).isEqualTo(
          "META-INF/services/io.phantomdb.spi.storage.StorageEngineFactory lists com.example.Gone,"
              + " which is not in the plugin");
    }
  }

  @Test
  void disabledPluginIsNotLoaded() {
    TestPlugin.withId("off").storage(FixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = ExtensionRegistry.load(new PluginSettings(plugins, Set.of("off")))) {
      PluginReport p = report(r, "off-1.0.zip");
      assertThat(p.status()).isEqualTo(PluginStatus.DISABLED);
      assertThat(p.reason()).isEqualTo("listed in plugins.disabled");
      assertThat(r.find(KnownSpis.STORAGE, "fixture")).isEmpty();
      assertThat(r.notLoadedDeclaring(KnownSpis.STORAGE)).containsExactly(p);
    }
  }

  @Test
  void removingAZipRemovesThePluginAndAChangedZipIsExpandedAgain() throws IOException {
    Path zip = TestPlugin.withId("fix").storage(FixtureEngineFactory.class).writeZip(plugins);
    try (ExtensionRegistry r = load()) {
      assertThat(r.find(KnownSpis.STORAGE, "fixture")).isPresent();
    }
    Files.delete(zip);
    TestPlugin.withId("fix").storage(SecondFixtureEngineFactory.class).writeZip(plugins);
    Files.setLastModifiedTime(zip, FileTime.from(Instant.now().plusSeconds(5)));
    try (ExtensionRegistry r = load()) {
      assertThat(r.find(KnownSpis.STORAGE, "fixture")).isEmpty();
      assertThat(r.find(KnownSpis.STORAGE, "fixture-b")).isPresent();
    }
    Files.delete(zip);
    try (ExtensionRegistry r = load()) {
      assertThat(r.plugins()).extracting(PluginReport::id).containsExactly("class-path");
    }
  }

  @Test
  void closeIsIdempotent() {
    TestPlugin.withId("fix").storage(FixtureEngineFactory.class).writeZip(plugins);
    ExtensionRegistry r = load();
    r.close();
    r.close();
  }
}
