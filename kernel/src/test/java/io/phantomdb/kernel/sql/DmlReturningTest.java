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

/**
 * What sqllogictest files cannot check about DML with PostgreSQL's clauses: the result metadata
 * of RETURNING (column names and types, command tag, row count), EXPLAIN [ANALYZE] of DML, and
 * that what ON CONFLICT and RETURNING statements wrote survives a restart.
 */
class DmlReturningTest {
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

  /** A statement's whole outcome: columns, rows, tag, count. */
  private record Outcome(List<ColumnInfo> columns, List<List<Object>> rows, String tag, long count) {
    List<String> names() {
      return columns.stream().map(ColumnInfo::name).toList();
    }
  }

  private Outcome run(String sql) {
    try (StatementResult r = session.execute(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(Arrays.asList(row));
      }
      return new Outcome(r.columns(), rows, r.commandTag(), r.rowCount());
    }
  }

  private void schema() {
    run("CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, qty INTEGER DEFAULT 10,"
        + " price NUMERIC(8,2))");
  }

  @Test
  void returningColumnsAreNamedAndTypedAsPostgresNamesThem() {
    schema();
    Outcome o = run("INSERT INTO item (id, name, price) VALUES (1, 'apple', 1.5) RETURNING *, qty + 1,"
        + " qty AS q, upper(name), price::integer, '7'::bigint, CASE WHEN qty > 1 THEN 1 END, item.id");
    assertThat(o.names()).containsExactly("id", "name", "qty", "price", "?column?", "q", "upper", "price", "int8",
        "case", "id");
    assertThat(o.columns().get(0).type()).isEqualTo(new DataType(TypeKind.INTEGER, 0, 0, false));
    assertThat(o.columns().get(1).type().kind()).isEqualTo(TypeKind.VARCHAR);
    assertThat(o.columns().get(1).type().precision()).isEqualTo(20);
    assertThat(o.columns().get(3).type()).isEqualTo(DataType.of(TypeKind.NUMERIC, 8, 2));
    assertThat(o.columns().get(4).type().kind()).isEqualTo(TypeKind.INTEGER);
    assertThat(o.columns().get(7).type().kind()).isEqualTo(TypeKind.INTEGER);
    assertThat(o.columns().get(8).type().kind()).isEqualTo(TypeKind.BIGINT);
    assertThat(o.rows()).containsExactly(
        List.of(1, "apple", 10, new BigDecimal("1.50"), 11, 10, "APPLE", 2, 7L, 1, 1));
    assertThat(o.tag()).isEqualTo("INSERT 0 1");
    assertThat(o.count()).isEqualTo(1);
  }

