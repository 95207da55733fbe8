package io.phantomdb.plugin.pgwire;

import io.phantomdb.kernel.sql.slt.SltDatabase;
import io.phantomdb.kernel.sql.slt.SltValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The database a sqllogictest file runs against over the wire: a real pgwire server on port 0 over
 * a fresh kernel on the {@code memory} engine ({@link KernelServer}), and one pgjdbc connection
 * per session the file names (the default session is a connection too).
 *
 * <p>Statements go through {@link Statement#execute(String)} in pgjdbc's {@code preferQueryMode}
 * (simple or extended protocol); an error is its {@link SQLException#getSQLState()}. Values are
 * read as text, the form the server sends, and typed by the column's type name (bool, integers,
 * numeric, real, double) before {@link SltValues#render(Object, java.util.function.Supplier, char)}
 * renders them, exactly as the in-process harness renders the engine's values.
 */
final class JdbcSltDatabase implements SltDatabase {
  private final Path directory;
  private final KernelServer server;
  private final Properties properties = new Properties();
  private final Map<String, Connection> connections = new HashMap<>();

  private JdbcSltDatabase(Path directory, KernelServer server, String queryMode) {
    this.directory = directory;
    this.server = server;
    properties.setProperty("preferQueryMode", queryMode);
    // pgjdbc sets application_name to "PostgreSQL JDBC Driver" unless told otherwise; the files
    // expect a session as it starts without a client's settings (PostgreSQL's default, empty).
    // TimeZone is the other setting pgjdbc sends, the JVM's zone: the build runs the tests in UTC.
    properties.setProperty("ApplicationName", "");
  }

  /**
   * Starts a server over a fresh database.
   *
   * @param queryMode pgjdbc's {@code preferQueryMode}: {@code simple} or {@code extended}
   * @return the database; the caller closes it
   */
  static JdbcSltDatabase open(String queryMode) {
    Path dir;
    try {
      dir = Files.createTempDirectory("phantomdb-slt-wire-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new JdbcSltDatabase(dir, new KernelServer(dir.resolve("storage")), queryMode);
    } catch (RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  @Override
  public void execute(String session, String sql) {
    try (Statement st = connection(session).createStatement()) {
      boolean isResultSet = st.execute(sql);
      while (isResultSet || st.getUpdateCount() != -1) {
        if (isResultSet) {
          try (ResultSet rs = st.getResultSet()) {
            while (rs.next()) {
              // a statement's rows are read and dropped
            }
          }
        }
        isResultSet = st.getMoreResults();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public Result query(String session, String sql, String types) {
    try (Statement st = connection(session).createStatement()) {
      if (!st.execute(sql)) {
        return new Result(0, List.of());
      }
      try (ResultSet rs = st.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        int columns = md.getColumnCount();
        if (columns != types.length()) {
          return new Result(columns, List.of());
        }
        String[] typeNames = new String[columns];
        for (int i = 0; i < columns; i++) {
          typeNames[i] = md.getColumnTypeName(i + 1);
        }
        List<String> values = new ArrayList<>();
        while (rs.next()) {
          for (int i = 0; i < columns; i++) {
            String text = rs.getString(i + 1);
            values.add(SltValues.render(text == null ? null : typed(text, typeNames[i]), () -> text, types.charAt(i)));
          }
        }
        return new Result(columns, values);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * A value's Java form from its PostgreSQL text form, for the types the renderer treats apart:
   * booleans, integers, numeric, real and double precision; anything else stays text. By the
   * column's type name ({@code ResultSetMetaData.getColumnType} would make pgjdbc look up types
   * it does not know with a query using {@code ::regproc}, which PhantomDB lacks).
   */
  private static Object typed(String text, String typeName) {
    return switch (typeName) {
      case "bool" -> text.equals("t");
      case "int2", "int4", "int8" -> Long.parseLong(text);
      case "numeric" -> numeric(text);
      case "float4" -> Float.parseFloat(text);
      case "float8" -> Double.parseDouble(text);
      default -> text;
    };
  }

  private static Object numeric(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> new BigDecimal(text);
    };
  }

  private static Failure failure(SQLException e) {
    return new Failure(String.valueOf(e.getSQLState()), e.getMessage(), e);
  }

  /** The connection of a named session (null: the default one), opened on first use. */
  private Connection connection(String session) throws SQLException {
    String key = session == null ? "" : session;
    Connection c = connections.get(key);
    if (c == null) {
      c = server.connect(properties);
      connections.put(key, c);
    }
    return c;
  }

  @Override
  public void close() {
    try {
      for (Connection c : connections.values()) {
        try {
          c.close();
        } catch (SQLException e) {
          // the server is stopped next; a connection that cannot close says nothing about the test
        }
      }
      server.close();
    } finally {
      delete(directory);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
