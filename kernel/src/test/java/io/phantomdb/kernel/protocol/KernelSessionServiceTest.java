package io.phantomdb.kernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.sql.TestStorage;
import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.Portal;
import io.phantomdb.spi.protocol.PreparedQuery;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.QueryResult;
import io.phantomdb.spi.protocol.SessionRequest;
import io.phantomdb.spi.protocol.SimpleQuery;
import io.phantomdb.spi.protocol.SqlErrorException;
import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's side of the protocol SPI, without a wire protocol. */
class KernelSessionServiceTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  KernelSessionService service;
  ProtocolSession session;

  @BeforeEach
  void open() {
    storage = TestStorage.open("memory", dir);
    engine = SqlEngine.open(storage);
    service = new KernelSessionService(engine);
    session = service.open(new SessionRequest("postgres", "postgres", Map.of("application_name", "t"), 4242, ""));
  }

  @AfterEach
  void close() {
    session.close();
    engine.close();
    storage.close();
  }

  /** Runs a simple query; returns its tags and rows as text, or the SQLSTATE it stopped with. */
  private List<String> simple(String sql) {
    List<String> out = new ArrayList<>();
    try (SimpleQuery q = session.simpleQuery(sql)) {
      if (q.isEmpty()) {
        out.add("(empty)");
      }
      QueryResult next;
      while ((next = q.next()) != null) {
        try (QueryResult r = next) {
          while (r.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
              row.add(r.text(i));
            }
            out.add(String.join("|", row));
          }
          out.add(r.commandTag());
        }
      }
    } catch (SqlErrorException e) {
      out.add("ERROR " + e.sqlState());
    }
    return out;
  }

  @Test
  void rolesAndTheFirstReportedSettings() {
    assertThat(service.role("postgres")).contains(new io.phantomdb.spi.protocol.Role("postgres", true, true,
        java.util.Optional.empty()));
    assertThat(service.role("Postgres")).isEmpty();
    assertThat(session.backendPid()).isEqualTo(4242);
    assertThat(session.changedReportedSettings())
        .containsEntry("application_name", "t").containsEntry("server_encoding", "UTF8")
        .containsEntry("DateStyle", "ISO, MDY").containsEntry("integer_datetimes", "on")
        .containsKey("server_version");
    assertThat(session.changedReportedSettings()).isEmpty();
    assertThatThrownBy(() -> service.open(new SessionRequest("postgres", "nodb", Map.of(), 1, "")))
        .isInstanceOf(SqlErrorException.class).extracting(e -> ((SqlErrorException) e).sqlState()).isEqualTo("3D000");
    assertThatThrownBy(() -> service.open(new SessionRequest("postgres", "postgres", Map.of("no_such", "1"), 1, "")))
        .extracting(e -> ((SqlErrorException) e).sqlState()).isEqualTo("42704");
  }

  @Test
  void severalStatementsRunAsOneImplicitTransaction() {
    assertThat(simple("CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1)"))
        .containsExactly("CREATE TABLE", "INSERT 0 1");
    assertThat(simple("INSERT INTO t VALUES (2); INSERT INTO t VALUES (1); INSERT INTO t VALUES (3)"))
        .containsExactly("INSERT 0 1", "ERROR 23505");
    assertThat(session.transactionStatus()).isEqualTo('I');
    assertThat(simple("SELECT id FROM t ORDER BY id; SELECT 1/0; SELECT 2"))
        .containsExactly("1", "SELECT 1", "ERROR 22012");
    assertThat(simple("BEGIN; INSERT INTO t VALUES (5); SELECT 1/0")).containsExactly("BEGIN", "INSERT 0 1", "ERROR 22012");
    assertThat(session.transactionStatus()).isEqualTo('E');
    assertThat(simple("ROLLBACK")).containsExactly("ROLLBACK");
    assertThat(simple(" -- nothing\n ; ")).containsExactly("(empty)");
    assertThat(simple("SELECT count(*) FROM t")).containsExactly("1", "SELECT 1");
  }

  @Test
  void preparedQueriesBindAndResumeAPortal() {
    simple("CREATE TABLE p (id INT PRIMARY KEY, v VARCHAR(10), n NUMERIC(8,2))");
    try (PreparedQuery ins = session.prepare("INSERT INTO p VALUES ($1, $2, $3)", List.of(23, 0, 0))) {
      assertThat(ins.parameterTypes()).containsExactly(23, 1043, 1700);
      assertThat(ins.columns()).isEmpty();
      for (int i = 1; i <= 5; i++) {
        try (Portal portal = ins.bind(Arrays.asList(i, "v" + i, i % 2 == 0 ? null : "1.5"))) {
          QueryResult r = portal.execute();
          assertThat(r.next()).isFalse();
          assertThat(r.commandTag()).isEqualTo("INSERT 0 1");
        }
      }
    }
    try (PreparedQuery q = session.prepare("SELECT id, v, n FROM p WHERE id > $1 ORDER BY id", List.of());
        Portal portal = q.bind(List.of("1"))) {
      assertThat(q.columns()).containsExactly(Column.of("id", 23, -1, 4), Column.of("v", 1043, 14, -1),
          Column.of("n", 1700, (8 << 16 | 2) + 4, -1));
      QueryResult r = portal.execute();
      assertThat(r.next()).isTrue();
      assertThat(r.value(0)).isEqualTo(2);
      assertThat(r.text(2)).isNull();
      assertThat(portal.execute()).isSameAs(r); // resumed where it stopped
      assertThat(r.next()).isTrue();
      assertThat(r.text(2)).isEqualTo("1.50");
      assertThat(r.next()).isTrue();
      assertThat(r.next()).isTrue();
      assertThat(r.next()).isFalse();
      assertThat(r.commandTag()).isEqualTo("SELECT 4");
    }
    assertThatThrownBy(() -> session.prepare("SELECT 1; SELECT 2", List.of()))
        .extracting(e -> ((SqlErrorException) e).sqlState()).isEqualTo("42601");
    try (PreparedQuery show = session.prepare("SHOW DateStyle", List.of()); Portal p = show.bind(List.of())) {
      assertThat(p.columns()).extracting(Column::name).containsExactly("DateStyle");
    }
  }

  @Test
  void aCancelStopsTheRunningResultAndFailsTheBlock() {
    simple("CREATE TABLE c (id INT PRIMARY KEY); INSERT INTO c VALUES (1), (2), (3)");
    simple("BEGIN");
    try (PreparedQuery q = session.prepare("SELECT id FROM c ORDER BY id", List.of()); Portal p = q.bind(List.of())) {
      QueryResult r = p.execute();
      assertThat(r.next()).isTrue();
      session.cancel();
      assertThatThrownBy(r::next).extracting(e -> ((SqlErrorException) e).sqlState()).isEqualTo("57014");
    }
    assertThat(session.transactionStatus()).isEqualTo('E');
    simple("ROLLBACK");
    session.cancel(); // nothing runs: no effect on the next statement
    assertThat(simple("SELECT count(*) FROM c")).containsExactly("3", "SELECT 1");
  }

  @Test
  void transactionControlWithNothingToDoWarnsAsPostgreSql() {
    assertThat(simple("COMMIT")).containsExactly("COMMIT");
    assertThat(session.drainNotices()).extracting(n -> n.severity() + " " + n.sqlState() + " " + n.message())
        .containsExactly("WARNING 25P01 there is no transaction in progress");
    assertThat(session.drainNotices()).isEmpty();
    simple("BEGIN; BEGIN");
    assertThat(session.drainNotices()).extracting(io.phantomdb.spi.protocol.Notice::message)
        .containsExactly("there is already a transaction in progress");
    simple("ROLLBACK");
    assertThat(session.drainNotices()).isEmpty();
  }

  @Test
  void extendedStatementsUpToSyncShareAnImplicitTransaction() {
    simple("CREATE TABLE x (id INT PRIMARY KEY)");
    try (PreparedQuery ins = session.prepare("INSERT INTO x VALUES ($1)", List.of(23))) {
      for (int id : new int[] {1, 2}) {
        try (Portal p = ins.bind(List.of(id))) {
          assertThat(p.execute().next()).isFalse();
        }
      }
      session.sync(true); // an error was reported: rolled back
      assertThat(simple("SELECT count(*) FROM x")).containsExactly("0", "SELECT 1");
      try (Portal p = ins.bind(List.of(7))) {
        p.execute().next();
      }
      assertThat(session.transactionStatus()).as("inside the implicit block").isEqualTo('T');
      session.sync(false);
      assertThat(session.transactionStatus()).isEqualTo('I');
    }
    try (PreparedQuery ddl = session.prepare("CREATE TABLE y (id INT)", List.of()); Portal p = ddl.bind(List.of())) {
      p.execute().next(); // DDL is not allowed in a block: runs on its own
      session.sync(false);
    }
    assertThat(simple("SELECT count(*) FROM x")).containsExactly("1", "SELECT 1");
  }
}
