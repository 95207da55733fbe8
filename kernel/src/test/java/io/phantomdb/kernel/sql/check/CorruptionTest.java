package io.phantomdb.kernel.sql.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.TestStorage;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.sequence.SequenceKeys;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored value damaged behind the engine's back (through the raw storage API, the database
 * closed): the statements that read it fail with XX001 naming the relation and the key; the
 * session, other rows and other tables go on working. Runs on every engine ({@link #storage()}).
 */
class CorruptionTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session session;

  /** @return the storage engine to run on */
  protected String storage() {
    return "memory";
  }

  Path storageDir() {
    return dir.resolve("data").resolve("storage");
  }

  @BeforeEach
  void load() {
    open();
    exec("CREATE TABLE t (id INT PRIMARY KEY, v TEXT, n INT)");
    exec("CREATE INDEX t_v_idx ON t (v)");
    exec("CREATE TABLE u (id INT PRIMARY KEY, w TEXT)");
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      values.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'v").append(i).append("', ").append(i * 10).append(")");
    }
    exec("INSERT INTO t VALUES " + values);
    exec("INSERT INTO u VALUES (1, 'a'), (2, 'b')");
    exec("UPDATE t SET v = 'v5' WHERE id = 5"); // a second version of row 5
    exec("CREATE SEQUENCE s");
    exec("SELECT nextval('s')");
    close();
  }

  @AfterEach
  void close() {
    if (storage != null) {
      session.close();
      engine.close();
      storage.close();
      storage = null;
    }
  }

  private void open() {
    storage = TestStorage.open(storage(), storageDir());
    engine = SqlEngine.open(storage);
    session = engine.newSession();
  }

  private Damage damage() {
    return new Damage(storage(), storageDir());
  }

  @Test
  void aDamagedRowFailsOnlyTheStatementsThatReadIt() {
    try (Damage d = damage()) {
      d.flipByte(d.rowKey("t", 5), 2);
    }
    open();
    String message = "invalid checksum in row of relation \"t\"";
    String detail = "Key (id)=(5).";
    corrupted("SELECT v FROM t WHERE id = 5", message, detail);
    corrupted("SELECT count(*) FROM t", message, detail);
    corrupted("SELECT id FROM t ORDER BY id DESC", message, detail);
    corrupted("SELECT n FROM t WHERE v = 'v5'", message, detail);
    corrupted("UPDATE t SET v = 'x' WHERE id = 5", message, detail);
    corrupted("DELETE FROM t WHERE id = 5", message, detail);
    corrupted("INSERT INTO t VALUES (5, 'again', 0)", message, detail);
    corrupted("ANALYZE t", message, detail);
    corrupted("CREATE INDEX t_v2 ON t (v)", message, detail);
    // the same session goes on; what does not touch row 5 reads as before
    assertThat(query("SELECT v FROM t WHERE id = 4")).containsExactly(List.of("v4"));
    assertThat(query("SELECT count(*) FROM t WHERE id < 5")).containsExactly(List.of(4L));
    assertThat(query("SELECT id FROM t WHERE id > 5 ORDER BY id DESC")).hasSize(5);
    assertThat(query("SELECT n FROM t WHERE v = 'v7'")).containsExactly(List.of(70));
    // an index-only scan reads the (intact) index entry, not the row
    assertThat(query("SELECT id FROM t WHERE v = 'v5'")).containsExactly(List.of(5));
    assertThat(query("SELECT w FROM u ORDER BY id")).containsExactly(List.of("a"), List.of("b"));
    exec("INSERT INTO u VALUES (3, 'c')");
    exec("UPDATE t SET v = 'w4' WHERE id = 4");
    assertThat(query("SELECT v FROM t WHERE id = 4")).containsExactly(List.of("w4"));
    // and in a transaction block: the failure aborts the block, ROLLBACK ends it
    exec("BEGIN");
    exec("INSERT INTO u VALUES (4, 'd')");
    corrupted("SELECT * FROM t", message, detail);
    exec("ROLLBACK");
    assertThat(query("SELECT count(*) FROM u")).containsExactly(List.of(3L));
  }

  @Test
  void aDamagedIndexEntryFailsTheScansOfThatIndex() {
    try (Damage d = damage()) {
      d.flipByte(d.entryKey("t", "t_v_idx", 7, "v7", 70), 0); // the marker would now read as a deletion
    }
    open();
    assertThat(query("EXPLAIN SELECT n FROM t WHERE v = 'v7'").toString()).contains("Index Scan using t_v_idx on t");
    corrupted("SELECT n FROM t WHERE v = 'v7'", "invalid checksum in entry of index \"t_v_idx\"",
        "Table \"t\", key (v)=(v7), row key (id)=(7).");
    assertThat(query("SELECT v FROM t WHERE id = 7")).containsExactly(List.of("v7"));
    assertThat(query("SELECT count(*) FROM t")).containsExactly(List.of(10L));
    assertThat(query("SELECT n FROM t WHERE v = 'v8'")).containsExactly(List.of(80));
    corrupted("SELECT id FROM t WHERE v = 'v7'", "invalid checksum in entry of index \"t_v_idx\"",
        "Table \"t\", key (v)=(v7), row key (id)=(7).");
  }

  @Test
  void aValueCopiedUnderAnotherKeyIsCaught() {
    try (Damage d = damage()) {
      d.copyValue(d.rowKey("t", 3), d.rowKey("t", 4));
    }
    open();
    corrupted("SELECT v FROM t WHERE id = 4", "invalid checksum in row of relation \"t\"", "Key (id)=(4).");
    assertThat(query("SELECT v FROM t WHERE id = 3")).containsExactly(List.of("v3"));
  }

  @Test
  void aDamagedSequenceStateFailsNextval() {
    try (Damage d = damage()) {
      int id = d.sequenceId("s");
      byte[] v = d.storage().get(d.data(), SequenceKeys.key(id)).clone();
      v[5] ^= 1;
      d.put(SequenceKeys.key(id), v);
    }
    open();
    corrupted("SELECT nextval('s')", "invalid checksum in state of sequence \"s\"", null);
    assertThat(query("SELECT count(*) FROM t")).containsExactly(List.of(10L));
  }

  @Test
  void aDamagedCatalogEntryKeepsTheEngineFromStarting() {
    try (StorageEngine raw = TestStorage.open(storage(), storageDir())) {
      Keyspace catalog = raw.keyspace(CatalogStore.KEYSPACE);
      byte[][] entry = catalogEntryContaining(raw, catalog, "\"t_v_idx\"");
      entry[1][3] ^= 1;
      put(raw, catalog, entry[0], entry[1]);
    }
    storage = TestStorage.open(storage(), storageDir());
    assertThatThrownBy(() -> SqlEngine.open(storage)).isInstanceOfSatisfying(SqlException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("XX001");
      assertThat(e.getMessage()).startsWith("invalid checksum in catalog entry \\x");
    });
    storage.close();
    storage = null;
  }

  @Test
  void aStoreOfTheFormerDataFormatIsRefused() {
    try (StorageEngine raw = TestStorage.open(storage(), storageDir())) {
      WriteBatch b = new WriteBatch();
      b.delete(raw.keyspace(CatalogStore.KEYSPACE), new byte[] {0, 'f', 'o', 'r', 'm', 'a', 't'});
      raw.write(b, Durability.SYNC);
    }
    storage = TestStorage.open(storage(), storageDir());
    assertThatThrownBy(() -> SqlEngine.open(storage)).isInstanceOfSatisfying(SqlException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("55000");
      assertThat(e.getMessage()).isEqualTo("database files are incompatible with this PhantomDB: the data "
          + "directory has data format 1, this PhantomDB reads data format " + CatalogStore.DATA_FORMAT);
    });
    storage.close();
    storage = null;
  }

  private static byte[][] catalogEntryContaining(StorageEngine raw, Keyspace catalog, String text) {
    try (Cursor c = raw.scan(catalog, KeyRange.all(), ScanOrder.FORWARD)) {
      while (c.next()) {
        if (new String(c.value(), java.nio.charset.StandardCharsets.UTF_8).contains(text)) {
          return new byte[][] {c.key(), c.value().clone()};
        }
      }
    }
    throw new IllegalStateException("no catalog entry holds " + text);
  }

  private static void put(StorageEngine raw, Keyspace ks, byte[] key, byte[] value) {
    WriteBatch b = new WriteBatch();
    b.put(ks, key, value);
    raw.write(b, Durability.SYNC);
  }

  private void corrupted(String sql, String message, String detail) {
    assertThatThrownBy(() -> exec(sql)).as(sql).isInstanceOfSatisfying(SqlException.class, e -> {
      assertThat(e.sqlState()).as(e.getMessage()).isEqualTo("XX001");
      assertThat(e.getMessage()).isEqualTo(message);
      assertThat(e.detail()).isEqualTo(detail);
    });
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
}
