package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/** pgjdbc's CopyManager: COPY FROM STDIN and TO STDOUT in text and CSV, errors, CopyFail. */
class PgJdbcCopyTest {
  @TempDir Path dir;
  KernelServer server;
  Connection c;
  CopyManager copy;

  @BeforeEach
  void start() throws SQLException {
    server = new KernelServer(dir.resolve("data"));
    c = server.connect();
    copy = c.unwrap(PGConnection.class).getCopyAPI();
    exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER NOT NULL DEFAULT 7)");
  }

  @AfterEach
  void stop() throws SQLException {
    c.close();
    server.close();
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long count() throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String rows(int n, int badAt) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      sb.append(i).append('\t').append("name ").append(i).append('\t').append(i == badAt ? "oops" : i % 100)
          .append('\n');
    }
    return sb.toString();
  }

  @Test
  void tenThousandRowsInAndOutAsText() throws Exception {
    long in = copy.copyIn("COPY t FROM STDIN", new StringReader(rows(12_000, -1)));
    assertThat(in).isEqualTo(12_000);
    assertThat(count()).isEqualTo(12_000);
    StringWriter out = new StringWriter();
    long sent = copy.copyOut("COPY (SELECT id, name, qty FROM t ORDER BY id) TO STDOUT", out);
    assertThat(sent).isEqualTo(12_000);
    assertThat(out.toString()).isEqualTo(rows(12_000, -1));
  }

  @Test
  void aBadRowInTheMiddleInsertsNothing() throws Exception {
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN", new StringReader(rows(10_000, 5_000))))
        .isInstanceOfSatisfying(PSQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("22P02");
          assertThat(e.getServerErrorMessage().getMessage())
              .isEqualTo("invalid input syntax for type integer: \"oops\"");
          assertThat(e.getServerErrorMessage().getWhere()).isEqualTo("COPY t, line 5000, column qty: \"oops\"");
        });
    assertThat(count()).isZero();
    exec("INSERT INTO t VALUES (1, 'after', 1)"); // the connection is usable
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void missingAndExtraData() throws Exception {
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN", new StringReader("1\ta\t1\n2\tb\n")))
        .isInstanceOfSatisfying(PSQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("22P04");
          assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("missing data for column \"qty\"");
          assertThat(e.getServerErrorMessage().getWhere()).isEqualTo("COPY t, line 2: \"2\tb\"");
        });
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN (FORMAT csv)", new StringReader("1,a,1,9\n")))
        .isInstanceOfSatisfying(PSQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("22P04");
          assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("extra data after last expected column");
        });
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN (FORMAT csv, HEADER match)",
        new StringReader("id,nom,qty\n1,a,1\n")))
        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getServerErrorMessage().getMessage())
            .isEqualTo("column name mismatch in header line field 2: got \"nom\", expected \"name\""));
    assertThat(count()).isZero();
    assertThat(copy.copyIn("COPY t FROM STDIN (FORMAT csv, HEADER match)", new StringReader("id,name,qty\n1,a,1\n")))
        .isEqualTo(1);
  }

  @Test
  void constraintsAndDefaults() throws Exception {
    assertThat(copy.copyIn("COPY t (id, name) FROM STDIN WITH CSV", new StringReader("1,a\n2,b\n"))).isEqualTo(2);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(qty) FROM t")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(14);
    }
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN WITH CSV", new StringReader("3,c,1\n1,dup,1\n")))
        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN WITH CSV", new StringReader("4,c,\n")))
        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23502"));
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void copyFailRollsBack() throws Exception {
    CopyIn in = copy.copyIn("COPY t FROM STDIN");
    byte[] data = "1\ta\t1\n".getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(data, 0, data.length);
    in.cancelCopy(); // CopyFail: pgjdbc expects (and swallows) the 57014 answer
    assertThat(in.isActive()).isFalse();
    assertThat(count()).isZero();
  }

  @Test
  void insideATransactionTheCopyJoinsIt() throws Exception {
    c.setAutoCommit(false);
    copy.copyIn("COPY t FROM STDIN", new StringReader("1\ta\t1\n"));
    c.rollback();
    assertThat(count()).isZero();
    copy.copyIn("COPY t FROM STDIN", new StringReader("2\tb\t2\n"));
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN", new StringReader("x\n")))
        .isInstanceOf(PSQLException.class);
    assertThatThrownBy(() -> count()).isInstanceOfSatisfying(PSQLException.class,
        e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
    c.rollback();
    c.setAutoCommit(true);
    assertThat(count()).isZero();
  }

  @Test
  void specialCharactersRoundTripInTextAndCsv() throws Exception {
    exec("CREATE TABLE s (id INTEGER, v TEXT)");
    String[] values = {"tab\there", "new\nline", "back\\slash", "quote\"d", "comma,s", "", null, "\\N", "cr\rx",
        "ünï©ødé"};
    try (var ps = c.prepareStatement("INSERT INTO s VALUES (?, ?)")) {
      for (int i = 0; i < values.length; i++) {
        ps.setInt(1, i);
        ps.setString(2, values[i]);
        ps.executeUpdate();
      }
    }
    for (String format : new String[] {"", " WITH (FORMAT csv)", " WITH CSV HEADER", " (FORMAT csv, NULL 'NIL')"}) {
      StringWriter out = new StringWriter();
      copy.copyOut("COPY s TO STDOUT" + format, out);
      exec("CREATE TABLE s2 (id INTEGER, v TEXT)");
      copy.copyIn("COPY s2 FROM STDIN" + format,
          new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, v FROM s2 ORDER BY id")) {
        for (int i = 0; i < values.length; i++) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(2)).as(format + " " + i).isEqualTo(values[i]);
        }
        assertThat(rs.next()).isFalse();
      }
      exec("DROP TABLE s2");
    }
    StringWriter csv = new StringWriter();
    copy.copyOut("COPY (SELECT v FROM s WHERE id IN (3, 5, 6) ORDER BY id) TO STDOUT (FORMAT csv)", csv);
    assertThat(csv.toString()).isEqualTo("\"quote\"\"d\"\n\"\"\n\n");
    StringWriter text = new StringWriter();
    copy.copyOut("COPY (SELECT v FROM s WHERE id IN (0, 1, 2, 6, 7) ORDER BY id) TO STDOUT", text);
    assertThat(text.toString()).isEqualTo("tab\\there\nnew\\nline\nback\\\\slash\n\\N\n\\\\N\n");
  }

  @Test
  void badStatementsAndOptions() throws SQLException {
    assertThatThrownBy(() -> copy.copyIn("COPY t (id, id) FROM STDIN", new StringReader("")))
        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getMessage())
            .contains("column \"id\" specified more than once"));
    try (var ps = c.prepareStatement("COPY t TO STDOUT")) {
      assertThatThrownBy(ps::execute).isInstanceOfSatisfying(PSQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
    }
    assertThatThrownBy(() -> copy.copyIn("COPY nope FROM STDIN", new StringReader("")))
        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN (FORMAT xml)", new StringReader("")))
        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"));
    assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN (QUOTE '\"')", new StringReader("")))
        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
    assertThatThrownBy(() -> copy.copyOut("COPY t TO '/tmp/out.txt'", new StringWriter()))
        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
  }
}
