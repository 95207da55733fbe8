package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same random queries against a table with indexes and an unindexed copy of it (same rows,
 * same changes): whatever access path the planner takes for the first, the results must be the
 * second's. Checked before and after ANALYZE (which changes the paths), with updates and deletes
 * in between (which leave old versions and deleted index entries behind).
 */
class AccessPathPropertyTest {
  private static final String[] TEXTS = {"a", "aa", "b", "", "c", "ab", "B"};
  private static final int QUERIES = 60;

  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session session;
  Random random;
  int indexPaths;

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

  private void exec(String sql) {
    try (StatementResult r = session.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
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

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void indexedAndUnindexedTablesAgree(long seed) {
    random = new Random(seed);
    for (String t : List.of("ix", "plain")) {
      exec("CREATE TABLE " + t + " (id INT PRIMARY KEY, a INT, b TEXT, c NUMERIC(5,1), s SMALLINT)");
    }
    exec("CREATE INDEX ix_a ON ix (a)");
    exec("CREATE INDEX ix_b ON ix (b DESC)");
    exec("CREATE INDEX ix_c_a ON ix (c, a DESC)");
    exec("CREATE INDEX ix_s ON ix (s)");
    for (String t : List.of("rx", "rplain")) {
      exec("CREATE TABLE " + t + " (x INT, y TEXT)");
    }
    exec("CREATE INDEX rx_x ON rx (x)");
    List<String> rows = new ArrayList<>();
    List<String> rowidRows = new ArrayList<>();
    for (int id = 0; id < 300; id++) {
      rows.add("(" + id + ", " + intOrNull() + ", " + textOrNull() + ", " + decimalOrNull() + ", " + intOrNull() + ")");
      rowidRows.add("(" + intOrNull() + ", " + textOrNull() + ")");
    }
    for (String t : List.of("ix", "plain")) {
      exec("INSERT INTO " + t + " VALUES " + String.join(", ", rows));
    }
    for (String t : List.of("rx", "rplain")) {
      exec("INSERT INTO " + t + " VALUES " + String.join(", ", rowidRows));
    }
    compareQueries(QUERIES);
    for (int i = 0; i < 20; i++) {
      String where = predicate();
      String set = random.nextBoolean() ? "a = " + intOrNull() : "b = " + textOrNull() + ", c = " + decimalOrNull();
      exec("UPDATE ix SET " + set + " WHERE " + where);
      exec("UPDATE plain SET " + set + " WHERE " + where);
      if (i % 3 == 0) {
        exec("DELETE FROM ix WHERE " + where);
        exec("DELETE FROM plain WHERE " + where);
      }
      String rw = rowidPredicate();
      String rset = random.nextBoolean() ? "x = " + intOrNull() : "y = " + textOrNull();
      exec("UPDATE rx SET " + rset + " WHERE " + rw);
      exec("UPDATE rplain SET " + rset + " WHERE " + rw);
      if (i % 4 == 0) {
        exec("DELETE FROM rx WHERE " + rw);
        exec("DELETE FROM rplain WHERE " + rw);
      }
    }
    compareQueries(QUERIES);
    exec("ANALYZE ix");
    exec("ANALYZE rx");
    compareQueries(QUERIES);
    assertThat(indexPaths).as("queries that took an index path").isGreaterThan(QUERIES / 2);
  }

  private void compareQueries(int n) {
    for (int q = 0; q < n; q++) {
      String where = predicate();
      String cols = random.nextBoolean() ? "id, a, b, c, s" : random.nextBoolean() ? "id, a" : "c, a, id";
      String select = "SELECT " + cols + " FROM %s WHERE " + where;
      compareSets(select);
      String order = order();
      long limit = random.nextInt(4) == 0 ? -1 : random.nextInt(20);
      String ordered = select + " ORDER BY " + order + (limit < 0 ? "" : " LIMIT " + limit);
      List<List<Object>> got = query(String.format(ordered, "ix"));
      assertThat(got).as(ordered).isEqualTo(query(String.format(ordered, "plain")));
      countIndexPath(String.format(ordered, "ix"));
      if (q % 3 == 0) {
        String agg = "SELECT count(*), count(a), min(c), max(id) FROM %s WHERE " + where;
        assertThat(query(String.format(agg, "ix"))).as(agg).isEqualTo(query(String.format(agg, "plain")));
      } else if (q % 3 == 1) {
        compareSets("SELECT x, y FROM %s WHERE " + rowidPredicate());
      } else {
        String rowidOrdered = "SELECT x FROM %s WHERE " + rowidPredicate() + " ORDER BY x DESC LIMIT 7";
        assertThat(query(String.format(rowidOrdered, "rx"))).as(rowidOrdered)
            .isEqualTo(query(String.format(rowidOrdered, "rplain")));
      }
    }
  }

  private void compareSets(String sql) {
    String ix = String.format(sql, sql.contains("x, y") ? "rx" : "ix");
    String plain = String.format(sql, sql.contains("x, y") ? "rplain" : "plain");
    assertThat(sorted(query(ix))).as(ix).isEqualTo(sorted(query(plain)));
  }

  private void countIndexPath(String sql) {
    if (query("EXPLAIN " + sql).stream().anyMatch(l -> l.get(0).toString().contains("Index"))) {
      indexPaths++;
    }
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }

  private String order() {
    String[] columns = {"a", "b", "c", "s", "id"};
    List<String> keys = new ArrayList<>();
    int n = 1 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      String key = columns[random.nextInt(columns.length)];
      if (random.nextBoolean()) {
        key += " DESC";
      }
      int nulls = random.nextInt(4);
      key += nulls == 0 ? " NULLS FIRST" : nulls == 1 ? " NULLS LAST" : "";
      keys.add(key);
    }
    keys.add(random.nextBoolean() ? "id" : "id DESC");
    return String.join(", ", keys);
  }

  private String predicate() {
    List<String> conjuncts = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      conjuncts.add(conjunct());
    }
    return String.join(" AND ", conjuncts);
  }

