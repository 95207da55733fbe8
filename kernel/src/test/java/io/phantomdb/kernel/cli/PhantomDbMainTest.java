package io.phantomdb.kernel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.info.BuildInfo;
import io.phantomdb.kernel.plugin.TestPlugin;
import io.phantomdb.kernel.plugin.fixture.FixtureEngineFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomDbMainTest {
  @TempDir Path home;

  private record Run(int code, String out, String err) {}

  private Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PhantomDbMain.run(args, home, env, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Run run(String... args) {
    return run(Map.of(), args);
  }

  private static void assertOneErrorLine(Run r, String expected) {
    assertThat(r.err().lines().toList()).containsExactly("phantomdb: " + expected);
  }

  @Test
  void versionShowsPhantomDbApiJavaAndOs() {
    Run r = run("version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("PhantomDB  " + BuildInfo.version())
        .contains("api        " + BuildInfo.apiVersion())
        .contains("java       " + System.getProperty("java.version"))
        .contains("os         " + System.getProperty("os.name"));
    assertThat(r.err()).isEmpty();
  }

  @Test
  void pluginsListsPluginsAndTheConfiguredEngine() throws IOException {
    TestPlugin.withId("fix").storage(FixtureEngineFactory.class)
        .writeZip(Files.createDirectories(home.resolve("plugins")));
    Files.write(home.resolve("plugins/bad.zip"), new byte[] {42});
    Run r = run("plugins", "--set", "storage.engine=fixture", "--set", "plugins.disabled=fxi");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("note: plugins.disabled lists 'fxi', but no plugin has that id");
    assertThat(r.out()).containsPattern("(?m)^fix +1\\.0 +>=1\\.0\\.0 & <2\\.0\\.0 +storage: fixture +LOADED +fix-1\\.0\\.zip$")
        .containsPattern("(?m)^bad\\.zip .* REFUSED +bad\\.zip +corrupt or unreadable zip file")
        .contains("storage.engine  fixture (available, from plugin fix; set by --set storage.engine=fixture)")
        .containsPattern("(?m)^  storage\\.fixture\\.cache-size +cache size \\(default 8MB\\)$");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void unavailableEngineFailsWithOneLineAfterTheTable() {
    Run r = run("--set", "storage.engine=lsm", "plugins");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("storage: memory");
    assertOneErrorLine(r, "storage.engine 'lsm' is not available; available engines: memory");
  }

  @Test
  void configurationMistakesAreOneLine() throws IOException {
    assertOneErrorLine(run("plugins", "--set", "nosuch.key=1"),
        "--set nosuch.key=1: unknown key 'nosuch.key'; known keys: data.dir, plugins.dir, "
            + "plugins.disabled, protocols, session.idle-in-transaction-timeout, "
            + "session.idle-timeout, session.statement-timeout, storage.engine, txn.deadlock-timeout, txn.default-isolation, "
            + "txn.gc.interval, txn.gc.retention, txn.lock-timeout, storage.<engine>.<option>, <protocol>.<option> "
            + "(for a protocol named in protocols)");
    assertThat(run("--config", "missing.conf", "plugins").code()).isEqualTo(1);
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf/phantomdb.conf"), "storage.engine: lsm\n");
    Run r = run("plugins");
    assertThat(r.code()).isEqualTo(1);
    assertOneErrorLine(r, home.resolve("conf/phantomdb.conf")
        + ":1: expected 'key = value', got 'storage.engine: lsm'");
    Run env = run(Map.of("PHANTOMDB_STORAGE_ENGINE", "memory"), "--config",
        home.resolve("elsewhere.conf").toString(), "plugins");
    assertThat(env.code()).isEqualTo(1);
  }

  @Test
  void defaultConfigFileIsReadAndEnvironmentOverridesIt() throws IOException {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf/phantomdb.conf"), "storage.engine = nope\n");
    Run r = run(Map.of("PHANTOMDB_STORAGE_ENGINE", "memory"), "plugins");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("set by environment variable PHANTOMDB_STORAGE_ENGINE");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    Run r = run("--frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertOneErrorLine(r, "Unknown option: '--frobnicate' (see 'phantomdb --help')");
    Run none = run();
    assertThat(none.code()).isEqualTo(2);
    assertOneErrorLine(none, "a command is required: version, plugins, storage, sql, check, start (see 'phantomdb --help')");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Run r = run("--verbose", "--set", "storage.engine=lsm", "plugins");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("phantomdb: storage.engine 'lsm' is not available")
        .contains("\tat io.phantomdb.kernel.");
  }

  @Test
  void helpListsCommandsAndGlobalOptions() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--config", "--set", "version", "plugins");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"version", "plugins", "storage"}) {
      Run r = run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Usage: phantomdb " + command);
    }
  }

  @Test
  void startWithoutAProtocolPluginIsOneLine() {
    Run r = run("start", "--data-dir", home.resolve("data").toString());
    assertThat(r.code()).isEqualTo(1);
    assertOneErrorLine(r, "protocols: 'pgwire' is not available; available protocols: none "
        + "(is the protocol-pgwire plugin in plugins.dir?)");
  }

  @Test
  void protocolKeysNeedTheProtocolInProtocols() {
    Run r = run("start", "--set", "protocols=", "--data-dir", home.resolve("data").toString());
    assertOneErrorLine(r, "protocols is empty, so there is nothing to serve; set protocols = pgwire");
    Run other = run("plugins", "--set", "pgwrie.port=1");
    assertThat(other.code()).isEqualTo(1);
    assertThat(other.err()).startsWith("phantomdb: --set pgwrie.port=1: unknown key 'pgwrie.port'");
  }
}
