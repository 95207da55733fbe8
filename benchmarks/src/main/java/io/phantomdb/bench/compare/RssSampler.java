package io.phantomdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The memory of a server while a workload runs: every 200 ms, the sum of the proportional set
 * size (PSS, from {@code /proc/<pid>/smaps_rollup}) of the server process and all its descendants
 * (PostgreSQL's backends share its buffers: summing PSS counts shared pages once; for PhantomDB's
 * single JVM it is its RSS). {@link #takePeak()} returns the peak since the last call.
 */
final class RssSampler implements AutoCloseable {
  private final ProcessHandle root;
  private final Thread thread;
  private volatile long peakKb;
  private volatile boolean closed;

  RssSampler(ProcessHandle root) {
    this.root = root;
    this.thread = new Thread(this::loop, "rss-" + root.pid());
    thread.setDaemon(true);
    thread.start();
  }

  /** The peak in MiB since the previous call (or since start), and starts a new window. */
  long takePeakMb() {
    long kb = Math.max(peakKb, sample());
    peakKb = 0;
    return Math.round(kb / 1024.0);
  }

  private void loop() {
    while (!closed) {
      long kb = sample();
      if (kb > peakKb) {
        peakKb = kb;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long sample() {
    if (!root.isAlive()) {
      return 0;
    }
    return Stream.concat(Stream.of(root), root.descendants()).mapToLong(h -> pssKb(h.pid())).sum();
  }

  /** PSS of one process in KiB; 0 if it is gone. */
  static long pssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
    return 0;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
