package io.phantomdb.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.distribution.Bundle.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full bundle, unpacked and run from another working directory. */
class FullBundleIT {
  @TempDir static Path unpacked;
  static Path home;

  @TempDir Path elsewhere;

  @BeforeAll
  static void unpack() throws Exception {
    home = Bundle.unpack(Bundle.tarball(null), unpacked);
  }

  private static Path zip(Path home, String pluginId) throws Exception {
    try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
      return s.filter(p -> p.getFileName().toString().startsWith(pluginId + "-")
              && p.getFileName().toString().endsWith(".zip"))
          .findFirst().orElseThrow(() -> new AssertionError("no " + pluginId + " zip"));
    }
  }

  @Test
  void layoutHasLauncherLibrariesPluginsConfAndLegalFiles() throws Exception {
    Path launcher = home.resolve("bin/phantomdb");
    assertThat(Files.getPosixFilePermissions(launcher))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_EXECUTE);
    assertThat(Files.readString(launcher)).contains("JVM_FLAGS=\"" + Bundle.JVM_FLAGS + "\"");
    assertThat(home.resolve("lib/kernel-" + Bundle.VERSION + ".jar")).isRegularFile();
    assertThat(home.resolve("lib/api-" + Bundle.VERSION + ".jar")).isRegularFile();
    assertThat(home.resolve("conf/phantomdb.conf")).isRegularFile();
    for (String f : List.of("LICENSE", "NOTICE", "README.md")) {
      assertThat(home.resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(home.resolve("README.md"))).contains("PhantomDB " + Bundle.VERSION);
    zip(home, "storage-lsm");
    zip(home, "storage-btree");
    zip(home, "protocol-pgwire");
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.endsWith(".jar"))
          .noneMatch(n -> n.startsWith("rocksdbjni") || n.startsWith("lmdbjava"));
    }
  }

  @Test
  void noticeNamesEveryBundledJar() throws Exception {
    String notice = Files.readString(home.resolve("NOTICE"));
    List<String> jars = new ArrayList<>();
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      lib.forEach(p -> jars.add(p.getFileName().toString()));
    }
    jars.addAll(Bundle.jarsIn(zip(home, "storage-lsm")));
    jars.addAll(Bundle.jarsIn(zip(home, "storage-btree")));
    jars.addAll(Bundle.jarsIn(zip(home, "protocol-pgwire")));
    for (String jar : jars) {
      String artifact = jar.replaceFirst("-\\d.*$", "");
      assertThat(notice).as("NOTICE lists " + jar).contains(artifact + "-*.jar");
    }
  }

  @Test
  void versionRunsFromAnotherWorkingDirectory() throws Exception {
    Run r = Bundle.run(home, elsewhere, "version");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("PhantomDB  " + Bundle.VERSION)
        .contains("api        " + Bundle.API_VERSION)
        .contains("java       " + System.getProperty("java.version"))
        .contains("home       " + home.toRealPath());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void launcherWorksThroughASymlink() throws Exception {
    Path link = Files.createSymbolicLink(elsewhere.resolve("pdb"), home.resolve("bin/phantomdb"));
    Run r = Bundle.run(link, elsewhere, Map.of(), "version");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("home       " + home.toRealPath());
  }

  @Test
  void pluginsListsBothEnginesLoaded() throws Exception {
    Run r = Bundle.run(home, elsewhere, "plugins");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.row("storage-lsm")).contains("storage: lsm").contains("LOADED");
    assertThat(r.row("storage-btree")).contains("storage: btree").contains("LOADED");
    assertThat(r.out()).contains("storage.engine  lsm (available, from plugin storage-lsm");
    assertThat(r.row("protocol-pgwire")).contains("protocol: pgwire").contains("LOADED");
    assertThat(r.out()).contains("pgwire.auth.mode");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void pluginRequiringAnotherApiIsRefusedWhileOthersLoad() throws Exception {
    Path copy = Bundle.copy(home, elsewhere);
    Bundle.repack(zip(copy, "storage-btree"), copy.resolve("plugins/storage-future-9.0.zip"),
        "storage-future", ">=9.0.0");
    Run r = Bundle.run(copy, elsewhere, "plugins");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.row("storage-future")).contains("REFUSED").contains(">=9.0.0")
        .contains("api version " + Bundle.API_VERSION);
    assertThat(r.row("storage-lsm")).contains("LOADED");
    assertThat(r.row("storage-btree")).contains("LOADED");
  }

  @Test
  void corruptZipIsRefusedWhileOthersLoad() throws Exception {
    Path copy = Bundle.copy(home, elsewhere);
    Files.write(copy.resolve("plugins/corrupt.zip"), "this is not a zip".getBytes());
    Run r = Bundle.run(copy, elsewhere, "plugins");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.row("corrupt.zip")).contains("REFUSED").contains("corrupt or unreadable zip file");
    assertThat(r.row("storage-lsm")).contains("LOADED");
    assertThat(r.row("storage-btree")).contains("LOADED");
  }

  @Test
  void removedEngineIsNotAvailable() throws Exception {
    Path copy = Bundle.copy(home, elsewhere);
    Files.delete(zip(copy, "storage-lsm"));
    Run r = Bundle.run(copy, elsewhere, "--set", "storage.engine=lsm", "plugins");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly(
        "phantomdb: storage.engine 'lsm' is not available; available engines: btree");
  }

  @Test
  void unknownKeyIsOneClearLine() throws Exception {
    Run r = Bundle.run(home, elsewhere, "plugins", "--set", "nosuch.key=1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("phantomdb: --set nosuch.key=1: unknown key 'nosuch.key'; known keys: ");
  }

  @Test
  void environmentAndJavaOptionsReachTheJvm() throws Exception {
    Run r = Bundle.run(home.resolve("bin/phantomdb"), elsewhere,
        Map.of("PHANTOMDB_STORAGE_ENGINE", "btree",
            "PHANTOMDB_JAVA_OPTS", "-Dunused=1 -XX:+PrintCommandLineFlags"),
        "plugins");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("-XX:+PrintCommandLineFlags")
        .contains("storage.engine  btree (available, from plugin storage-btree; set by environment "
            + "variable PHANTOMDB_STORAGE_ENGINE)");
  }

  @Test
  void missingJavaIsOneClearLine() throws Exception {
    Run r = Bundle.run(home.resolve("bin/phantomdb"), elsewhere,
        Map.of("JAVA_HOME", elsewhere.resolve("no-java").toString()), "version");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("phantomdb: JAVA_HOME is '" + elsewhere.resolve("no-java") + "'");
  }

  @Test
  void storageOpensBothEnginesThroughTheLauncherAndRefusesForeignDirectories() throws Exception {
    Path lsmDir = elsewhere.resolve("lsm-data");
    Path btreeDir = elsewhere.resolve("btree-data");
    for (int round = 0; round < 2; round++) { // create, then reopen
      Run lsm = Bundle.run(home, elsewhere, "storage", "--data-dir", lsmDir.toString());
      assertThat(lsm.code()).as(lsm.err()).isZero();
      assertThat(lsm.out()).contains("engine      lsm (plugin storage-lsm)").contains("keyspaces   0");
      Run btree = Bundle.run(home, elsewhere, "--set", "storage.engine=btree", "storage",
          "--data-dir", btreeDir.toString());
      assertThat(btree.code()).as(btree.err()).isZero();
      assertThat(btree.out()).contains("engine      btree (plugin storage-btree)")
          .contains("max key     510 bytes");
    }
    assertThat(lsmDir.resolve("storage/CURRENT")).isRegularFile();
    assertThat(btreeDir.resolve("storage/data.mdb")).isRegularFile();

    Run wrong = Bundle.run(home, elsewhere, "--set", "storage.engine=btree", "storage",
        "--data-dir", lsmDir.toString());
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.errLines()).singleElement().asString()
        .startsWith("phantomdb: storage engine 'btree' cannot open ")
        .contains("not a btree (LMDB) store");
    Bundle.assertNoStackTrace(wrong);
    Run other = Bundle.run(home, elsewhere, "storage", "--data-dir", btreeDir.toString());
    assertThat(other.code()).isEqualTo(1);
    assertThat(other.errLines()).singleElement().asString()
        .startsWith("phantomdb: storage engine 'lsm' cannot open ")
        .contains("holds no RocksDB store");
  }
}
