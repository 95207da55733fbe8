package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER COLUMN, ADD / DROP / RENAME CONSTRAINT and ALTER INDEX through a Session: PostgreSQL's
 * error texts (the SQL tests in alter_table.slt check only SQLSTATEs), and altered tables across
 * a restart.
 */
class AlterTableTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session session;

  @BeforeEach
  void open() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    engine = SqlEngine.open(storage);
    session = engine.newSession();
  }

  @AfterEach
  void close() {
    session.close();
    engine.close();
    storage.close();
  }

  private void reopen() {
    close();
    open();
  }

  private String exec(String sql) {
    try (StatementResult r = session.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
      return r.commandTag();
    }
  }

  private List<List<Object>> query(String sql) {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult r = session.execute(sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private SqlException error(String sql) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> exec(sql));
    assertThat(t).as(sql).isInstanceOf(SqlException.class);
    return (SqlException) t;
  }

  private void fails(String sql, String state, String message) {
    assertThatThrownBy(() -> exec(sql)).isInstanceOfSatisfying(SqlException.class, e -> {
      assertThat(e.sqlState()).as(e.getMessage()).isEqualTo(state);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void errorsHavePostgresWording() {
    exec("CREATE TABLE t (id INT PRIMARY KEY, a INT, s TEXT, f BOOLEAN DEFAULT false)");
    exec("INSERT INTO t VALUES (1, NULL, 'x', true), (2, -1, 'x', false)");
    fails("ALTER TABLE t ALTER a SET NOT NULL", "23502", "column \"a\" of relation \"t\" contains null values");
    fails("ALTER TABLE t ALTER id DROP NOT NULL", "42P16", "column \"id\" is in a primary key");
    fails("ALTER TABLE t ALTER zz TYPE INT", "42703", "column \"zz\" of relation \"t\" does not exist");
    SqlException e = error("ALTER TABLE t ALTER s TYPE INTEGER");
    assertThat(e.sqlState()).isEqualTo("42804");
    assertThat(e.getMessage()).isEqualTo("column \"s\" cannot be cast automatically to type integer");
    assertThat(e.hint()).isEqualTo("You might need to specify \"USING s::integer\".");
    e = error("ALTER TABLE t ALTER a TYPE BOOLEAN USING a * 2");
    assertThat(e.getMessage())
        .isEqualTo("result of USING clause for column \"a\" cannot be cast automatically to type boolean");
    fails("ALTER TABLE t ALTER s TYPE INTEGER USING s::integer", "22P02",
        "invalid input syntax for type integer: \"x\"");
    fails("ALTER TABLE t ALTER f TYPE DATE USING DATE '2024-01-01'", "42804",
        "default for column \"f\" cannot be cast automatically to type date");
    fails("ALTER TABLE t ALTER a SET DEFAULT true", "42804",
        "column \"a\" is of type integer but default expression is of type boolean");
    fails("ALTER TABLE t ADD CONSTRAINT pos CHECK (a > 0)", "23514",
        "check constraint \"pos\" of relation \"t\" is violated by some row");
    fails("ALTER TABLE t ADD CHECK (a)", "42804", "argument of CHECK must be type boolean, not type integer");
    e = error("ALTER TABLE t ADD UNIQUE (s)");
    assertThat(e.sqlState()).isEqualTo("23505");
    assertThat(e.getMessage()).isEqualTo("could not create unique index \"t_s_key\"");
    assertThat(e.detail()).isEqualTo("Key (s)=(x) is duplicated.");
    fails("ALTER TABLE t ADD PRIMARY KEY (a)", "42P16", "multiple primary keys for table \"t\" are not allowed");
    fails("ALTER TABLE t ADD UNIQUE (a, a)", "42701", "column \"a\" appears twice in unique constraint");
    fails("ALTER TABLE t ADD UNIQUE (zz)", "42703", "column \"zz\" named in key does not exist");
    fails("ALTER TABLE t DROP CONSTRAINT nope", "42704", "constraint \"nope\" of relation \"t\" does not exist");
    fails("ALTER TABLE t ADD CONSTRAINT t_pkey CHECK (a > 0)", "42710",
        "constraint \"t_pkey\" for relation \"t\" already exists");
    fails("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES t (id)", "0A000", "FOREIGN KEY constraints are not supported yet");
    exec("CREATE VIEW v AS SELECT a FROM t");
    e = error("ALTER TABLE t ALTER a TYPE BIGINT");
    assertThat(e.sqlState()).isEqualTo("0A000");
    assertThat(e.getMessage()).isEqualTo("cannot alter type of a column used by a view or rule");
    assertThat(e.detail()).isEqualTo("rule _RETURN on view v depends on column \"a\"");
    fails("ALTER INDEX nope RENAME TO x", "42P01", "relation \"nope\" does not exist");
    fails("ALTER INDEX t_pkey RENAME TO v", "42P07", "relation \"v\" already exists");
    // nothing above changed the table
    assertThat(query("SELECT id, a, s, f FROM t ORDER BY id"))
        .containsExactly(row(1, null, "x", true), row(2, -1, "x", false));
    exec("INSERT INTO t VALUES (3, NULL, 'x', NULL)");
  }

  @Test
  void unnamedConstraintsGetPostgresNames() {
    exec("CREATE TABLE t (a INT, b INT)");
    exec("ALTER TABLE t ADD CHECK (a > 0), ADD CHECK (a < b), ADD CHECK (a > -5), ADD UNIQUE (a, b), ADD PRIMARY KEY (b)");
    fails("INSERT INTO t VALUES (0, 1)", "23514", "new row for relation \"t\" violates check constraint \"t_a_check\"");
    fails("INSERT INTO t VALUES (2, 1)", "23514", "new row for relation \"t\" violates check constraint \"t_check\"");
    exec("ALTER TABLE t DROP CONSTRAINT t_a_check1, DROP CONSTRAINT t_a_b_key, DROP CONSTRAINT t_pkey");
    // CREATE TABLE names them the same way, and keeps the names given
    exec("CREATE TABLE n (a INT CONSTRAINT n_pk PRIMARY KEY, b INT CONSTRAINT b_u UNIQUE CHECK (b > 0), c INT,"
        + " CONSTRAINT c_u UNIQUE (c), CHECK (c > 0), CHECK (b < c), UNIQUE (b), UNIQUE (b))");
    exec("ALTER TABLE n DROP CONSTRAINT n_pk, DROP CONSTRAINT b_u, DROP CONSTRAINT c_u, DROP CONSTRAINT n_b_check,"
        + " DROP CONSTRAINT n_c_check, DROP CONSTRAINT n_check, DROP CONSTRAINT n_b_key, DROP CONSTRAINT n_b_key1");
  }

  @Test
  void typeChangeRewritesRowsAndIndexesAndSurvivesRestart() {
    exec("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT, n NUMERIC(6,2))");
    exec("CREATE INDEX t_v ON t (v)");
    exec("INSERT INTO t VALUES ('1', '100', 1.25), ('2', '200', 2.5), ('10', '1000', 10)");
    exec("ALTER TABLE t ALTER k TYPE BIGINT USING k::bigint, ALTER v TYPE INT USING v::int + 1, ALTER n TYPE INT");
    reopen();
    assertThat(query("SELECT k, v, n FROM t")).containsExactly(row(1L, 101, 1), row(2L, 201, 3), row(10L, 1001, 10));
    assertThat(query("EXPLAIN SELECT k FROM t WHERE v = 201")).anySatisfy(l ->
        assertThat(l.get(0).toString()).containsPattern("Index (Only )?Scan using t_v on t"));
    assertThat(query("SELECT k FROM t WHERE v = 201")).containsExactly(row(2L));
    assertThat(query("SELECT v FROM t WHERE k = 10")).containsExactly(row(1001));
    exec("UPDATE t SET v = 5 WHERE k = 1");
    assertThat(query("SELECT k FROM t WHERE v = 5")).containsExactly(row(1L));
    assertThat(query("SELECT k FROM t WHERE v = 101")).isEmpty();
    fails("INSERT INTO t VALUES (2, 0, 0)", "23505", "duplicate key value violates unique constraint \"t_pkey\"");
  }

  @Test
  void primaryKeysAddedAndDroppedSurviveRestart() {
    exec("CREATE TABLE t (a INT, b TEXT)");
    exec("CREATE INDEX t_b ON t (b)");
    exec("INSERT INTO t VALUES (2, 'two'), (1, 'one')");
    exec("ALTER TABLE t ADD CONSTRAINT t_key PRIMARY KEY (a)");
    reopen();
    assertThat(query("SELECT a, b FROM t")).containsExactly(row(1, "one"), row(2, "two"));
    assertThat(query("SELECT a FROM t WHERE b = 'two'")).containsExactly(row(2));
    fails("INSERT INTO t VALUES (1, 'x')", "23505", "duplicate key value violates unique constraint \"t_key\"");
    exec("ALTER TABLE t DROP CONSTRAINT t_key");
    reopen();
    exec("INSERT INTO t VALUES (1, 'x')");
    assertThat(query("SELECT a, b FROM t ORDER BY b")).containsExactly(row(1, "one"), row(2, "two"), row(1, "x"));
    assertThat(query("SELECT a FROM t WHERE b = 'x'")).containsExactly(row(1));
    assertThat(exec("DELETE FROM t WHERE a = 1")).isEqualTo("DELETE 2");
    assertThat(query("SELECT a, b FROM t")).containsExactly(row(2, "two"));
  }

  @Test
  void constraintsAndRenamesSurviveRestart() {
    exec("CREATE TABLE t (id INT PRIMARY KEY, a INT, b NUMERIC(4,1))");
    exec("CREATE INDEX t_a ON t (a)");
    exec("INSERT INTO t VALUES (1, 1, 1.5), (2, 2, NULL)");
    exec("ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0), ADD UNIQUE (a), ALTER b SET DEFAULT 9.5,"
        + " ALTER a SET NOT NULL");
    exec("ALTER TABLE t RENAME CONSTRAINT a_pos TO a_positive");
    exec("ALTER INDEX t_a RENAME TO t_a_plain");
    exec("ALTER INDEX t_a_key RENAME TO t_a_unique");
    reopen();
    fails("INSERT INTO t VALUES (3, -1, 0)", "23514",
        "new row for relation \"t\" violates check constraint \"a_positive\"");
    fails("INSERT INTO t VALUES (3, 1, 0)", "23505", "duplicate key value violates unique constraint \"t_a_unique\"");
    assertThat(error("INSERT INTO t (id) VALUES (3)").sqlState()).isEqualTo("23502");
    exec("INSERT INTO t (id, a) VALUES (3, 3)");
    assertThat(query("SELECT b FROM t WHERE id = 3")).containsExactly(row(new BigDecimal("9.5")));
    exec("DROP INDEX t_a_plain");
    fails("DROP INDEX t_a_unique", "2BP01",
        "cannot drop index t_a_unique because constraint t_a_unique on table t requires it");
    exec("ALTER TABLE t DROP CONSTRAINT t_a_unique, DROP CONSTRAINT a_positive, ALTER a DROP NOT NULL");
    reopen();
    exec("INSERT INTO t VALUES (4, -1, 0), (5, -1, 0), (6, NULL, 0)");
    assertThat(query("SELECT count(*) FROM t WHERE a = -1")).containsExactly(row(2L));
  }

  @Test
  void volatileDefaultGivesEachRowItsOwnValue() {
    exec("CREATE TABLE t (id INT PRIMARY KEY)");
    exec("INSERT INTO t VALUES (1), (2), (3), (4), (5), (6), (7), (8)");
    exec("ALTER TABLE t ADD COLUMN r DOUBLE PRECISION DEFAULT rand()");
    reopen();
    assertThat(query("SELECT count(DISTINCT r) FROM t").get(0).get(0)).isNotEqualTo(1L);
    assertThat(query("SELECT count(*) FROM t WHERE r >= 0 AND r < 1")).containsExactly(row(8L));
  }
}
