package io.phantomdb.kernel.plugin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expanding plugin zips, also by several processes (here: expanders) of one installation at once. */
class PluginZipsTest {
  @TempDir Path plugins;

  private Path zip(String name, String version) throws Exception {
    Path zip = plugins.resolve(name + ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("plugin.properties"));
      out.write(("plugin.id=" + name + "\nplugin.version=" + version + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (int i = 0; i < 20; i++) {
        out.putNextEntry(new ZipEntry("lib/part-" + i + ".jar"));
        out.write(new byte[4096 + i]);
        out.closeEntry();
      }
    }
    return zip;
  }

  private static void assertComplete(Path dir, String version) throws Exception {
    assertThat(dir.resolve("plugin.properties")).content().contains("plugin.version=" + version);
    for (int i = 0; i < 20; i++) {
      assertThat(dir.resolve("lib/part-" + i + ".jar")).hasSize(4096 + i);
    }
  }

  @Test
  void expandersStartingTogetherAllGetACompleteDirectoryThatStaysComplete() throws Exception {
    Path zip = zip("p", "1.0");
    int n = 8;
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      for (int round = 0; round < 10; round++) {
        Files.setLastModifiedTime(zip, FileTime.fromMillis(1_000_000L * (round + 1)));
        List<Future<Path>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          done.add(pool.submit(() -> {
            PluginZips zips = PluginZips.forPluginsDir(plugins); // one per "process"
            start.await();
            return zips.expand(zip);
          }));
        }
        List<Path> dirs = new ArrayList<>();
        for (Future<Path> f : done) {
          dirs.add(f.get());
        }
        assertThat(dirs).as("one expansion per zip version").containsOnly(dirs.get(0));
        for (Path dir : dirs) {
          assertComplete(dir, "1.0");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aReplacedZipGetsANewDirectoryAndTheOldOneIsLeftAsItWas() throws Exception {
    Path zip = zip("q", "1.0");
    Path first = PluginZips.forPluginsDir(plugins).expand(zip);
    assertThat(PluginZips.forPluginsDir(plugins).expand(zip)).as("reused while unchanged").isEqualTo(first);
    zip("q", "2.0");
    Files.setLastModifiedTime(zip, FileTime.fromMillis(Files.getLastModifiedTime(zip).toMillis() + 5_000));
    Path second = PluginZips.forPluginsDir(plugins).expand(zip);
    assertThat(second).isNotEqualTo(first);
    assertComplete(second, "2.0");
    assertComplete(first, "1.0");
  }
}
