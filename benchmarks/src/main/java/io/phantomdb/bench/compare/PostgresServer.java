package io.phantomdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 15 from Debian's packages: {@code initdb} into a fresh directory (on first start;
 * later starts reuse it), then {@code postgres} on a free loopback port with its Unix socket in the
 * server's directory. Settings are initdb's defaults (fsync on, synchronous_commit on,
 * shared_buffers as initdb chose it, 128MB here) except {@code --locale=C} (byte-order collation,
 * as PhantomDB compares strings) and trust authentication. As root, both run as the {@code
 * postgres} OS user through {@code setpriv} (which execs, so the process is the postmaster).
 * Stopped with SIGINT (fast shutdown), SIGKILL to the postmaster and its backends after 60 s.
 */
final class PostgresServer extends Server {
  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  PostgresServer(Path dir) {
    super("postgres", dir);
  }

  @Override
  void start() throws IOException, InterruptedException {
    Path data = dir.resolve("data");
    Path sock = dir.resolve("sock");
    boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
    Files.createDirectories(sock);
    if (fresh) {
      Files.createDirectories(data);
    }
    if (Procs.isRoot()) {
      Procs.run(dir.resolve("chown.log"), Duration.ofMinutes(2), List.of("chown", "-R", "postgres:postgres", dir.toString()));
    }
    if (fresh) {
      Procs.run(dir.resolve("initdb.log"), Duration.ofMinutes(5), asPostgres(BIN.resolve("initdb").toString(),
          "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"));
    }
    port = Procs.freePort();
    process = Procs.start(new ProcessBuilder(asPostgres(BIN.resolve("postgres").toString(), "-D", data.toString(),
        "-p", Integer.toString(port), "-k", sock.toString(), "-c", "listen_addresses=127.0.0.1"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()), started -> {
          process = started;
          return this;
        });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      if (!process.isAlive()) {
        throw new IOException("postgres exited with " + process.exitValue() + "; see " + dir.resolve("server.log"));
      }
      if (Procs.stopping()) {
        throw new IOException("stopping");
      }
      Process ready = new ProcessBuilder(BIN.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1",
          "-p", Integer.toString(port), "-U", "postgres").start();
      if (ready.waitFor(10, TimeUnit.SECONDS) && ready.exitValue() == 0) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("postgres not ready after 120 s; see " + dir.resolve("server.log"));
      }
      Thread.sleep(200);
    }
    System.out.println("  PostgreSQL 15 ready at postgresql://127.0.0.1:" + port + "/ (pid " + process.pid() + ")");
    sampleMemory();
  }

  private static List<String> asPostgres(String... cmd) {
    List<String> all = new ArrayList<>();
    if (Procs.isRoot()) {
      all.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
    }
    all.addAll(List.of(cmd));
    return all;
  }

  @Override
  void stopProcess() {
    Procs.stop(process.toHandle(), "INT", Duration.ofSeconds(60));
  }
}