  private String rowidPredicate() {
    return switch (random.nextInt(5)) {
      case 0 -> "x = " + smallInt();
      case 1 -> "x " + op() + " " + smallInt();
      case 2 -> "x IN (" + smallInt() + ", " + smallInt() + ")";
      case 3 -> "x IS NULL";
      default -> "x BETWEEN " + smallInt() + " AND " + smallInt();
    };
  }

  private String conjunct() {
    String col = switch (random.nextInt(5)) {
      case 0 -> "id";
      case 1 -> "b";
      case 2 -> "c";
      case 3 -> "s";
      default -> "a";
    };
    return switch (random.nextInt(12)) {
      case 0, 1 -> col + " " + op() + " " + constant(col);
      case 2 -> col + " = " + constant(col);
      case 3 -> col + " BETWEEN " + constant(col) + " AND " + constant(col);
      case 4 -> col + " IN (" + constant(col) + ", " + constant(col) + ", " + constant(col) + ")";
      case 5 -> col + " IS NULL";
      case 6 -> col + " IS NOT NULL";
      case 7 -> "(" + col + " = " + constant(col) + " OR " + col + " IS NULL)";
      case 8 -> "(" + col + " < " + constant(col) + " OR " + col + " > " + constant(col) + ")";
      case 9 -> col + " NOT IN (" + constant(col) + ", " + constant(col) + ")";
      case 10 -> col.equals("b") ? "b " + op() + " " + constant("b") : col + " " + op() + " " + fraction();
      default -> "NOT (" + col + " " + op() + " " + constant(col) + ")";
    };
  }

  private String op() {
    return new String[] {"<", "<=", ">", ">=", "=", "<>"}[random.nextInt(6)];
  }

  private String constant(String column) {
    return switch (column) {
      case "b" -> "'" + TEXTS[random.nextInt(TEXTS.length)] + "'";
      case "c" -> random.nextBoolean() ? fraction() : String.valueOf(smallInt());
      case "id" -> String.valueOf(random.nextInt(320) - 10);
      default -> String.valueOf(smallInt());
    };
  }

  private int smallInt() {
    return random.nextInt(24) - 6;
  }

  private String fraction() {
    return String.valueOf((random.nextInt(81) - 40) / 10.0);
  }

  private String intOrNull() {
    return random.nextInt(6) == 0 ? "NULL" : String.valueOf(random.nextInt(20) - 5);
  }

  private String textOrNull() {
    return random.nextInt(6) == 0 ? "NULL" : "'" + TEXTS[random.nextInt(TEXTS.length)] + "'";
  }

  private String decimalOrNull() {
    return random.nextInt(6) == 0 ? "NULL" : String.valueOf((random.nextInt(61) - 30) / 10.0);
  }
}
