package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * node-postgres ({@code pg}, pinned in {@code src/test/node/package-lock.json}) against the server:
 * runs {@code src/test/node/script.js} with node. The script's packages come from {@code npm ci},
 * which this test runs into {@code target/node-test} the first time (and whenever the lock file
 * changes), so node and npm must be on the PATH.
 */
class NodePostgresTest {
  private static final Path SOURCE = Path.of(System.getProperty("basedir", "."), "src", "test", "node");
  private static final Path WORK = Path.of(System.getProperty("basedir", "."), "target", "node-test");

  @TempDir Path dir;

  @Test
  void nodePostgresRunsItsScript() throws Exception {
    installPackages();
    try (KernelServer server = new KernelServer(dir.resolve("data"))) {
      Result r = run(List.of("node", "script.js"), Map.of("PGPORT", Integer.toString(server.port)), 300);
      System.out.print(r.out());
      assertThat(r.code()).as(r.out()).isZero();
      assertThat(r.out()).isEqualTo(String.join("\n",
          "plain queries ok",
          "parameters and types ok",
          "null parameter ok",
          "prepared statement ok",
          "errors ok",
          "transaction ok",
          "pool ok: 8 clients, 200 rows",
          "ok",
          ""));
    }
  }

  /** Copies the project to target/node-test and runs {@code npm ci} there unless its lock is current. */
  private static void installPackages() throws Exception {
    Files.createDirectories(WORK);
    Path lock = SOURCE.resolve("package-lock.json");
    Path installedLock = WORK.resolve("node_modules").resolve(".package-lock.json.installed");
    boolean current = Files.exists(installedLock) && Files.mismatch(lock, installedLock) == -1;
    for (String f : List.of("package.json", "package-lock.json", "script.js")) {
      Files.copy(SOURCE.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!current) {
      Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 600);
      assertThat(r.code()).as("npm ci: " + r.out()).isZero();
      Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** What a process printed (stdout and stderr together) and its exit code. */
  record Result(int code, String out) {}

  private static Result run(List<String> cmd, Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("node-test", ".out");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(WORK.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(cmd + " did not end in " + timeoutSeconds + " s: " + Files.readString(out));
      }
      return new Result(p.exitValue(), Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
