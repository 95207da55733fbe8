package io.phantomdb.bench.ycsb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicBoolean;
import site.ycsb.ByteIterator;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;
import site.ycsb.StringByteIterator;

/**
 * A YCSB binding over pgjdbc (YCSB's own JDBC binding is not published to Maven Central): one
 * connection per client thread, autocommit, prepared statements cached per statement shape.
 *
 * <p>The table is {@code usertable (ycsb_key VARCHAR PRIMARY KEY, field0 TEXT, ...)}; the binding
 * does not create it. Properties: {@code db.url}, {@code db.user} (default {@code postgres}),
 * {@code db.batchsize} (inserts per statement while loading; 1 = one INSERT per record; larger
 * values use a JDBC batch, which {@code reWriteBatchedInserts=true} in the URL turns into one
 * multi-row INSERT). A failed statement returns {@link Status#ERROR}; the first SQL error of the
 * process is printed to standard error with its SQLSTATE.
 */
public final class PgJdbcYcsbDb extends DB {
  private static final String TABLE = "usertable";
  private static final String KEY = "ycsb_key";
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private int batchSize = 1;
  private PreparedStatement batch;
  private int batched;

  @Override
  public void init() throws DBException {
    Properties p = getProperties();
    String url = p.getProperty("db.url");
    if (url == null) {
      throw new DBException("db.url is not set");
    }
    batchSize = Integer.parseInt(p.getProperty("db.batchsize", "1"));
    try {
      connection = DriverManager.getConnection(url, p.getProperty("db.user", "postgres"), p.getProperty("db.passwd", ""));
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      report("connect " + url, e);
      throw new DBException(e);
    }
  }

  @Override
  public void cleanup() throws DBException {
    try {
      if (batch != null && batched > 0) {
        batch.executeBatch();
      }
      for (PreparedStatement s : statements.values()) {
        s.close();
      }
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      report("cleanup", e);
      throw new DBException(e);
    }
  }

  @Override
  public Status read(String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
    String sql = "SELECT " + columns(fields) + " FROM " + TABLE + " WHERE " + KEY + " = ?";
    try {
      PreparedStatement s = prepare(sql);
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Status.NOT_FOUND;
        }
        if (result != null) {
          copyRow(rs, result);
        }
        return Status.OK;
      }
    } catch (SQLException e) {
      return error(sql, e);
    }
  }

  @Override
  public Status scan(String table, String startkey, int recordcount, Set<String> fields,
      Vector<HashMap<String, ByteIterator>> result) {
    String sql = "SELECT " + columns(fields) + " FROM " + TABLE + " WHERE " + KEY + " >= ? ORDER BY " + KEY + " LIMIT ?";
    try {
      PreparedStatement s = prepare(sql);
      s.setString(1, startkey);
      s.setInt(2, recordcount);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          HashMap<String, ByteIterator> row = new HashMap<>();
          copyRow(rs, row);
          if (result != null) {
            result.add(row);
          }
        }
      }
      return Status.OK;
    } catch (SQLException e) {
      return error(sql, e);
    }
  }

  @Override
  public Status update(String table, String key, Map<String, ByteIterator> values) {
    List<String> names = new ArrayList<>(new TreeSet<>(values.keySet()));
    StringBuilder sql = new StringBuilder("UPDATE " + TABLE + " SET ");
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ?");
    }
    sql.append(" WHERE ").append(KEY).append(" = ?");
    try {
      PreparedStatement s = prepare(sql.toString());
      for (int i = 0; i < names.size(); i++) {
        s.setString(i + 1, values.get(names.get(i)).toString());
      }
      s.setString(names.size() + 1, key);
      return s.executeUpdate() == 1 ? Status.OK : Status.NOT_FOUND;
    } catch (SQLException e) {
      return error(sql.toString(), e);
    }
  }

  @Override
  public Status insert(String table, String key, Map<String, ByteIterator> values) {
    List<String> names = new ArrayList<>(new TreeSet<>(values.keySet()));
    StringBuilder sql = new StringBuilder("INSERT INTO " + TABLE + " (" + KEY);
    for (String n : names) {
      sql.append(", ").append(n);
    }
    sql.append(") VALUES (?").append(", ?".repeat(names.size())).append(')');
    try {
      PreparedStatement s = prepare(sql.toString());
      s.setString(1, key);
      for (int i = 0; i < names.size(); i++) {
        s.setString(i + 2, values.get(names.get(i)).toString());
      }
      if (batchSize <= 1) {
        s.executeUpdate();
        return Status.OK;
      }
      if (batch != null && batch != s && batched > 0) {
        batch.executeBatch();
        batched = 0;
      }
      batch = s;
      s.addBatch();
      if (++batched >= batchSize) {
        s.executeBatch();
        batched = 0;
      }
      return Status.BATCHED_OK;
    } catch (SQLException e) {
      batched = 0;
      return error(sql.toString(), e);
    }
  }

  @Override
  public Status delete(String table, String key) {
    String sql = "DELETE FROM " + TABLE + " WHERE " + KEY + " = ?";
    try {
      PreparedStatement s = prepare(sql);
      s.setString(1, key);
      return s.executeUpdate() == 1 ? Status.OK : Status.NOT_FOUND;
    } catch (SQLException e) {
      return error(sql, e);
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement s = statements.get(sql);
    if (s == null) {
      s = connection.prepareStatement(sql);
      statements.put(sql, s);
    }
    return s;
  }

  private static String columns(Set<String> fields) {
    return fields == null ? "*" : String.join(", ", new TreeSet<>(fields));
  }

  private static void copyRow(ResultSet rs, Map<String, ByteIterator> row) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String name = md.getColumnName(i);
      if (!KEY.equalsIgnoreCase(name)) {
        String v = rs.getString(i);
        row.put(name, new StringByteIterator(v == null ? "" : v));
      }
    }
  }

  private static Status error(String sql, SQLException e) {
    report(sql, e);
    return Status.ERROR;
  }

  private static void report(String what, SQLException e) {
    if (REPORTED.compareAndSet(false, true)) {
      System.err.println("PgJdbcYcsbDb: first SQL error: SQLSTATE " + e.getSQLState() + ": " + e.getMessage()
          + " (statement: " + what + ")");
    }
  }
}
