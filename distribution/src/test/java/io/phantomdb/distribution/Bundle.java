package io.phantomdb.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** An unpacked bundle, and how to run its launcher the way an operator would. */
final class Bundle {
  static final String VERSION = System.getProperty("phantomdb.version");
  static final String API_VERSION = System.getProperty("phantomdb.api.version");
  static final String JVM_FLAGS = System.getProperty("phantomdb.jvm.flags");
  private static final Path DIST = Path.of(System.getProperty("phantomdb.dist.dir", "target"));

  /** What a run of the launcher did. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    /** The table row of a plugin (the line starting with its id). */
    String row(String pluginId) {
      return out.lines().filter(l -> l.startsWith(pluginId + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + pluginId + " in:\n" + out));
    }
  }

  private Bundle() {}

  /** The tarball: phantomdb-VERSION.tar.gz, or phantomdb-VERSION-ID.tar.gz for a bundle id. */
  static Path tarball(String id) {
    String name = "phantomdb-" + VERSION + (id == null ? "" : "-" + id) + ".tar.gz";
    Path p = DIST.resolve(name);
    assertThat(p).as("bundle " + name + " (built by mvn package)").isRegularFile();
    return p;
  }

  /** Unpacks a tarball with tar (keeping file modes) and returns its top directory. */
  static Path unpack(Path tarball, Path into) throws Exception {
    Process p = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("tar: " + output).isZero();
    try (Stream<Path> top = Files.list(into)) {
      assertThat(top.map(x -> x.getFileName().toString()).toList())
          .containsExactly("phantomdb-" + VERSION);
    }
    return into.resolve("phantomdb-" + VERSION);
  }

  /** Copies an unpacked installation, keeping file modes, for a test that changes it. */
  static Path copy(Path home, Path into) throws IOException {
    Path target = into.resolve(home.getFileName());
    try (Stream<Path> walk = Files.walk(home)) {
      for (Path p : walk.toList()) {
        Path t = target.resolve(home.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  /** Runs {@code launcher args} in {@code workingDir} with a clean PHANTOMDB_* environment. */
  static Run run(Path launcher, Path workingDir, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("PHANTOMDB_"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile(workingDir, "out", ".txt");
    Path err = Files.createTempFile(workingDir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    assertNoStackTrace(r);
    return r;
  }

  static Run run(Path home, Path workingDir, String... args) throws Exception {
    return run(home.resolve("bin/phantomdb"), workingDir, Map.of(), args);
  }

  static void assertNoStackTrace(Run r) {
    assertThat(r.err())
        .as("stderr must not hold a stack trace")
        .doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(")
        .doesNotContain("Exception in thread")
        .doesNotContain("Caused by:");
  }

  /**
   * Writes a copy of a plugin zip whose plugin.properties has a new id and plugin.requires, as a
   * plugin built for another api would look.
   */
  static Path repack(Path zip, Path target, String id, String requires) throws IOException {
    try (ZipFile in = new ZipFile(zip.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        out.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream data = in.getInputStream(e)) {
          if (e.getName().equals("plugin.properties")) {
            Properties props = new Properties();
            props.load(new StringReader(new String(data.readAllBytes(), StandardCharsets.UTF_8)));
            props.setProperty("plugin.id", id);
            props.setProperty("plugin.requires", requires);
            StringWriter text = new StringWriter();
            props.store(text, null);
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
          } else {
            data.transferTo(out);
          }
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** The names of the jars in a plugin zip's lib/. */
  static List<String> jarsIn(Path zip) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.stream().map(ZipEntry::getName)
          .filter(n -> n.startsWith("lib/") && n.endsWith(".jar"))
          .map(n -> n.substring("lib/".length())).toList();
    }
  }
}
