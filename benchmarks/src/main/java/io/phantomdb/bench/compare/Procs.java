package io.phantomdb.bench.compare;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child processes of the driver and how they are stopped: every server and client the driver
 * starts is registered here, and {@link #stopAll()} (called from a {@code finally} block and from a
 * JVM shutdown hook, so also on Ctrl-C) stops the ones still running, newest first.
 */
final class Procs {
  private static final Deque<AutoCloseable> LIVE = new ArrayDeque<>();
  private static volatile boolean stopping;

  private Procs() {}

  /**
   * Starts a process and registers its stopper atomically with respect to {@link #stopAll()}: a
   * process is either started before the shutdown began (and is stopped by it) or not at all.
   */
  static synchronized Process start(ProcessBuilder pb, java.util.function.Function<Process, AutoCloseable> stopper)
      throws IOException {
    if (stopping) {
      throw new IOException("stopping: not starting " + String.join(" ", pb.command()));
    }
    Process p = pb.start();
    LIVE.push(stopper.apply(p));
    return p;
  }

  /** Forgets a closed process. */
  static synchronized void unregister(AutoCloseable c) {
    LIVE.remove(c);
  }

  /** True once a shutdown began. */
  static boolean stopping() {
    return stopping;
  }

  /** Closes every registered process, newest first. */
  static void stopAll() {
    List<AutoCloseable> todo;
    synchronized (Procs.class) {
      stopping = true;
      todo = new ArrayList<>(LIVE);
      LIVE.clear();
    }
    for (AutoCloseable c : todo) {
      closeQuietly(c);
    }
  }

  /**
   * Last resort from the shutdown hook: SIGTERM to every process this JVM started, directly or
   * not, SIGKILL after 10 s (covers a process started while the hook ran).
   */
  static void stopDescendants() {
    List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + 10_000_000_000L;
    for (ProcessHandle h : all) {
      while (h.isAlive() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          break;
        }
      }
      h.destroyForcibly();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("while stopping " + c + ": " + e);
    }
  }

  /** A TCP port free on loopback right now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /**
   * Stops a process: the given signal, then SIGKILL to it and every descendant still alive after
   * {@code grace}. Descendants are collected first (a PostgreSQL backend outlives a killed
   * postmaster).
   */
  static void stop(ProcessHandle h, String signal, Duration grace) {
    if (!h.isAlive()) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(h.descendants().toList());
    signal(h.pid(), signal);
    try {
      h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception timeoutOrInterrupt) {
      h.destroyForcibly();
    }
    for (ProcessHandle d : tree) {
      d.destroyForcibly();
    }
  }

  /** Sends a signal ({@code TERM}, {@code INT}, ...) with kill(1). */
  static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a short command to completion, its output to {@code log}; fails on a non-zero exit. */
  static void run(Path log, Duration timeout, List<String> cmd) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    Stopper[] handle = new Stopper[1];
    Process p = start(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()),
        proc -> handle[0] = () -> stop(proc.toHandle(), "TERM", Duration.ofSeconds(5)));
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("timed out after " + timeout + ": " + String.join(" ", cmd));
      }
      if (p.exitValue() != 0) {
        throw new IOException("exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + Files.readString(log));
      }
    } finally {
      handle[0].close();
      unregister(handle[0]);
    }
  }

  /** Something {@link #register}ed whose close does not throw. */
  interface Stopper extends AutoCloseable {
    @Override
    void close();
  }

  /** True when the driver runs as root (PostgreSQL must then run as the {@code postgres} user). */
  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
