package io.phantomdb.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database server the driver started on loopback, with the user {@code postgres} and trust
 * authentication; closing it stops it (idempotent). Also registered with {@link Procs}, so a
 * shutdown hook stops it on Ctrl-C.
 */
abstract class Server implements AutoCloseable {
  /** The system's name in the results: {@code lsm}, {@code btree} or {@code postgres}. */
  final String system;
  final Path dir;
  int port;
  Process process;
  RssSampler rss;

  Server(String system, Path dir) {
    this.system = system;
    this.dir = dir;
  }

  /** Starts the server on a free port and waits until it accepts connections. */
  abstract void start() throws IOException, InterruptedException;

  /** Stops the server process (and its children). */
  abstract void stopProcess();

  /** The process whose tree holds the server's memory. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** pgjdbc URL of the server's {@code postgres} database. */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** A new connection as {@code postgres}. */
  Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("connectTimeout", "30");
    return DriverManager.getConnection(jdbcUrl(), p);
  }

  /** Starts the memory sampler; called once the server is ready. */
  void sampleMemory() {
    rss = new RssSampler(handle());
  }

  @Override
  public final synchronized void close() {
    if (rss != null) {
      rss.close();
    }
    if (process != null) {
      stopProcess();
      process = null;
    }
    Procs.unregister(this);
  }

  @Override
  public String toString() {
    return system + " server on port " + port;
  }
}
