package io.phantomdb.plugin.pgwire;

import io.phantomdb.kernel.protocol.KernelSessionService;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.spi.protocol.ProtocolContext;
import io.phantomdb.spi.protocol.ProtocolServer;
import io.phantomdb.spi.protocol.SessionService;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * A real {@code pgwire} server started in this JVM on port 0 over a real kernel: the SQL engine on
 * the TCK's {@code memory} storage engine in a temporary directory.
 */
final class KernelServer implements AutoCloseable {
  final StorageEngine storage;
  final SqlEngine engine;
  final SessionService sessions;
  final ProtocolServer server;
  final int port;

  KernelServer(Path dir) {
    this(dir, Map.of());
  }

  /** @param options pgwire options */
  KernelServer(Path dir, Map<String, String> options) {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    engine = SqlEngine.open(storage);
    sessions = new KernelSessionService(engine);
    server = new PgWireServerFactory().create(new ProtocolContext("127.0.0.1", 0, options, sessions));
    port = server.start().getPort();
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  Connection connect() throws SQLException {
    return connect(new Properties());
  }

  Connection connect(Properties extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.putAll(extra);
    return DriverManager.getConnection(url(), p);
  }

  /** Runs statements in the kernel directly, as the bootstrap superuser (to create roles ...). */
  void sql(String... statements) {
    try (io.phantomdb.kernel.sql.Session s = engine.newSession()) {
      for (String sql : statements) {
        s.execute(sql).close();
      }
    }
  }

  @Override
  public void close() {
    server.stop(Duration.ofSeconds(5));
    engine.close();
    storage.close();
  }
}
