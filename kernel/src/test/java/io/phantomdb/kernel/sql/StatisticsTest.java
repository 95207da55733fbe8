package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.ColumnStatistics;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.TableStatistics;
import io.phantomdb.kernel.sql.plan.PhantomTable;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ANALYZE's statistics: what they hold, that they survive a restart and go with their table. */
class StatisticsTest {
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

  private void exec(String sql) {
    try (StatementResult r = session.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
    }
  }

  private List<String> explain(String sql) {
    List<String> lines = new ArrayList<>();
    try (StatementResult r = session.execute("EXPLAIN " + sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        lines.add(row[0].toString());
      }
    }
    return lines;
  }

  private TableDescriptor table(String name) {
    var cat = engine.catalog().current();
    int db = cat.database(CatalogStore.DEFAULT_DATABASE).orElseThrow().id();
    int schema = cat.schema(db, CatalogStore.DEFAULT_SCHEMA).orElseThrow().id();
    return cat.table(schema, name).orElseThrow();
  }

  private TableStatistics statistics(String name) {
    return engine.catalog().current().statistics(table(name).id()).orElse(null);
  }

  /** t: 1000 rows; k 0..999, flag alternating 0/1, note NULL in one row of four, d a date. */
  private void bigTable() {
    exec("CREATE TABLE digits (x INT)");
    exec("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
    exec("CREATE TABLE t (k INT PRIMARY KEY, flag INT, note TEXT, d DATE)");
    exec("CREATE INDEX t_flag ON t (flag)");
    exec("INSERT INTO t SELECT a.x * 100 + b.x * 10 + c.x, c.x % 2, CASE WHEN c.x % 4 = 0 THEN NULL ELSE 'n' || b.x END,"
        + " CAST('2024-01-' || CAST(10 + a.x AS TEXT) AS DATE) FROM digits a, digits b, digits c");
  }

  @Test
  void analyzeRecordsRowCountNullsDistinctValuesAndBounds() {
    bigTable();
    assertThat(statistics("t")).isNull();
    exec("ANALYZE t");
    TableStatistics s = statistics("t");
    assertThat(s.rowCount()).isEqualTo(1000);
    TableDescriptor t = table("t");
    ColumnStatistics k = s.column(t.column("k").orElseThrow().id()).orElseThrow();
    assertThat(k.nullFraction()).isZero();
    assertThat(k.distinct()).isEqualTo(1000);
    assertThat(k.min()).isEqualTo("0");
    assertThat(k.max()).isEqualTo("999");
    ColumnStatistics flag = s.column(t.column("flag").orElseThrow().id()).orElseThrow();
    assertThat(flag.distinct()).isEqualTo(2);
    ColumnStatistics note = s.column(t.column("note").orElseThrow().id()).orElseThrow();
    // c.x % 4 = 0 for c.x in {0, 4, 8}: 300 of 1000 rows
    assertThat(note.nullFraction()).isCloseTo(0.3, within(1e-9));
    assertThat(note.distinct()).isEqualTo(10);
    assertThat(note.min()).isEqualTo("n0");
    assertThat(note.max()).isEqualTo("n9");
    ColumnStatistics d = s.column(t.column("d").orElseThrow().id()).orElseThrow();
    assertThat(d.min()).isEqualTo("2024-01-10");
    assertThat(d.max()).isEqualTo("2024-01-19");
    assertThat(d.distinct()).isEqualTo(10);
  }

  @Test
  void statisticsSurviveARestartAndGoWithTheirTable() {
    bigTable();
    exec("ANALYZE");
    int id = table("t").id();
    reopen();
    assertThat(statistics("t").rowCount()).isEqualTo(1000);
    assertThat(statistics("digits").rowCount()).isEqualTo(10);
    assertThat(explain("SELECT * FROM t WHERE flag = 1")).containsExactly("Filter: =($1, 1)", "  ->  Seq Scan on t");
    exec("DROP TABLE t");
    assertThat(engine.catalog().current().statistics(id)).isEmpty();
    reopen();
    assertThat(engine.catalog().current().statistics(id)).isEmpty();
    assertThat(catalogKeysStartingWith((byte) 'S')).isEqualTo(1); // digits' only
  }

  @Test
  void analyzingSomeColumnsKeepsTheOthers() {
    bigTable();
    exec("ANALYZE t (flag)");
    TableDescriptor t = table("t");
    assertThat(statistics("t").columns()).extracting(ColumnStatistics::columnId)
        .containsExactly(t.column("flag").orElseThrow().id());
    exec("DELETE FROM t WHERE k >= 500");
    exec("ANALYZE t (note)");
    assertThat(statistics("t").rowCount()).isEqualTo(500);
    assertThat(statistics("t").columns()).extracting(ColumnStatistics::columnId)
        .containsExactlyInAnyOrder(t.column("flag").orElseThrow().id(), t.column("note").orElseThrow().id());
  }

  @Test
  void plansAreMadeAgainAfterAnalyze() {
    bigTable();
    assertThat(explain("SELECT * FROM t WHERE flag = 1")).containsExactly("Index Scan using t_flag on t",
        "  Index Cond: (flag = 1)");
    exec("SELECT * FROM t WHERE flag = 1");
    exec("SELECT * FROM t WHERE flag = 1");
    long version = engine.catalog().current().version();
    exec("ANALYZE t");
    assertThat(engine.catalog().current().version()).isGreaterThan(version);
    long[] before = engine.plans().counters();
    exec("SELECT * FROM t WHERE flag = 1");
    assertThat(engine.plans().counters()[1] - before[1]).as("misses").isEqualTo(1);
    assertThat(explain("SELECT * FROM t WHERE flag = 1")).containsExactly("Filter: =($1, 1)", "  ->  Seq Scan on t");
  }

  @Test
  void calciteSeesTheRowCountAndTheUniqueKeys() {
    exec("CREATE TABLE p (id INT PRIMARY KEY, code TEXT NOT NULL UNIQUE, maybe INT UNIQUE, other INT)");
    exec("INSERT INTO p VALUES (1, 'a', 1, 1), (2, 'b', NULL, 1), (3, 'c', NULL, 2)");
    Statistic before = new PhantomTable(table("p"), statistics("p")).getStatistic();
    assertThat(before.getRowCount()).isEqualTo((double) PhantomTable.DEFAULT_ROW_COUNT);
    exec("ANALYZE p");
    Statistic after = new PhantomTable(table("p"), statistics("p")).getStatistic();
    assertThat(after.getRowCount()).isEqualTo(3.0);
    assertThat(after.isKey(ImmutableBitSet.of(0))).isTrue();
    assertThat(after.isKey(ImmutableBitSet.of(1))).isTrue();
    assertThat(after.isKey(ImmutableBitSet.of(2))).as("a nullable unique column").isFalse();
    assertThat(after.isKey(ImmutableBitSet.of(3))).isFalse();
    assertThat(after.getKeys()).containsExactlyInAnyOrder(ImmutableBitSet.of(0), ImmutableBitSet.of(1));
  }

  private int catalogKeysStartingWith(byte tag) {
    int n = 0;
    try (Cursor c = storage.scan(storage.keyspace(CatalogStore.KEYSPACE), KeyRange.all(),
        ScanOrder.FORWARD)) {
      while (c.next()) {
        n += c.key()[0] == tag ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void queriesAgreeBeforeAndAfterAnalyze() {
    bigTable();
    String[] queries = {
      "SELECT count(*) FROM t WHERE flag = 1", "SELECT k FROM t WHERE k > 990 ORDER BY k DESC",
      "SELECT count(*) FROM t WHERE note IS NULL", "SELECT k FROM t WHERE flag = 0 AND k < 10 ORDER BY k"};
    List<List<Object>> before = new ArrayList<>();
    for (String q : queries) {
      before.add(rows(q));
    }
    exec("ANALYZE t");
    for (int i = 0; i < queries.length; i++) {
      assertThat(rows(queries[i])).as(queries[i]).isEqualTo(before.get(i));
    }
    assertThat(before.get(0)).containsExactly(List.of(500L));
    assertThat(before.get(3)).containsExactly(List.of(0), List.of(2), List.of(4), List.of(6), List.of(8));
  }

  private List<Object> rows(String sql) {
    List<Object> rows = new ArrayList<>();
    try (StatementResult r = session.execute(sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }
}
