package io.phantomdb.bench.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PhantomDB from the built tarball: {@code bin/phantomdb start --data-dir D --pg-port P --set
 * storage.engine=E}; ready when it prints {@code PhantomDB <v> ready at postgresql://...}. The
 * launcher execs the JVM, so the process is the server's JVM. Its output goes to {@code server.log}
 * in the server's directory. Stopped with SIGTERM (SIGKILL after 60 s).
 */
final class PhantomServer extends Server {
  private final Path home;
  private final String engine;

  PhantomServer(Path home, String engine, Path dir) {
    super(engine, dir);
    this.home = home;
    this.engine = engine;
  }

  @Override
  void start() throws IOException, InterruptedException {
    Files.createDirectories(dir);
    port = Procs.freePort();
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/phantomdb").toString(), "start",
        "--data-dir", dir.resolve("data").toString(), "--pg-port", Integer.toString(port),
        "--set", "storage.engine=" + engine).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("PHANTOMDB_"));
    process = Procs.start(pb, started -> {
      process = started;
      return this;
    });
    CompletableFuture<String> ready = new CompletableFuture<>();
    Process p = process;
    Thread pump = new Thread(() -> pump(p, ready), "phantomdb-log-" + port);
    pump.setDaemon(true);
    pump.start();
    try {
      String line = ready.get(180, TimeUnit.SECONDS);
      System.out.println("  " + line + " (" + engine + ", pid " + p.pid() + ")");
    } catch (TimeoutException e) {
      throw new IOException("PhantomDB (" + engine + ") not ready after 180 s; see " + dir.resolve("server.log"));
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e.getCause().getMessage());
    }
    sampleMemory();
  }

  private void pump(Process p, CompletableFuture<String> ready) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.resolve("server.log")), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        log.println(line);
        if (line.contains(" ready at postgresql://")) {
          ready.complete(line);
        }
      }
      ready.completeExceptionally(new IOException("PhantomDB (" + engine + ") exited with "
          + p.waitFor() + " before it was ready; see " + dir.resolve("server.log")));
    } catch (IOException | InterruptedException e) {
      ready.completeExceptionally(e);
    }
  }

  @Override
  void stopProcess() {
    Procs.stop(process.toHandle(), "TERM", Duration.ofSeconds(60));
  }
}
