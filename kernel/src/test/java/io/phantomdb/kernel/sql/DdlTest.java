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

/** ALTER TABLE, TRUNCATE and schema DDL through a Session, on the reference storage engine. */
class DdlTest {
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

  private void fails(String sql, String state, String message) {
    assertThatThrownBy(() -> exec(sql))
        .isInstanceOfSatisfying(SqlException.class, e -> {
          assertThat(e.sqlState()).as(e.getMessage()).isEqualTo(state);
          if (message != null) {
            assertThat(e.getMessage()).isEqualTo(message);
          }
        });
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void addColumnWithAndWithoutDefault() {
    exec("CREATE TABLE t (id INT PRIMARY KEY, a TEXT)");
    exec("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
    assertThat(exec("ALTER TABLE t ADD COLUMN n INT")).isEqualTo("ALTER TABLE");
    assertThat(exec("ALTER TABLE t ADD d NUMERIC(5,2) NOT NULL DEFAULT 1.5")).isEqualTo("ALTER TABLE");
    exec("ALTER TABLE t ADD COLUMN s VARCHAR(10) DEFAULT 'a' || 'b'");
    exec("INSERT INTO t (id, a) VALUES (3, 'z')");
    exec("INSERT INTO t VALUES (4, 'w', 7, 2.25, 'q')");
    List<List<Object>> expected = List.of(
        row(1, "x", null, new BigDecimal("1.50"), "ab"),
        row(2, "y", null, new BigDecimal("1.50"), "ab"),
        row(3, "z", null, new BigDecimal("1.50"), "ab"),
        row(4, "w", 7, new BigDecimal("2.25"), "q"));
    assertThat(query("SELECT * FROM t ORDER BY id")).containsExactlyElementsOf(expected);
    exec("UPDATE t SET n = 5 WHERE id = 1");
    assertThat(query("SELECT n, d FROM t WHERE id = 1")).containsExactly(row(5, new BigDecimal("1.50")));
    reopen();
    assertThat(query("SELECT id, n, d, s FROM t WHERE id = 2")).containsExactly(row(2, null, new BigDecimal("1.50"), "ab"));
    assertThat(query("SELECT COUNT(*) FROM t WHERE d = 1.5")).containsExactly(row(3L));
    assertThat(exec("ALTER TABLE t ADD COLUMN IF NOT EXISTS n INT")).isEqualTo("ALTER TABLE");
    fails("ALTER TABLE t ADD COLUMN n INT", "42701", "column \"n\" of relation \"t\" already exists");
    fails("ALTER TABLE t ADD COLUMN m INT NOT NULL", "23502", "column \"m\" of relation \"t\" contains null values");
    exec("ALTER TABLE t ADD COLUMN r DOUBLE PRECISION DEFAULT rand()"); // each row gets its own value
    assertThat(query("SELECT COUNT(*) FROM t WHERE r >= 0 AND r < 1")).containsExactly(row(4L));
    exec("ALTER TABLE t ADD COLUMN u INT UNIQUE");
    exec("ALTER TABLE t ADD COLUMN added TIMESTAMP DEFAULT CURRENT_TIMESTAMP");
    assertThat(query("SELECT COUNT(DISTINCT added) FROM t")).containsExactly(row(1L));
    fails("ALTER TABLE nope ADD COLUMN u INT", "42P01", "relation \"nope\" does not exist");
    assertThat(exec("ALTER TABLE IF EXISTS nope ADD COLUMN u INT")).isEqualTo("ALTER TABLE");
    assertThat(query("SELECT COUNT(*) FROM t")).containsExactly(row(4L));
  }

  @Test
  void notNullColumnOnEmptyTableAndTableWithoutPrimaryKey() {
    exec("CREATE TABLE e (a INT)");
    exec("ALTER TABLE e ADD COLUMN b INT NOT NULL");
    fails("INSERT INTO e (a) VALUES (1)", "23502", null);
    exec("INSERT INTO e VALUES (1, 2)");
    exec("ALTER TABLE e ADD COLUMN c TEXT DEFAULT 'k'");
    exec("INSERT INTO e (a, b) VALUES (3, 4)");
    exec("DELETE FROM e WHERE a = 1");
    assertThat(query("SELECT * FROM e")).containsExactly(row(3, 4, "k"));
  }

  @Test
  void dropColumnKeepsOtherDataAndDropsItsIndexesAndChecks() {
    exec("CREATE TABLE t (id INT PRIMARY KEY, a INT CHECK (a > 0), b TEXT UNIQUE, c INT)");
    exec("CREATE INDEX t_a_idx ON t (a)");
    exec("CREATE INDEX t_c_idx ON t (c)");
    exec("INSERT INTO t VALUES (1, 10, 'x', 100), (2, 20, 'y', 200)");
    assertThat(exec("ALTER TABLE t DROP COLUMN a")).isEqualTo("ALTER TABLE");
    exec("ALTER TABLE t DROP b");
    assertThat(query("SELECT * FROM t ORDER BY id")).containsExactly(row(1, 100), row(2, 200));
    exec("INSERT INTO t VALUES (3, 300)");
    // the index names are free again, the CHECK on a is gone
    exec("CREATE INDEX t_a_idx ON t (c)");
    exec("ALTER TABLE t ADD COLUMN a INT");
    exec("INSERT INTO t VALUES (4, 400, -1)");
    reopen();
    assertThat(query("SELECT * FROM t ORDER BY id"))
        .containsExactly(row(1, 100, null), row(2, 200, null), row(3, 300, null), row(4, 400, -1));
    exec("UPDATE t SET c = c + 1 WHERE id = 2");
    assertThat(query("SELECT c FROM t WHERE c > 200")).containsExactlyInAnyOrder(row(201), row(300), row(400));
    assertThat(exec("ALTER TABLE t DROP COLUMN IF EXISTS zz")).isEqualTo("ALTER TABLE");
    fails("ALTER TABLE t DROP COLUMN zz", "42703", "column \"zz\" of relation \"t\" does not exist");
    exec("ALTER TABLE t DROP COLUMN id"); // and with it the primary key
    assertThat(query("SELECT * FROM t ORDER BY c")).containsExactly(row(100, null), row(201, null), row(300, null), row(400, -1));
    exec("CREATE TABLE single (x INT)");
    fails("ALTER TABLE single DROP COLUMN x", "0A000", null);
  }

  @Test
  void dropColumnDeletesIndexEntries() {
    exec("CREATE TABLE t (id INT PRIMARY KEY, a INT)");
    exec("CREATE UNIQUE INDEX t_a ON t (a)");
    exec("INSERT INTO t VALUES (1, 1), (2, 2)");
    long before = dataKeys();
    exec("ALTER TABLE t DROP COLUMN a");
    assertThat(dataKeys()).isEqualTo(before - 2);
  }

  private long dataKeys() {
    var ks = storage.createKeyspace(SqlEngine.DATA_KEYSPACE);
    long n = 0;
    try (var c = storage.scan(ks, io.phantomdb.spi.storage.KeyRange.all(), io.phantomdb.spi.storage.ScanOrder.FORWARD)) {
      while (c.next()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void renames() {
    exec("CREATE TABLE t (id INT PRIMARY KEY, a INT CHECK (a > 0), b INT)");
    exec("INSERT INTO t VALUES (1, 5, 6)");
    exec("ALTER TABLE t RENAME COLUMN a TO z");
    exec("ALTER TABLE t RENAME b TO y");
    assertThat(query("SELECT z, y FROM t")).containsExactly(row(5, 6));
    fails("INSERT INTO t VALUES (2, -1, 0)", "23514", null);
    fails("ALTER TABLE t RENAME COLUMN q TO r", "42703", "column \"q\" does not exist");
    fails("ALTER TABLE t RENAME COLUMN z TO y", "42701", "column \"y\" of relation \"t\" already exists");
    exec("ALTER TABLE t RENAME TO u");
    fails("SELECT * FROM t", "42P01", null);
    exec("CREATE TABLE other (x INT)");
    fails("ALTER TABLE u RENAME TO other", "42P07", "relation \"other\" already exists");
    reopen();
    assertThat(query("SELECT id, z, y FROM u")).containsExactly(row(1, 5, 6));
    exec("CREATE VIEW v AS SELECT z FROM u");
    fails("ALTER TABLE u RENAME COLUMN z TO w", "2BP01", null);
    fails("ALTER TABLE u DROP COLUMN z", "2BP01", null);
    fails("ALTER TABLE u RENAME TO w", "2BP01", null);
    exec("ALTER TABLE u RENAME COLUMN y TO w");
    assertThat(query("SELECT * FROM v")).containsExactly(row(5));
  }

  @Test
  void severalActionsAreOneChange() {
    exec("CREATE TABLE t (id INT PRIMARY KEY, a INT)");
    exec("INSERT INTO t VALUES (1, 2)");
    exec("ALTER TABLE t ADD COLUMN b INT DEFAULT 3, DROP COLUMN a");
    assertThat(query("SELECT * FROM t")).containsExactly(row(1, 3));
    fails("ALTER TABLE t ADD COLUMN d INT, DROP COLUMN nope", "42703", null);
    assertThat(query("SELECT * FROM t")).containsExactly(row(1, 3));
  }

  @Test
  void truncate() {
    exec("CREATE TABLE t (id INT PRIMARY KEY, a TEXT UNIQUE)");
    exec("CREATE TABLE h (x INT)");
    exec("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    exec("INSERT INTO h VALUES (1), (2)");
    assertThat(exec("TRUNCATE TABLE t, h")).isEqualTo("TRUNCATE TABLE");
    assertThat(query("SELECT COUNT(*) FROM t")).containsExactly(row(0L));
    assertThat(query("SELECT COUNT(*) FROM h")).containsExactly(row(0L));
    assertThat(dataKeys()).isLessThanOrEqualTo(2); // at most the engine's last-commit and last-applied keys
    exec("INSERT INTO t VALUES (1, 'a')"); // the unique index is empty too
    exec("INSERT INTO h VALUES (3)");
    exec("TRUNCATE h");
    reopen();
    assertThat(query("SELECT * FROM t")).containsExactly(row(1, "a"));
    assertThat(query("SELECT * FROM h")).isEmpty();
    fails("TRUNCATE nope", "42P01", "relation \"nope\" does not exist");
    exec("CREATE VIEW v AS SELECT * FROM t");
    fails("TRUNCATE v", "42809", "\"v\" is not a table");
  }

  @Test
  void schemas() {
    assertThat(exec("CREATE SCHEMA s")).isEqualTo("CREATE SCHEMA");
    fails("CREATE SCHEMA s", "42P06", "schema \"s\" already exists");
    assertThat(exec("CREATE SCHEMA IF NOT EXISTS s")).isEqualTo("CREATE SCHEMA");
    exec("CREATE TABLE s.t (id INT PRIMARY KEY, a TEXT)");
    exec("CREATE TABLE t (id INT PRIMARY KEY)");
    exec("INSERT INTO s.t VALUES (1, 'in s')");
    exec("INSERT INTO t VALUES (2)");
    assertThat(query("SELECT a FROM s.t")).containsExactly(row("in s"));
    assertThat(query("SELECT x.id, p.id FROM s.t x, public.t p")).containsExactly(row(1, 2));
    exec("ALTER TABLE s.t ADD COLUMN b INT DEFAULT 9");
    exec("CREATE VIEW s.v AS SELECT a, b FROM s.t");
    reopen();
    assertThat(query("SELECT * FROM s.v")).containsExactly(row("in s", 9));
    fails("DROP SCHEMA s", "2BP01", "cannot drop schema s because other objects depend on it");
    fails("DROP SCHEMA s RESTRICT", "2BP01", null);
    fails("DROP SCHEMA nope", "3F000", "schema \"nope\" does not exist");
    assertThat(exec("DROP SCHEMA IF EXISTS nope")).isEqualTo("DROP SCHEMA");
    long before = dataKeys();
    assertThat(exec("DROP SCHEMA s CASCADE")).isEqualTo("DROP SCHEMA");
    assertThat(dataKeys()).isEqualTo(before - 1);
    fails("SELECT * FROM s.t", "42P01", null);
    fails("CREATE TABLE s.t (a INT)", "3F000", null);
    exec("CREATE SCHEMA s");
    exec("CREATE TABLE s.t (a INT)");
    assertThat(query("SELECT * FROM s.t")).isEmpty();
    exec("CREATE SCHEMA e");
    assertThat(exec("DROP SCHEMA e")).isEqualTo("DROP SCHEMA");
    assertThat(query("SELECT * FROM t")).containsExactly(row(2));
  }
}
