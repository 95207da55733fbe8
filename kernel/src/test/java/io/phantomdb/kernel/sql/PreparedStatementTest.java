package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
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

/** Prepared statements with parameters, and plans shared by statements differing in literals. */
class PreparedStatementTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session session;

  @BeforeEach
  void open() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    engine = SqlEngine.open(storage);
    session = engine.newSession();
    exec("CREATE TABLE acct (id INT PRIMARY KEY, owner TEXT NOT NULL, balance NUMERIC(10,2), opened DATE)");
    exec("INSERT INTO acct VALUES (1, 'ann', 10.50, '2024-01-02'), (2, 'bob', 20, '2024-03-04')");
  }

  @AfterEach
  void close() {
    session.close();
    engine.close();
    storage.close();
  }

  private String exec(String sql) {
    try (StatementResult r = session.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
      return r.commandTag();
    }
  }

  private static List<List<Object>> rows(StatementResult r) {
    List<List<Object>> rows = new ArrayList<>();
    try (r) {
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  @Test
  void parameterTypesAreInferredFromWhereTheyAreUsed() {
    PreparedStatement p = session.prepare("SELECT owner, balance FROM acct WHERE id = $1 AND opened > $2");
    assertThat(p.parameterTypes()).extracting(DataType::kind).containsExactly(TypeKind.INTEGER, TypeKind.DATE);
    assertThat(p.columns()).extracting(ColumnInfo::name).containsExactly("owner", "balance");
    assertThat(rows(p.execute(1, "2023-12-31"))).containsExactly(List.of("ann", new BigDecimal("10.50")));
    assertThat(rows(p.execute(2, java.time.LocalDate.of(2025, 1, 1)))).isEmpty();
    assertThat(rows(p.execute(null, "2020-01-01"))).isEmpty();
  }

  @Test
  void declaredTypesWinAndUnknownOnesAreText() {
    PreparedStatement p = session.prepare("SELECT $1, $2 + 1", Arrays.asList(null, DataType.of(TypeKind.BIGINT)));
    assertThat(p.parameterTypes()).extracting(DataType::kind).containsExactly(TypeKind.TEXT, TypeKind.BIGINT);
    assertThat(rows(p.execute("x", "41"))).containsExactly(List.of("x", 42L));
  }

  @Test
  void dmlWithParametersCommitsAndCounts() {
    PreparedStatement ins = session.prepare("INSERT INTO acct (id, owner, balance) VALUES ($1, $2, $3)");
    assertThat(ins.columns()).isEmpty();
    for (int i = 3; i < 13; i++) {
      try (StatementResult r = ins.execute(i, "user" + i, "1.005")) {
        assertThat(r.commandTag()).isEqualTo("INSERT 0 1");
      }
    }
    PreparedStatement upd = session.prepare("UPDATE acct SET balance = balance + $1 WHERE id = $2");
    try (StatementResult r = upd.execute(new BigDecimal("1"), 3)) {
      assertThat(r.commandTag()).isEqualTo("UPDATE 1");
    }
    assertThat(rows(session.execute("SELECT balance FROM acct WHERE id = 3"))).containsExactly(List.of(new BigDecimal("2.01")));
    assertThatThrownBy(() -> ins.execute(3, "dup", null)).isInstanceOf(SqlException.class)
        .hasFieldOrPropertyWithValue("sqlState", "23505");
    assertThatThrownBy(() -> ins.execute(99, null, null)).hasFieldOrPropertyWithValue("sqlState", "23502");
  }

  @Test
  void badParameterValuesAndCountsAreClientErrors() {
    PreparedStatement p = session.prepare("SELECT owner FROM acct WHERE id = $1");
    assertThatThrownBy(() -> p.execute("one")).hasFieldOrPropertyWithValue("sqlState", "22P02");
    assertThatThrownBy(() -> p.execute(1, 2)).hasFieldOrPropertyWithValue("sqlState", "08P01");
    assertThatThrownBy(() -> p.execute()).hasFieldOrPropertyWithValue("sqlState", "08P01");
    assertThatThrownBy(() -> session.prepare("SELECT $2")).hasFieldOrPropertyWithValue("sqlState", "42P18");
    assertThatThrownBy(() -> session.execute("SELECT owner FROM acct WHERE id = $1"))
        .hasFieldOrPropertyWithValue("sqlState", "42P02");
    assertThatThrownBy(() -> session.prepare("SELEC 1")).hasFieldOrPropertyWithValue("sqlState", "42601");
    assertThat(rows(p.execute("2"))).containsExactly(List.of("bob"));
  }

  @Test
  void aCatalogChangeReplansAndAChangedResultIsRefused() {
    PreparedStatement p = session.prepare("SELECT * FROM acct WHERE id = $1");
    PreparedStatement q = session.prepare("SELECT owner FROM acct WHERE id = $1");
    exec("CREATE INDEX acct_owner ON acct (owner)");
    assertThat(rows(q.execute(1))).containsExactly(List.of("ann"));
    exec("ALTER TABLE acct ADD COLUMN note TEXT");
    assertThat(rows(q.execute(2))).containsExactly(List.of("bob"));
    assertThatThrownBy(() -> p.execute(1)).hasFieldOrPropertyWithValue("sqlState", "0A000")
        .hasMessageContaining("cached plan must not change result type");
    exec("DROP TABLE acct");
    assertThatThrownBy(() -> q.execute(1)).hasFieldOrPropertyWithValue("sqlState", "42P01");
  }

  @Test
  void unnamedColumnsGetPostgresNames() {
    try (StatementResult r = session.execute("SELECT count(*), upper(owner), 1, id::text, now() AS t FROM acct GROUP BY owner, id")) {
      assertThat(r.columns()).extracting(ColumnInfo::name).containsExactly("count", "upper", "?column?", "id", "t");
    }
    PreparedStatement p = session.prepare("SELECT max(balance), $1::int FROM acct");
    assertThat(p.columns()).extracting(ColumnInfo::name).containsExactly("max", "int4");
  }

  @Test
  void utilityStatementsCanBePreparedToo() {
    PreparedStatement p = session.prepare("CREATE TABLE t2 (a INT)");
    assertThat(p.parameterTypes()).isEmpty();
    try (StatementResult r = p.execute()) {
      assertThat(r.commandTag()).isEqualTo("CREATE TABLE");
    }
    assertThat(exec("INSERT INTO t2 VALUES (1)")).isEqualTo("INSERT 0 1");
  }

  @Test
  void literalsBecomeParametersWithTheirOwnTypes() {
    // the same shape with different constants: one plan, and each constant's type kept
    for (int i = 0; i < 5; i++) {
      assertThat(rows(session.execute("SELECT id FROM acct WHERE balance > " + (5 + i) + ".5 ORDER BY 1")))
          .containsExactly(List.of(1), List.of(2));
    }
    // an integer column compared with a non-integer constant must not round it
    assertThat(rows(session.execute("SELECT id FROM acct WHERE id = 1.5"))).isEmpty();
    assertThat(rows(session.execute("SELECT id FROM acct WHERE id = 1.0"))).containsExactly(List.of(1));
    assertThat(exec("UPDATE acct SET owner = 'z' WHERE id = 1.5")).isEqualTo("UPDATE 0");
    assertThat(exec("DELETE FROM acct WHERE id = 2.5")).isEqualTo("DELETE 0");
    assertThat(rows(session.execute("UPDATE acct SET owner = 'y' WHERE id = 2.0 RETURNING id, owner")))
        .containsExactly(List.of(2, "y"));
    // a constant assigned to a column takes the column's type (rounded as an assignment)
    exec("INSERT INTO acct (id, owner, balance) VALUES (3, 'cat', 1.005)");
    assertThat(rows(session.execute("SELECT balance FROM acct WHERE id = 3"))).containsExactly(List.of(new BigDecimal("1.01")));
    exec("UPDATE acct SET balance = 7 WHERE id = 3");
    assertThat(rows(session.execute("SELECT balance FROM acct WHERE id = 3"))).containsExactly(List.of(new BigDecimal("7.00")));
    // positions in ORDER BY and GROUP BY stay positions
    assertThat(rows(session.execute("SELECT owner, COUNT(*) FROM acct GROUP BY 1 ORDER BY 1 DESC LIMIT 1")))
        .containsExactly(List.of("y", 1L));
    assertThat(rows(session.execute("SELECT 'x' || owner FROM acct WHERE opened = '2024-03-04'")))
        .containsExactly(List.of("xy"));
  }
}
