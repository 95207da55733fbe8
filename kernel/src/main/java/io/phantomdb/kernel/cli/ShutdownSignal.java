package io.phantomdb.kernel.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM and SIGINT into an orderly stop of {@code phantomdb start}: the signal releases the
 * main thread, which stops the servers and closes the storage engine, and the process exits 0. A
 * JVM shutdown for any other reason (SIGHUP, {@code System.exit}) runs a hook that asks for the
 * same stop and waits for it, so the data is closed cleanly in that case too.
 */
final class ShutdownSignal {
  /** How long the shutdown hook waits for the main thread to close everything. */
  private static final long HOOK_WAIT_SECONDS = 60;

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private ShutdownSignal() {
    hook = new Thread(() -> {
      requested.countDown();
      try {
        finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "phantomdb-shutdown");
  }

  /** Installs the signal handlers and the hook. */
  static ShutdownSignal install() {
    ShutdownSignal s = new ShutdownSignal();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> s.requested.countDown());
      } catch (IllegalArgumentException e) {
        // this JVM does not let us handle it: the shutdown hook still stops cleanly
      }
    }
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /** Waits for a stop to be asked for. */
  void await() throws InterruptedException {
    requested.await();
  }

  /** Everything is closed: lets a waiting shutdown hook go, and removes it otherwise. */
  void done() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running and now returns
    }
  }
}
