package io.phantomdb.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bin/phantomdb start} of an unpacked bundle, running in the foreground as an operator
 * would run it; closing it kills the process if the test did not stop it.
 */
final class StartedServer implements AutoCloseable {
  final Process process;
  final Path err;
  final String ready;
  final int port;

  /** Starts the server and waits for its ready line; {@code extra} are more options for start. */
  StartedServer(Path home, Path work, Path data, int port, String... extra) throws Exception {
    this.port = port;
    err = Files.createTempFile(work, "server-err", ".txt");
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/phantomdb").toString(), "start",
        "--data-dir", data.toString(), "--pg-port", Integer.toString(port)));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("PHANTOMDB_"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    process = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    ready = out.readLine(); // blocks until the server is ready (or exits: null)
    assertThat(ready).as("stderr: " + Files.readString(err)).isNotNull();
  }

  /** SIGTERM, then the exit code. */
  int stop() throws Exception {
    process.destroy(); // SIGTERM
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the server stops after SIGTERM").isTrue();
    return process.exitValue();
  }

  /** What the server wrote to stderr so far. */
  String stderr() throws Exception {
    return Files.readString(err);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
