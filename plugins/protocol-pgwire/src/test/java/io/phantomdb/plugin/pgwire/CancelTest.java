package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.txn.lock.LockInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * The backend key over the wire: {@code pg_backend_pid()} is the pid of BackendKeyData, and
 * pgjdbc's {@link Statement#cancel()} (a CancelRequest on a new connection) stops a statement that
 * waits for a row lock and one that computes for long, with 57014; the connection stays usable.
 */
class CancelTest {
  @TempDir Path dir;
  KernelServer server;
  ExecutorService threads;

  @BeforeEach
  void start() {
    server = new KernelServer(dir);
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
    server.close();
  }

  private static String scalar(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** The SQLSTATE and message a statement run on another thread failed with. */
  private static String failure(Future<?> f) throws InterruptedException {
    try {
      f.get();
      throw new AssertionError("the statement was not canceled");
    } catch (ExecutionException e) {
      SQLException s = (SQLException) e.getCause();
      return s.getSQLState() + " " + s.getMessage();
    }
  }

  @Test
  void pgBackendPidIsTheBackendKeyDataPid() throws Exception {
    try (Connection a = server.connect(); Connection b = server.connect(); Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      int pidA = a.unwrap(PGConnection.class).getBackendPID();
      int pidB = b.unwrap(PGConnection.class).getBackendPID();
      assertThat(pidA).isNotEqualTo(pidB);
      assertThat(scalar(sa, "SELECT pg_backend_pid()")).isEqualTo(Integer.toString(pidA));
      assertThat(scalar(sb, "SELECT pg_backend_pid()")).isEqualTo(Integer.toString(pidB));
    }
  }

  @Test
  void cancelEndsARowLockWait() throws Exception {
    try (Connection holder = server.connect(); Connection waiter = server.connect();
        Statement sh = holder.createStatement(); Statement sw = waiter.createStatement()) {
      sh.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      sh.execute("INSERT INTO t VALUES (1, 0)");
      holder.setAutoCommit(false);
      sh.executeUpdate("UPDATE t SET v = 1 WHERE id = 1");
      Future<?> blocked = threads.submit(() -> sw.executeUpdate("UPDATE t SET v = 2 WHERE id = 1"));
      while (server.engine.locks().snapshot().stream().allMatch(LockInfo::granted)) {
        assertThat(blocked.isDone()).as("the update waits for the row lock").isFalse();
        Thread.sleep(5);
      }
      sw.cancel();
      assertThat(failure(blocked)).isEqualTo("57014 ERROR: canceling statement due to user request");
      assertThat(server.engine.locks().snapshot()).allMatch(LockInfo::granted);
      holder.commit();
      assertThat(scalar(sw, "SELECT v FROM t")).as("the waiter's connection still works").isEqualTo("1");
      assertThat(sw.executeUpdate("UPDATE t SET v = 3 WHERE id = 1")).isEqualTo(1);
      assertThat(scalar(sh, "SELECT v FROM t")).isEqualTo("3");
    }
  }

  @Test
  void cancelStopsALongQuery() throws Exception {
    try (Connection c = server.connect(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE n (x INT PRIMARY KEY)");
      st.execute("INSERT INTO n VALUES " + IntStream.rangeClosed(1, 1000).mapToObj(i -> "(" + i + ")")
          .collect(Collectors.joining(", ")));
      Statement slow = c.createStatement();
      // 10^12 rows: runs until canceled
      Future<?> running = threads.submit(() -> slow.executeQuery("SELECT count(*) FROM n a, n b, n c, n d"));
      // A cancel before the query starts is dropped, and pgjdbc's Statement.cancel() sends only
      // one per execution: ask through the connection until the query stops.
      while (!running.isDone()) {
        c.unwrap(PGConnection.class).cancelQuery();
        Thread.sleep(20);
      }
      assertThat(failure(running)).isEqualTo("57014 ERROR: canceling statement due to user request");
      assertThat(scalar(st, "SELECT count(*) FROM n")).isEqualTo("1000");
    }
  }
}
