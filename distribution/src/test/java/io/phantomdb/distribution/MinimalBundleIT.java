package io.phantomdb.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.distribution.Bundle.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimal bundle: the full one without the RocksDB plugin. */
class MinimalBundleIT {
  @TempDir static Path unpacked;
  static Path home;

  @TempDir Path elsewhere;

  @BeforeAll
  static void unpack() throws Exception {
    home = Bundle.unpack(Bundle.tarball("minimal"), unpacked);
  }

  @Test
  void carriesOnlyTheBtreePlugin() throws Exception {
    try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")))
          .singleElement().asString().startsWith("storage-btree-");
    }
    assertThat(home.resolve("bin/phantomdb")).isExecutable();
    assertThat(home.resolve("conf/phantomdb.conf")).isRegularFile();
  }

  @Test
  void pluginsListsOnlyBtree() throws Exception {
    Run r = Bundle.run(home, elsewhere, "plugins");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("storage.engine  btree (available, from plugin storage-btree");
    assertThat(r.row("storage-btree")).contains("storage: btree").contains("LOADED");
    assertThat(r.out()).doesNotContain("storage-lsm");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void choosingLsmWithoutItsPluginIsReportedInOneLine() throws Exception {
    Run r = Bundle.run(home, elsewhere, "plugins", "--set", "storage.engine=lsm");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.row("storage-btree")).contains("LOADED");
    assertThat(r.errLines()).containsExactly(
        "phantomdb: storage.engine 'lsm' is not available; available engines: btree");
  }
}
