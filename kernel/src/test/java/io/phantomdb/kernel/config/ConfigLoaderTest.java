package io.phantomdb.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.error.OperatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path home;

  private Path conf(String text) throws IOException {
    Path f = home.resolve("phantomdb.conf");
    Files.writeString(f, text);
    return f;
  }

  private ConfigLoader loader() {
    return ConfigLoader.forHome(home);
  }

  @Test
  void defaultsApplyWithoutFileEnvironmentOrOverrides() {
    Config c = loader().file(home.resolve("absent.conf"), false).load();
    assertThat(c.get(ConfigKeys.STORAGE_ENGINE)).isEqualTo("lsm");
    assertThat(c.get(ConfigKeys.DATA_DIR)).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(c.get(ConfigKeys.PLUGINS_DIR)).isEqualTo(home.resolve("plugins"));
    assertThat(c.get(ConfigKeys.PLUGINS_DISABLED)).isEmpty();
    assertThat(c.setting(ConfigKeys.STORAGE_ENGINE).origin()).isEqualTo(Origin.DEFAULT);
  }

  @Test
  void fileThenEnvironmentThenSetWin() throws IOException {
    Path f = conf("# comment\n\nstorage.engine = btree\ndata.dir=/f\nplugins.disabled = a\n");
    Config c = loader().file(f, true)
        .environment(Map.of("PHANTOMDB_DATA_DIR", "/env", "PHANTOMDB_PLUGINS_DISABLED", "b, c",
            "PATH", "/bin"))
        .overrides(List.of("plugins.disabled=d", "plugins.disabled = e,f"))
        .load();
    assertThat(c.get(ConfigKeys.STORAGE_ENGINE)).isEqualTo("btree");
    assertThat(c.setting(ConfigKeys.STORAGE_ENGINE).origin()).isEqualTo(Origin.file(f, 3));
    assertThat(c.get(ConfigKeys.DATA_DIR)).isEqualTo(Path.of("/env"));
    assertThat(c.setting(ConfigKeys.DATA_DIR).origin().where())
        .isEqualTo("environment variable PHANTOMDB_DATA_DIR");
    assertThat(c.get(ConfigKeys.PLUGINS_DISABLED)).containsExactly("e", "f");
    assertThat(c.setting(ConfigKeys.PLUGINS_DISABLED).origin().where())
        .isEqualTo("--set plugins.disabled = e,f");
  }

  @Test
  void homePlaceholderExpandsInPaths() {
    Config c = loader().overrides(List.of("plugins.dir=<home>/more/plugins")).load();
    assertThat(c.get(ConfigKeys.PLUGINS_DIR)).isEqualTo(home.resolve("more/plugins"));
  }

  @Test
  void explicitlyNamedMissingFileIsAnError() {
    assertThatThrownBy(() -> loader().file(home.resolve("nope.conf"), true).load())
        .isInstanceOf(OperatorException.class)
        .hasMessage("configuration file " + home.resolve("nope.conf") + " does not exist");
  }

  @Test
  void unknownKeyNamesFileLineKeyAndSuggestion() throws IOException {
    Path f = conf("storage.engine = lsm\nstorage.engin = btree\n");
    assertThatThrownBy(() -> loader().file(f, true).load())
        .hasMessage(f + ":2: unknown key 'storage.engin' (did you mean 'storage.engine'?); "
            + "known keys: data.dir, plugins.dir, plugins.disabled, protocols, session.idle-in-transaction-timeout, session.idle-timeout, "
            + "session.statement-timeout, storage.engine, "
            + "txn.deadlock-timeout, txn.default-isolation, txn.gc.interval, txn.gc.retention, txn.lock-timeout, "
            + "storage.<engine>.<option>, <protocol>.<option> (for a protocol named in protocols)");
  }

  @Test
  void unknownKeyFromSetIsOneLine() {
    assertThatThrownBy(() -> loader().overrides(List.of("nosuch.key=1")).load())
        .hasMessageStartingWith("--set nosuch.key=1: unknown key 'nosuch.key'; known keys: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void malformedLineNamesFileAndLine() throws IOException {
    Path f = conf("# ok\nstorage.engine lsm\n");
    assertThatThrownBy(() -> loader().file(f, true).load())
        .hasMessage(f + ":2: expected 'key = value', got 'storage.engine lsm'");
    Path g = conf("= lsm\n");
    assertThatThrownBy(() -> loader().file(g, true).load())
        .hasMessage(g + ":1: expected 'key = value', got '= lsm' (no key before '=')");
  }

  @Test
  void keySetTwiceInTheFileIsAnError() throws IOException {
    Path f = conf("data.dir = a\nstorage.engine = lsm\ndata.dir = b\n");
    assertThatThrownBy(() -> loader().file(f, true).load())
        .hasMessage(f + ":3: data.dir is already set on line 1; keep one of them");
  }

  @Test
  void badValueNamesOriginAndKeyEvenWhenOverridden() throws IOException {
    Path f = conf("storage.engine = Rocks DB\n");
    assertThatThrownBy(() -> loader().file(f, true).overrides(List.of("storage.engine=lsm")).load())
        .hasMessage(f + ":1: storage.engine: 'Rocks DB' is not a valid name "
            + "(expected lower-case letters, digits and '-')");
    assertThatThrownBy(() -> loader().environment(Map.of("PHANTOMDB_DATA_DIR", " ")).load())
        .hasMessage("environment variable PHANTOMDB_DATA_DIR: data.dir: expected a path, got nothing");
  }

  @Test
  void setWithoutEqualsIsAnError() {
    assertThatThrownBy(() -> loader().overrides(List.of("storage.engine")).load())
        .hasMessage("--set storage.engine: expected key=value, such as --set storage.engine=btree");
  }

  @Test
  void unknownEnvironmentVariableIsAnErrorButLauncherOnesAreIgnored() {
    assertThat(loader().environment(Map.of("PHANTOMDB_JAVA_OPTS", "-Xmx1g")).load()).isNotNull();
    assertThatThrownBy(() -> loader().environment(Map.of("PHANTOMDB_DATADIR", "x")).load())
        .hasMessageStartingWith("environment variable PHANTOMDB_DATADIR names no configuration key;")
        .hasMessageContaining("PHANTOMDB_DATA_DIR");
  }

  @Test
  void engineOptionsLayerFileEnvironmentAndSet() throws IOException {
    Path f = conf("storage.lsm.cache-size = 1MB\nstorage.lsm.sync = true\nstorage.btree.map-size = 1GB\n");
    Config c = loader().file(f, true)
        .environment(Map.of("PHANTOMDB_STORAGE_LSM_CACHE_SIZE", "2MB",
            "PHANTOMDB_STORAGE_LSM_OTHER", "x"))
        .overrides(List.of("storage.lsm.sync=false"))
        .load();
    Map<String, Setting> lsm = c.engineOptions("lsm", List.of("cache-size", "sync"));
    assertThat(lsm).containsOnlyKeys("cache-size", "sync");
    assertThat(lsm.get("cache-size").value()).isEqualTo("2MB");
    assertThat(lsm.get("cache-size").origin())
        .isEqualTo(Origin.environment("PHANTOMDB_STORAGE_LSM_CACHE_SIZE"));
    assertThat(lsm.get("sync").value()).isEqualTo("false");
    assertThat(c.engineOptions("btree", List.of()).get("map-size").value()).isEqualTo("1GB");
    assertThat(c.engineOptionSettings()).hasSize(4);
    assertThat(c.storageEnvironment()).containsOnlyKeys(
        "PHANTOMDB_STORAGE_LSM_CACHE_SIZE", "PHANTOMDB_STORAGE_LSM_OTHER");
  }
}
