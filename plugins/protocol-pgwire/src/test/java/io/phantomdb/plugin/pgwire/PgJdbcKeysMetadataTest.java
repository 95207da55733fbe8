package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
 * pgjdbc's getPrimaryKeys, getIndexInfo, getBestRowIdentifier, getImportedKeys and
 * getExportedKeys over the wire. pgjdbc calls the set-returning, record-valued {@code
 * information_schema._pg_expandarray} in select lists, subscripts {@code pg_index.indoption} from
 * 0 and names a column {@code CARDINALITY}. Every expected row is what PostgreSQL 15 answers for
 * the same tables, as pgjdbc's getString shows it.
 */
class PgJdbcKeysMetadataTest {
  @TempDir Path dir;
  KernelServer server;
  Connection c;
  DatabaseMetaData md;

  @BeforeEach
  void start() throws SQLException {
    server = new KernelServer(dir);
    c = server.connect();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', note VARCHAR(20),"
          + " n INTEGER UNIQUE)");
      s.execute("CREATE UNIQUE INDEX t_name_idx ON t (name)");
      s.execute("CREATE INDEX t_note_n ON t (note, n DESC)");
      s.execute("CREATE TABLE c2 (a INTEGER, b TEXT, c INTEGER, PRIMARY KEY (b, a))");
      s.execute("CREATE INDEX c2_c ON c2 (c)");
      s.execute("CREATE TABLE nk (x INTEGER)");
      s.execute("CREATE TABLE u (p INTEGER NOT NULL, q INTEGER, UNIQUE (q, p))");
    }
    md = c.getMetaData();
  }

  @AfterEach
  void stop() throws SQLException {
    c.close();
    server.close();
  }

  @Test
  void primaryKeys() throws SQLException {
    assertThat(rows(md.getPrimaryKeys(null, "public", "t"))).containsExactly(
        "TABLE_CAT|TABLE_SCHEM|TABLE_NAME|COLUMN_NAME|KEY_SEQ|PK_NAME",
        "postgres|public|t|id|1|t_pkey");
    assertThat(rows(md.getPrimaryKeys(null, "public", "c2"))).containsExactly(
        "TABLE_CAT|TABLE_SCHEM|TABLE_NAME|COLUMN_NAME|KEY_SEQ|PK_NAME",
        "postgres|public|c2|b|1|c2_pkey",
        "postgres|public|c2|a|2|c2_pkey");
    assertThat(rows(md.getPrimaryKeys(null, "public", "nk"))).hasSize(1);
    assertThat(rows(md.getPrimaryKeys(null, "public", "u"))).hasSize(1);
  }

  private static final String INDEX_HEADER = "TABLE_CAT|TABLE_SCHEM|TABLE_NAME|NON_UNIQUE|INDEX_QUALIFIER|INDEX_NAME|TYPE"
      + "|ORDINAL_POSITION|COLUMN_NAME|ASC_OR_DESC|CARDINALITY|PAGES|FILTER_CONDITION|REMARKS";

  @Test
  void indexInfo() throws SQLException {
    assertThat(rows(md.getIndexInfo(null, "public", "t", false, false))).containsExactly(INDEX_HEADER,
        "postgres|public|t|f|null|t_n_key|3|1|n|A|0|1|null|null",
        "postgres|public|t|f|null|t_name_idx|3|1|name|A|0|1|null|null",
        "postgres|public|t|f|null|t_pkey|3|1|id|A|0|1|null|null",
        "postgres|public|t|t|null|t_note_n|3|1|note|A|0|1|null|null",
        "postgres|public|t|t|null|t_note_n|3|2|n|D|0|1|null|null");
    assertThat(rows(md.getIndexInfo(null, "public", "t", true, false))).containsExactly(INDEX_HEADER,
        "postgres|public|t|f|null|t_n_key|3|1|n|A|0|1|null|null",
        "postgres|public|t|f|null|t_name_idx|3|1|name|A|0|1|null|null",
        "postgres|public|t|f|null|t_pkey|3|1|id|A|0|1|null|null");
    assertThat(rows(md.getIndexInfo(null, "public", "c2", false, false))).containsExactly(INDEX_HEADER,
        "postgres|public|c2|f|null|c2_pkey|3|1|b|A|0|1|null|null",
        "postgres|public|c2|f|null|c2_pkey|3|2|a|A|0|1|null|null",
        "postgres|public|c2|t|null|c2_c|3|1|c|A|0|1|null|null");
    assertThat(rows(md.getIndexInfo(null, "public", "u", false, false))).containsExactly(INDEX_HEADER,
        "postgres|public|u|f|null|u_q_p_key|3|1|q|A|0|1|null|null",
        "postgres|public|u|f|null|u_q_p_key|3|2|p|A|0|1|null|null");
    assertThat(rows(md.getIndexInfo(null, "public", "nk", false, false))).containsExactly(INDEX_HEADER);
  }

  @Test
  void bestRowIdentifier() throws SQLException {
    String header = "SCOPE|COLUMN_NAME|DATA_TYPE|TYPE_NAME|COLUMN_SIZE|BUFFER_LENGTH|DECIMAL_DIGITS|PSEUDO_COLUMN";
    assertThat(rows(md.getBestRowIdentifier(null, "public", "t", DatabaseMetaData.bestRowSession, true)))
        .containsExactly(header, "2|id|4|int4|10|null|0|1");
    assertThat(rows(md.getBestRowIdentifier(null, "public", "c2", DatabaseMetaData.bestRowSession, true)))
        .containsExactly(header, "2|a|4|int4|10|null|0|1", "2|b|12|text|2147483647|null|0|1");
    assertThat(rows(md.getBestRowIdentifier(null, "public", "nk", DatabaseMetaData.bestRowSession, true)))
        .containsExactly(header);
  }

  @Test
  void foreignKeysAreNone() throws SQLException {
    String header = "PKTABLE_CAT|PKTABLE_SCHEM|PKTABLE_NAME|PKCOLUMN_NAME|FKTABLE_CAT|FKTABLE_SCHEM|FKTABLE_NAME"
        + "|FKCOLUMN_NAME|KEY_SEQ|UPDATE_RULE|DELETE_RULE|FK_NAME|PK_NAME|DEFERRABILITY";
    for (String table : List.of("t", "c2")) {
      assertThat(rows(md.getImportedKeys(null, "public", table))).containsExactly(header);
      assertThat(rows(md.getExportedKeys(null, "public", table))).containsExactly(header);
    }
  }

  @Test
  void setReturningSelectListWithParameters() throws SQLException {
    // a parameter of unspecified type (Types.OTHER) in generate_series is an integer, as in PostgreSQL
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT generate_series(1, ?) AS g, (information_schema._pg_expandarray(?::int[])).x AS x")) {
      ps.setObject(1, "3", Types.OTHER);
      ps.setString(2, "{7,8}");
      assertThat(rows(ps.executeQuery())).containsExactly("g|x", "1|7", "2|8", "3|null");
    }
  }

  /** The column labels, then each row's values as getString gives them, joined by '|'. */
  private static List<String> rows(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData m = rs.getMetaData();
      List<String> out = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        labels.add(m.getColumnLabel(i));
      }
      out.add(String.join("|", labels));
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          values.add(String.valueOf(rs.getString(i)));
        }
        out.add(String.join("|", values));
      }
      return out;
    }
  }
}
