package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.plugin.pgwire.RawClient.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * The server's limits, each answered as PostgreSQL does: max connections (53300), message size
 * (08P01), statement_timeout (57014), idle_session_timeout (FATAL 57P05) and
 * idle_in_transaction_session_timeout (FATAL 25P03). Only codes are asserted, never durations.
 */
class LimitsTest {
  @TempDir Path dir;
  KernelServer server;

  private KernelServer start(Map<String, String> options) {
    server = new KernelServer(dir, options);
    return server;
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      awaitNoSessions();
      server.close();
    }
  }

  /** Waits until every kernel session is closed (a safety limit, not a timing assertion). */
  private void awaitNoSessions() throws InterruptedException {
    for (int i = 0; i < 1000 && server.engine.openSessions() > 0; i++) {
      Thread.sleep(10);
    }
    assertThat(server.engine.openSessions()).isZero();
  }

  @Test
  void tooManyClientsIsAFatalErrorAndASlotFreesOnDisconnect() throws Exception {
    start(Map.of("max-connections", "2"));
    try (RawClient a = new RawClient(server.port); RawClient b = new RawClient(server.port)) {
      assertThat(a.login(Map.of()).type()).isEqualTo('Z');
      assertThat(b.login(Map.of()).type()).isEqualTo('Z');
      try (RawClient c = new RawClient(server.port)) {
        Message refused = c.login(Map.of());
        assertThat(refused.type()).isEqualTo('E');
        assertThat(refused.severity()).isEqualTo("FATAL");
        assertThat(refused.sqlState()).isEqualTo("53300");
        assertThat(refused.field('M')).isEqualTo("sorry, too many clients already");
        assertThat(c.closedByServer()).isTrue();
      }
      assertThatThrownBy(server::connect).isInstanceOfSatisfying(PSQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("53300"));
      a.write(RawClient.message('X', new byte[0]));
      assertThat(a.closedByServer()).isTrue();
    }
    Message again = null;
    for (int i = 0; i < 500; i++) { // the slot frees once the server has seen the close
      try (RawClient d = new RawClient(server.port)) {
        again = d.login(Map.of());
        if (again.type() == 'Z') {
          break;
        }
      }
      Thread.sleep(10);
    }
    assertThat(again.type()).isEqualTo('Z');
  }

  @Test
  void aMessageLongerThanTheLimitEndsTheConnection() throws Exception {
    start(Map.of("max-message-size", "1kB"));
    try (RawClient ok = new RawClient(server.port); RawClient big = new RawClient(server.port)) {
      ok.login(Map.of());
      big.login(Map.of());
      assertThat(big.queryError("SELECT '" + "x".repeat(900) + "'")).isNull();
      big.write(ByteBuffer.allocate(5).put((byte) 'Q').putInt(1025).array());
      Message m = big.read();
      assertThat(m.severity()).isEqualTo("FATAL");
      assertThat(m.sqlState()).isEqualTo("08P01");
      assertThat(m.field('M')).isEqualTo("invalid message length");
      assertThat(big.closedByServer()).isTrue();
      assertThat(ok.queryError("SELECT 1")).isNull(); // others go on
    }
  }

  @Test
  void aStartupPacketOver10000BytesIsRefused() throws Exception {
    start(Map.of());
    try (RawClient c = new RawClient(server.port)) {
      c.write(ByteBuffer.allocate(8).putInt(10_001).putInt(196608).array());
      Message m = c.read();
      assertThat(m.sqlState()).isEqualTo("08P01");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void maxMessageSizeMustBeASize() {
    assertThatThrownBy(() -> PgWireOptions.parse(Map.of("max-message-size", "lots")))
        .hasMessageContaining("max-message-size");
    assertThat(PgWireOptions.parse(Map.of("max-message-size", "8MB")).maxMessageSize()).isEqualTo(8 << 20);
    assertThat(PgWireOptions.parse(Map.of()).maxMessageSize()).isEqualTo(1 << 30);
  }

  @Test
  void idleSessionTimeoutEndsTheConnection() throws Exception {
    start(Map.of());
    try (RawClient c = new RawClient(server.port); RawClient other = new RawClient(server.port)) {
      other.login(Map.of());
      assertThat(c.login(Map.of("idle_session_timeout", "150ms")).type()).isEqualTo('Z');
      assertThat(c.queryError("SELECT 1")).isNull();
      Message m = c.read();
      assertThat(m.severity()).isEqualTo("FATAL");
      assertThat(m.sqlState()).isEqualTo("57P05");
      assertThat(m.field('M')).isEqualTo("terminating connection due to idle-session timeout");
      assertThat(c.closedByServer()).isTrue();
      assertThat(other.queryError("SELECT 1")).isNull();
    }
  }

  @Test
  void idleInTransactionTimeoutEndsTheConnectionAndRollsBack() throws Exception {
    start(Map.of());
    try (Connection setup = server.connect(); Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      s.execute("INSERT INTO t VALUES (1, 10)");
    }
    try (RawClient c = new RawClient(server.port)) {
      c.login(Map.of("options", "-c idle_in_transaction_session_timeout=150"));
      assertThat(c.queryError("BEGIN")).isNull();
      assertThat(c.queryError("UPDATE t SET v = 11 WHERE id = 1")).isNull();
      Message m = c.read();
      assertThat(m.severity()).isEqualTo("FATAL");
      assertThat(m.sqlState()).isEqualTo("25P03");
      assertThat(m.field('M')).isEqualTo("terminating connection due to idle-in-transaction timeout");
      assertThat(c.closedByServer()).isTrue();
    }
    awaitNoSessions();
    assertThat(server.engine.lockSnapshot()).isEmpty();
    try (Connection check = server.connect(); Statement s = check.createStatement();
        var rs = s.executeQuery("SELECT v FROM t")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(10);
    }
  }

  @Test
  void statementTimeoutCancelsALockWait() throws SQLException {
    start(Map.of());
    try (Connection a = server.connect(); Connection b = server.connect();
        Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
      sa.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      sa.execute("INSERT INTO t VALUES (1, 10)");
      a.setAutoCommit(false);
      sa.executeUpdate("UPDATE t SET v = 11 WHERE id = 1");
      sb.execute("SET statement_timeout = '200ms'");
      assertThatThrownBy(() -> sb.executeUpdate("UPDATE t SET v = 12 WHERE id = 1"))
          .isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(e.getServerErrorMessage().getMessage())
                .isEqualTo("canceling statement due to statement timeout");
          });
      a.commit();
      assertThat(sb.executeUpdate("UPDATE t SET v = 12 WHERE id = 1")).isEqualTo(1);
    }
  }
}
