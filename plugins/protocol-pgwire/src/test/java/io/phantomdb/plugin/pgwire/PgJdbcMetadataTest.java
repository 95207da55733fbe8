package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgjdbc's DatabaseMetaData over the wire: the answers PostgreSQL 15 gives for the same table
 * (a primary key, a UNIQUE constraint, a unique index, a NOT NULL column with a DEFAULT, nullable
 * columns). getPrimaryKeys and getIndexInfo: {@link PgJdbcKeysMetadataTest}.
 */
class PgJdbcMetadataTest {
  @TempDir Path dir;
  KernelServer server;
  Connection c;

  @BeforeEach
  void start() throws SQLException {
    server = new KernelServer(dir);
    c = server.connect();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', note VARCHAR(20),"
          + " n INTEGER UNIQUE)");
      s.execute("CREATE UNIQUE INDEX t_name_idx ON t (name)");
      s.execute("CREATE TABLE other (k INTEGER)");
    }
  }

  @AfterEach
  void stop() throws SQLException {
    c.close();
    server.close();
  }

  @Test
  void tables() throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, "public", "t", new String[] {"TABLE"})) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("TABLE_CAT")).isEqualTo("postgres");
      assertThat(rs.getString("TABLE_SCHEM")).isEqualTo("public");
      assertThat(rs.getString("TABLE_NAME")).isEqualTo("t");
      assertThat(rs.getString("TABLE_TYPE")).isEqualTo("TABLE");
      assertThat(rs.getString("REMARKS")).isNull();
      assertThat(rs.next()).isFalse();
    }
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    assertThat(names).containsExactly("other", "t");
  }

  @Test
  void columns() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, "public", "t", null)) {
      while (rs.next()) {
        rows.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getString("TYPE_NAME") + " "
            + rs.getInt("COLUMN_SIZE") + " " + rs.getInt("NULLABLE") + " " + rs.getString("IS_NULLABLE") + " "
            + rs.getString("COLUMN_DEF") + " " + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("IS_AUTOINCREMENT"));
      }
    }
    assertThat(rows).containsExactly(
        "id " + Types.INTEGER + " int4 10 0 NO null 1 NO",
        "name " + Types.VARCHAR + " text 2147483647 0 NO 'x'::text 2 NO",
        "note " + Types.VARCHAR + " varchar 20 1 YES null 3 NO",
        "n " + Types.INTEGER + " int4 10 1 YES null 4 NO");
  }

  @Test
  void schemasAndCatalogs() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs = md.getSchemas()) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM") + " " + rs.getString("TABLE_CATALOG"));
      }
    }
    assertThat(schemas).containsExactly("information_schema postgres", "pg_catalog postgres", "public postgres");
    List<String> catalogs = new ArrayList<>();
    try (ResultSet rs = md.getCatalogs()) {
      while (rs.next()) {
        catalogs.add(rs.getString("TABLE_CAT"));
      }
    }
    assertThat(catalogs).contains("postgres");
  }
}
