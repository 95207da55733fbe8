package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/** pgjdbc against a real server: statements, parameters, batches, transactions, errors. */
class PgJdbcTest {
  @TempDir Path dir;
  KernelServer server;

  @BeforeEach
  void start() {
    server = new KernelServer(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void simpleStatementsAndTypedColumns() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20), price NUMERIC(10,2), ok BOOLEAN)");
      assertThat(s.executeUpdate("INSERT INTO t VALUES (1, 'one', 1.50, true), (2, 'two', 20, false)")).isEqualTo(2);
      try (ResultSet rs = s.executeQuery("SELECT id, name, price, ok FROM t ORDER BY id")) {
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnTypeName(1)).isEqualTo("int4");
        assertThat(md.getColumnTypeName(2)).isEqualTo("varchar");
        assertThat(md.getPrecision(2)).isEqualTo(20);
        assertThat(md.getColumnTypeName(3)).isEqualTo("numeric");
        assertThat(md.getScale(3)).isEqualTo(2);
        assertThat(md.getColumnTypeName(4)).isEqualTo("bool");
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|" + rs.getBoolean(4));
        }
        assertThat(rows).containsExactly("1|one|1.50|true", "2|two|20.00|false");
      }
      assertThat(s.executeUpdate("UPDATE t SET price = price * 2")).isEqualTo(2);
      assertThat(s.executeUpdate("DELETE FROM t WHERE id = 2")).isEqualTo(1);
    }
  }

  @Test
  void parametersOfSeveralTypesTextAndBinary() throws SQLException {
    for (boolean binary : new boolean[] {false, true}) {
      Properties p = new Properties();
      p.setProperty("prepareThreshold", binary ? "1" : "5");
      p.setProperty("binaryTransfer", Boolean.toString(binary));
      try (Connection c = server.connect(p); Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS v");
        s.execute("CREATE TABLE v (id BIGINT PRIMARY KEY, i2 SMALLINT, i4 INTEGER, f4 REAL, f8 DOUBLE PRECISION,"
            + " n NUMERIC(12,3), d DATE, ts TIMESTAMP, tz TIMESTAMPTZ, b BYTEA, u UUID, t TEXT, ok BOOLEAN)");
        java.util.UUID uuid = java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        java.time.OffsetDateTime odt = java.time.OffsetDateTime.parse("2024-02-29T13:14:15.123456Z");
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO v VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
          for (long id = 1; id <= 3; id++) {
            ins.setLong(1, id);
            ins.setShort(2, (short) -7);
            ins.setInt(3, 123456);
            ins.setFloat(4, 1.5f);
            ins.setDouble(5, -2.25);
            ins.setBigDecimal(6, new BigDecimal("-12345.678"));
            ins.setObject(7, java.time.LocalDate.of(1999, 12, 31));
            ins.setObject(8, java.time.LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_000));
            ins.setObject(9, odt);
            ins.setBytes(10, new byte[] {0, 1, (byte) 0xFF});
            ins.setObject(11, uuid);
            ins.setString(12, "héllo 'world'");
            ins.setBoolean(13, id % 2 == 0);
            assertThat(ins.executeUpdate()).isEqualTo(1);
          }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM v WHERE id = ? AND i4 = ?")) {
          for (long id = 1; id <= 3; id++) { // several runs: past the threshold the statement is named
            q.setLong(1, id);
            q.setInt(2, 123456);
            try (ResultSet rs = q.executeQuery()) {
              assertThat(rs.next()).isTrue();
              assertThat(rs.getLong("id")).isEqualTo(id);
              assertThat(rs.getShort("i2")).isEqualTo((short) -7);
              assertThat(rs.getInt("i4")).isEqualTo(123456);
              assertThat(rs.getFloat("f4")).isEqualTo(1.5f);
              assertThat(rs.getDouble("f8")).isEqualTo(-2.25);
              assertThat(rs.getBigDecimal("n")).isEqualByComparingTo("-12345.678");
              assertThat(rs.getObject("d", java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(1999, 12, 31));
              assertThat(rs.getObject("ts", java.time.LocalDateTime.class))
                  .isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_000));
              assertThat(rs.getObject("tz", java.time.OffsetDateTime.class).toInstant()).isEqualTo(odt.toInstant());
              assertThat(rs.getBytes("b")).containsExactly(0, 1, 0xFF);
              assertThat(rs.getObject("u")).isEqualTo(uuid);
              assertThat(rs.getString("t")).isEqualTo("héllo 'world'");
              assertThat(rs.getBoolean("ok")).isEqualTo(id % 2 == 0);
              assertThat(rs.next()).isFalse();
            }
          }
        }
      }
    }
  }

  @Test
  void numericValuesSurviveBinaryTransfer() throws SQLException {
    Properties p = new Properties();
    p.setProperty("prepareThreshold", "-1"); // named statements, binary from the first execution
    p.setProperty("binaryTransfer", "true");
    try (Connection c = server.connect(p); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE num (id INTEGER PRIMARY KEY, n NUMERIC)");
      String[] values = {"0", "1", "-1", "10000", "0.0001", "123456789.987654321", "-0.5", "1E+20", "99999999.00"};
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO num VALUES (?, ?)")) {
        for (int i = 0; i < values.length; i++) {
          ins.setInt(1, i);
          ins.setBigDecimal(2, new BigDecimal(values[i]));
          ins.executeUpdate();
        }
      }
      try (PreparedStatement q = c.prepareStatement("SELECT n FROM num WHERE id = ?")) {
        for (int i = 0; i < values.length; i++) {
          q.setInt(1, i);
          try (ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).as(values[i]).isEqualByComparingTo(values[i]);
          }
        }
      }
    }
  }

  @Test
  void batchInsertsEveryRow() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)");
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO b VALUES (?, ?)")) {
        for (int i = 0; i < 250; i++) {
          ins.setInt(1, i);
          ins.setString(2, "v" + i);
          ins.addBatch();
        }
        int[] counts = ins.executeBatch();
        assertThat(counts).hasSize(250).containsOnly(1);
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*), sum(id) FROM b")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(250);
        assertThat(rs.getLong(2)).isEqualTo(249L * 250 / 2);
      }
    }
  }

  @Test
  void transactionsCommitRollbackAndTheFailedState() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, v INTEGER)");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO a VALUES (1, 10)");
      c.commit();
      s.executeUpdate("INSERT INTO a VALUES (2, 20)");
      c.rollback();
      s.executeUpdate("INSERT INTO a VALUES (3, 30)");
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO a VALUES (1, 99)"))
          .isInstanceOf(PSQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
      assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25P02");
      c.rollback();
      c.setAutoCommit(true);
      try (ResultSet rs = s.executeQuery("SELECT id FROM a ORDER BY id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void errorsCarryTheirSqlState() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      assertThat(stateOf(s, "SELECT * FROM missing")).isEqualTo("42P01");
      assertThat(stateOf(s, "SELECT 1/0")).isEqualTo("22012");
      assertThat(stateOf(s, "SELEC 1")).isEqualTo("42601");
      s.execute("CREATE TABLE u (id INTEGER PRIMARY KEY)");
      s.execute("INSERT INTO u VALUES (1)");
      SQLException dup = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO u VALUES (1)"));
      assertThat(dup.getSQLState()).isEqualTo("23505");
      assertThat(((PSQLException) dup).getServerErrorMessage().getDetail()).isEqualTo("Key (id)=(1) already exists.");
      SQLException syntax = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> s.execute("SELECT 1 FROM u WHERE"));
      assertThat(((PSQLException) syntax).getServerErrorMessage().getPosition()).isGreaterThan(0);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM u")) { // the connection is still usable
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  private static String stateOf(Statement s, String sql) {
    try {
      s.execute(sql);
      throw new AssertionError("no error for " + sql);
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  @Test
  void fetchSizeReadsAPortalInPiecesInsideATransaction() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, pad TEXT)");
      s.execute("INSERT INTO big SELECT x, 'row ' || x FROM (VALUES (0)) v(z), "
          + "(SELECT a.i * 100 + b.i AS x FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) a(i),"
          + " (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),(16),(17),(18),(19),"
          + "(20),(21),(22),(23),(24),(25),(26),(27),(28),(29),(30),(31),(32),(33),(34),(35),(36),(37),(38),(39),"
          + "(40),(41),(42),(43),(44),(45),(46),(47),(48),(49),(50),(51),(52),(53),(54),(55),(56),(57),(58),(59),"
          + "(60),(61),(62),(63),(64),(65),(66),(67),(68),(69),(70),(71),(72),(73),(74),(75),(76),(77),(78),(79),"
          + "(80),(81),(82),(83),(84),(85),(86),(87),(88),(89),(90),(91),(92),(93),(94),(95),(96),(97),(98),(99)) b(i)) n");
      c.setAutoCommit(false);
      try (PreparedStatement q = c.prepareStatement("SELECT id FROM big ORDER BY id")) {
        q.setFetchSize(7);
        try (ResultSet rs = q.executeQuery()) {
          long n = 0;
          long sum = 0;
          while (rs.next()) {
            n++;
            sum += rs.getInt(1);
          }
          assertThat(n).isEqualTo(1000);
          assertThat(sum).isEqualTo(999L * 1000 / 2);
        }
      }
      c.commit();
    }
  }

  @Test
  void simpleQueryModeRunsSeveralStatementsInOneImplicitTransaction() throws SQLException {
    Properties p = new Properties();
    p.setProperty("preferQueryMode", "simple");
    try (Connection c = server.connect(p); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE m (id INTEGER PRIMARY KEY)");
      assertThatThrownBy(() -> s.execute("INSERT INTO m VALUES (1); INSERT INTO m VALUES (2); SELECT 1/0"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22012");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM m")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("the implicit transaction was rolled back").isZero();
      }
      s.execute("INSERT INTO m VALUES (1); INSERT INTO m VALUES (2)");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM m")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
  }

  @Test
  void aFailingBatchCommitsNothingAsInPostgreSql() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bf (id INTEGER PRIMARY KEY)");
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO bf VALUES (?)")) {
        for (int id : new int[] {1, 2, 1, 3}) {
          ins.setInt(1, id);
          ins.addBatch();
        }
        java.sql.BatchUpdateException e = org.junit.jupiter.api.Assertions.assertThrows(
            java.sql.BatchUpdateException.class, ins::executeBatch);
        assertThat(e.getSQLState()).isEqualTo("23505");
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM bf")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("the batch's implicit transaction was rolled back").isZero();
      }
      assertThat(c.getAutoCommit()).isTrue();
      s.execute("INSERT INTO bf VALUES (1)"); // and the session goes on
    }
  }

  @Test
  void startupParametersWinOverTheSameSettingInOptions() throws SQLException {
    // pgjdbc sends TimeZone (the JVM's zone) in the start-up packet; PostgreSQL applies the
    // packet's parameters after options' -c settings, so its TimeZone wins, as in PostgreSQL 15
    Properties p = new Properties();
    p.setProperty("options", "-c TimeZone=Asia/Tokyo -c search_path=abc,public");
    try (Connection c = server.connect(p); Statement s = c.createStatement()) {
      assertThat(show(s, "TimeZone")).isNotEqualTo("Asia/Tokyo");
      assertThat(show(s, "search_path")).isEqualTo("abc,public"); // kept as given, as PostgreSQL keeps it
    }
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