  @Test
  void updateAndDeleteReturningKeepTheirTagsAndCounts() {
    schema();
    run("INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    Outcome u = run("UPDATE item SET qty = qty * 2 WHERE id >= 2 RETURNING id AS key, qty");
    assertThat(u.names()).containsExactly("key", "qty");
    assertThat(u.rows()).containsExactlyInAnyOrder(List.of(2, 20), List.of(3, 20));
    assertThat(u.tag()).isEqualTo("UPDATE 2");
    assertThat(u.count()).isEqualTo(2);
    Outcome d = run("DELETE FROM item WHERE id = 3 RETURNING name");
    assertThat(d.names()).containsExactly("name");
    assertThat(d.rows()).containsExactly(List.of("c"));
    assertThat(d.tag()).isEqualTo("DELETE 1");
    Outcome none = run("DELETE FROM item WHERE id = 3 RETURNING name");
    assertThat(none.names()).containsExactly("name");
    assertThat(none.rows()).isEmpty();
    assertThat(none.tag()).isEqualTo("DELETE 0");
  }

  @Test
  void withoutReturningThereAreNoColumns() {
    schema();
    Outcome o = run("INSERT INTO item (id, name) VALUES (1, 'a') ON CONFLICT DO NOTHING");
    assertThat(o.columns()).isEmpty();
    assertThat(o.tag()).isEqualTo("INSERT 0 1");
    assertThat(run("INSERT INTO item (id, name) VALUES (1, 'a') ON CONFLICT DO NOTHING").tag())
        .isEqualTo("INSERT 0 0");
  }

  @Test
  void onConflictCountsInsertedAndUpdatedRowsAndSurvivesRestart() {
    schema();
    run("INSERT INTO item (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 2)");
    Outcome o = run("INSERT INTO item (id, name, qty) VALUES (1, 'a', 5), (2, 'b', 5), (3, 'c', 5)"
        + " ON CONFLICT (id) DO UPDATE SET qty = item.qty + excluded.qty WHERE item.id = 1 RETURNING id, qty");
    assertThat(o.rows()).containsExactly(List.of(1, 6), List.of(3, 5));
    assertThat(o.tag()).isEqualTo("INSERT 0 2");
    reopen();
    assertThat(run("SELECT id, qty FROM item ORDER BY id").rows())
        .containsExactly(List.of(1, 6), List.of(2, 2), List.of(3, 5));
  }

  @Test
  void explainOfDmlShowsTheModifyNodeAndConflictClause() {
    schema();
    List<String> plan = lines(run("EXPLAIN INSERT INTO item (id, name) VALUES (1, 'a')"
        + " ON CONFLICT (id) DO UPDATE SET qty = excluded.qty WHERE item.qty < 3"));
    assertThat(plan.get(0)).isEqualTo("Insert on item");
    assertThat(plan.subList(1, 4)).containsExactly("  Conflict Resolution: UPDATE",
        "  Conflict Arbiter Indexes: item_pkey", "  Conflict Filter: <($2, 3)");
    assertThat(plan.get(4)).startsWith("  ->  ");
    assertThat(lines(run("EXPLAIN UPDATE item SET qty = 1 WHERE id = 1")).get(0)).isEqualTo("Update on item");
    assertThat(run("SELECT COUNT(*) FROM item").rows()).containsExactly(List.of(0L));
  }

  @Test
  void explainAnalyzeOfDmlRunsItAndCountsActualRows() {
    schema();
    run("INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b')");
    List<String> plan = lines(run("EXPLAIN ANALYZE INSERT INTO item (id, name) VALUES (2, 'b'), (3, 'c')"
        + " ON CONFLICT DO NOTHING"));
    assertThat(plan.get(0)).startsWith("Insert on item  (actual time=").endsWith("rows=0 loops=1)");
    assertThat(plan).contains("  Conflict Resolution: NOTHING", "  Tuples Inserted: 1", "  Conflicting Tuples: 1");
    assertThat(plan).noneMatch(l -> l.startsWith("  Conflict Arbiter Indexes"));
    assertThat(plan.get(plan.size() - 1)).startsWith("Execution Time: ");
    assertThat(run("SELECT COUNT(*) FROM item").rows()).containsExactly(List.of(3L));

    plan = lines(run("EXPLAIN ANALYZE DELETE FROM item WHERE id >= 2 RETURNING id"));
    assertThat(plan.get(0)).startsWith("Delete on item  (actual time=").endsWith("rows=2 loops=1)");
    assertThat(plan.get(1)).contains("rows=2 loops=1");
    assertThat(run("SELECT id FROM item").rows()).containsExactly(List.of(1));
  }

  @Test
  void explainAnalyzeOfAFailingDmlChangesNothing() {
    schema();
    run("INSERT INTO item (id, name) VALUES (1, 'a')");
    assertThatThrownBy(() -> run("EXPLAIN ANALYZE INSERT INTO item (id, name) VALUES (2, 'b'), (1, 'a')"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
    assertThat(run("SELECT COUNT(*) FROM item").rows()).containsExactly(List.of(1L));
  }

  @Test
  void cardinalityViolationCarriesPostgresHint() {
    schema();
    assertThatThrownBy(() -> run("INSERT INTO item (id, name) VALUES (1, 'a'), (1, 'b')"
        + " ON CONFLICT (id) DO UPDATE SET name = excluded.name"))
        .isInstanceOfSatisfying(SqlException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("21000");
          assertThat(e.getMessage()).isEqualTo("ON CONFLICT DO UPDATE command cannot affect row a second time");
          assertThat(e.hint()).isEqualTo(
              "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.");
        });
    assertThatThrownBy(() -> run("INSERT INTO item (id, name) VALUES (1, 'a') ON CONFLICT (qty) DO NOTHING"))
        .isInstanceOfSatisfying(SqlException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("42P10");
          assertThat(e.getMessage())
              .isEqualTo("there is no unique or exclusion constraint matching the ON CONFLICT specification");
        });
    assertThat(run("SELECT COUNT(*) FROM item").rows()).containsExactly(List.of(0L));
  }

  private static List<String> lines(Outcome o) {
    return o.rows().stream().map(r -> (String) r.get(0)).toList();
  }
}
