package io.phantomdb.kernel.sql.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.cli.PhantomDbMain;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.TestStorage;
import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.spi.storage.StorageEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phantomdb check} through the command line, in this process, on a database damaged through
 * the raw storage API: it names exactly what is damaged and exits 3, exits 0 on a clean database
 * (after a workload that exercises every kind of write), and refuses operator mistakes with one
 * line. Runs on every engine ({@link #storage()}).
 */
class CheckCommandTest {
  @TempDir Path home;

  /** @return the storage engine to run on */
  protected String storage() {
    return "memory";
  }

  private Path dataDir() {
    return home.resolve("data");
  }

  private record Run(int code, String out, String err) {}

  private Run check(Path dataDir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PhantomDbMain.run(new String[] {"check", "--storage", storage(), "--data-dir", dataDir.toString()},
        home, Map.of(), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString().replace(System.lineSeparator(), "\n"),
        err.toString().replace(System.lineSeparator(), "\n"));
  }

  private void sql(String... statements) {
    try (StorageEngine storage = TestStorage.open(storage(), dataDir().resolve("storage"));
        SqlEngine engine = SqlEngine.open(storage);
        Session session = engine.newSession()) {
      for (String s : statements) {
        try (StatementResult r = session.execute(s)) {
          while (r.next() != null) {
            // drain
          }
        }
      }
    }
  }

  private Damage damage() {
    return new Damage(storage(), dataDir().resolve("storage"));
  }

  @BeforeEach
  void load() {
    sql("CREATE TABLE t (id INT PRIMARY KEY, v TEXT, n INT)", "CREATE INDEX t_v_idx ON t (v)",
        "CREATE TABLE u (id INT PRIMARY KEY, w TEXT UNIQUE)",
        "INSERT INTO t VALUES (1, 'v1', 10), (2, 'v2', 20), (3, 'v3', 30), (4, 'v4', 40), (5, 'v5', 50)",
        "UPDATE t SET n = 51 WHERE id = 5", "INSERT INTO u VALUES (1, 'a'), (2, 'b')");
  }

  private static List<String> errors(Run r) {
    return r.out().lines().filter(l -> l.contains("ERROR: ")).map(String::strip).toList();
  }

  @Test
  void aCleanDatabaseAfterEveryKindOfWritePasses() {
    sql("ALTER TABLE t ADD COLUMN extra TEXT DEFAULT 'x'", "CREATE UNIQUE INDEX t_n_key ON t (n)",
        "UPDATE t SET id = id + 100 WHERE id = 2", "DELETE FROM t WHERE id = 3", "ALTER TABLE t ALTER COLUMN n TYPE BIGINT",
        "CREATE TABLE r (a TEXT, b SERIAL)", "INSERT INTO r (a) VALUES ('p'), ('q')", "DELETE FROM r WHERE a = 'p'",
        "CREATE INDEX r_a ON r (a DESC)", "TRUNCATE u", "INSERT INTO u VALUES (7, 'z')",
        "BEGIN", "INSERT INTO t VALUES (9, 'v9', 90)", "UPDATE t SET v = 'w9' WHERE id = 9", "COMMIT",
        "ALTER TABLE t DROP COLUMN v", "CREATE TABLE gone (x INT PRIMARY KEY)", "INSERT INTO gone VALUES (1)",
        "DROP TABLE gone", "ANALYZE");
    Run r = check(dataDir());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("checking " + dataDir().toAbsolutePath().normalize() + " (storage engine "
        + storage() + ")\n");
    assertThat(r.out()).contains(" row versions, 5 live rows, 1 index with 5 live entries: ok\n",
        "table postgres.public.u: 1 row version, 1 live row, 1 index with 1 live entry: ok\n",
        "table postgres.public.r: ");
    assertThat(r.out()).endsWith("no damage found (3 tables checked)\n");
    assertThat(r.code()).isZero();
  }

  @Test
  void namesADamagedRowAndExits3() {
    try (Damage d = damage()) {
      d.flipByte(d.rowKey("t", 5), 3);
    }
    Run r = check(dataDir());
    assertThat(errors(r)).hasSize(1);
    assertThat(errors(r).get(0)).startsWith("ERROR: relation \"t\": Key (id)=(5): invalid checksum (version ");
    assertThat(r.out()).contains("table postgres.public.t: 6 row versions, 4 live rows, 1 index with 5 live entries: 1 problem\n",
        "table postgres.public.u: 2 row versions, 2 live rows, 1 index with 2 live entries: ok\n");
    assertThat(r.out()).endsWith("damage found: 1 problem in 1 of 2 tables\n");
    assertThat(r.code()).isEqualTo(3);
  }

  @Test
  void namesADamagedIndexEntry() {
    try (Damage d = damage()) {
      d.flipByte(d.entryKey("u", "u_w_key", 2, "b"), 0);
    }
    Run r = check(dataDir());
    assertThat(errors(r)).hasSize(1);
    assertThat(errors(r).get(0)).startsWith("ERROR: index \"u_w_key\": Key (w)=(b), row key (id)=(2): invalid checksum");
    assertThat(r.code()).isEqualTo(3);
  }

  @Test
  void findsRowsWithoutEntriesAndEntriesWithoutRows() {
    try (Damage d = damage()) {
      d.delete(d.newest(d.entryKey("t", "t_v_idx", 3, "v3", 30))[0]);
      byte[] dangling = VersionedKeys.versioned(d.entryKey("t", "t_v_idx", 99, "zz", 0), 1);
      d.put(dangling, Checksums.seal(dangling, new byte[] {1}));
    }
    Run r = check(dataDir());
    assertThat(errors(r)).containsExactly(
        "ERROR: relation \"t\": Key (id)=(3): the row has no entry in index \"t_v_idx\"",
        "ERROR: index \"t_v_idx\": Key (v)=(zz), row key (id)=(99): the entry points to no live row");
    assertThat(r.code()).isEqualTo(3);
  }

  @Test
  void findsARowStoredUnderAnotherRowsKey() {
    try (Damage d = damage()) {
      // a row's value sealed under another key, as a buggy writer (not a disk) would store it
      TableLayout t = d.table("t");
      byte[] key4 = d.newest(d.rowKey("t", 4))[0];
      byte[] row3 = t.rowCodec().encode(new Object[] {3, "v3", 30});
      d.put(key4, Checksums.seal(key4, row3));
    }
    Run r = check(dataDir());
    assertThat(errors(r)).hasSize(2);
    assertThat(errors(r).get(0)).startsWith("ERROR: relation \"t\": Key (id)=(4): the row's values do not match its key");
    assertThat(errors(r).get(1)).isEqualTo(
        "ERROR: index \"t_v_idx\": Key (v)=(v4), row key (id)=(4): the entry does not match its row's values");
  }

  @Test
  void findsKeysOfNoTableOrIndex() {
    int tableId;
    try (Damage d = damage()) {
      tableId = d.table("t").table().id();
      byte[] key = VersionedKeys.versioned(KeyEncoder.tableIndexPrefix(tableId, 9), 1);
      d.put(key, Checksums.seal(key, RowCodec.tombstone()));
    }
    Run r = check(dataDir());
    assertThat(errors(r)).containsExactly(
        "ERROR: data: table id " + tableId + ", index id 9: 1 stored version of no table or index in the catalog");
    assertThat(r.out()).endsWith("damage found: 1 problem in 0 of 2 tables and 1 outside tables\n");
    assertThat(r.code()).isEqualTo(3);
  }

  @Test
  void operatorMistakesAreOneLine() throws Exception {
    Path none = home.resolve("nosuch");
    Run r = check(none);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().toList()).containsExactly("phantomdb: data directory " + none + " does not exist");
    Path empty = Files.createDirectories(home.resolve("empty"));
    r = check(empty);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().toList()).containsExactly(
        "phantomdb: " + empty + " is not a PhantomDB data directory (no storage in storage/)");
    Path bare = home.resolve("bare");
    TestStorage.open(storage(), bare.resolve("storage")).close();
    r = check(bare);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().toList()).containsExactly(
        "phantomdb: " + bare + " is not a PhantomDB data directory: its storage holds no SQL catalog");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aDatabaseInUseIsRefused() {
    try (StorageEngine open = TestStorage.open(storage(), dataDir().resolve("storage"))) {
      Run r = check(dataDir());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err().lines().toList()).singleElement().asString()
          .startsWith("phantomdb: storage engine '" + storage() + "' cannot open " + dataDir().resolve("storage"));
      assertThat(r.out()).isEmpty();
    }
  }
}
