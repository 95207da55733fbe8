package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.txn.gc.GcPassResult;
import io.phantomdb.kernel.txn.gc.GcSettings;
import io.phantomdb.kernel.txn.gc.VersionGc;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version garbage collection on one thread: space comes back after heavy updates and deletes, and
 * what a reader can still see (an open cursor, a REPEATABLE READ snapshot) stays.
 */
class VersionGcTest {
  static final int ROWS = 200;

  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session s;

  /** @return the storage engine to run on; {@code Lsm*}/{@code Btree*} subclasses override it */
  protected String storage() {
    return "memory";
  }

  @BeforeEach
  void open() {
    storage = TestStorage.open(storage(), dir);
    engine = SqlEngine.open(storage, GcSettings.manual());
    s = engine.newSession();
    run(s, "CREATE TABLE t (id INT PRIMARY KEY, grp INT NOT NULL, v BIGINT NOT NULL, pad TEXT)");
    run(s, "CREATE INDEX t_grp ON t (grp)");
    insertRows(s, ROWS);
  }

  @AfterEach
  void close() {
    s.close();
    engine.close();
    storage.close();
  }

  /** Inserts rows 1..n into t: grp 1, v 10, a 100-character pad. */
  static void insertRows(Session s, int n) {
    StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
    for (int i = 1; i <= n; i++) {
      sql.append(i == 1 ? "" : ", ").append("(").append(i).append(", 1, 10, '").append("x".repeat(100)).append("')");
    }
    run(s, sql.toString());
  }

  static String run(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
      return r.commandTag();
    }
  }

  static long single(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      return ((Number) r.next()[0]).longValue();
    }
  }

  /** Stored versions and logical keys of the data keyspace, read raw. */
  record Census(long versions, long keys) {}

  static Census census(StorageEngine storage) {
    Keyspace data = storage.keyspace(SqlEngine.DATA_KEYSPACE);
    long versions = 0;
    long keys = 0;
    byte[] last = null;
    try (Cursor c = storage.scan(data, VersionGc.VERSIONED_DATA, ScanOrder.FORWARD)) {
      while (c.next()) {
        versions++;
        if (last == null || !VersionedKeys.sameLogicalKey(last, c.key())) {
          keys++;
          last = c.key();
        }
      }
    }
    return new Census(versions, keys);
  }

  private long bytes() {
    return storage.approximateSize(storage.keyspace(SqlEngine.DATA_KEYSPACE), KeyRange.all());
  }

  @Test
  void heavyUpdatesLeaveOneVersionPerKeyAfterAPass() {
    Census fresh = census(storage);
    assertThat(fresh.keys()).isEqualTo(2L * ROWS); // a row and an index entry each
    long freshBytes = bytes();
    int rounds = 30;
    for (int i = 0; i < rounds; i++) {
      run(s, "UPDATE t SET v = v + 1, grp = " + (i % 3 + 1));
    }
    Census before = census(storage);
    long beforeBytes = bytes();
    // every update wrote a new row version, an index entry of the new grp and a tombstone of the old
    assertThat(before.versions()).isGreaterThan((long) ROWS * rounds);

    GcPassResult pass = engine.collectGarbage();

    Census after = census(storage);
    long afterBytes = bytes();
    System.out.printf("version GC on %s: %d keys; versions %d -> %d; approximate bytes %d fresh, %d after updates,"
        + " %d after GC%n", storage(), after.keys(), before.versions(), after.versions(), freshBytes, beforeBytes, afterBytes);
    assertThat(after.versions()).isEqualTo(after.keys()).isEqualTo(2L * ROWS);
    assertThat(pass.versionsRemoved()).isEqualTo(before.versions() - after.versions());
    assertThat(pass.versionsScanned()).isEqualTo(before.versions());
    assertThat(pass.complete()).isTrue();
    assertThat(engine.gcTotals().versionsRemoved()).isEqualTo(pass.versionsRemoved());
    assertThat(single(s, "SELECT sum(v) FROM t")).isEqualTo((10L + rounds) * ROWS);
    assertThat(single(s, "SELECT count(*) FROM t WHERE grp = " + ((rounds - 1) % 3 + 1))).isEqualTo(ROWS);
    assertThat(single(s, "SELECT count(*) FROM t WHERE grp <> " + ((rounds - 1) % 3 + 1))).isZero();
    if (storage().equals("memory")) {
      assertThat(afterBytes).isLessThan(beforeBytes); // the memory engine counts live entries exactly
    }
    assertThat(engine.collectGarbage().versionsRemoved()).as("nothing left to collect").isZero();
  }

  @Test
  void deletedRowsDisappearWithTheirTombstones() {
    run(s, "UPDATE t SET v = v + 1");
    run(s, "DELETE FROM t WHERE id > 50");
    engine.collectGarbage();
    assertThat(census(storage)).isEqualTo(new Census(100, 100));
    run(s, "DELETE FROM t");
    GcPassResult pass = engine.collectGarbage();
    assertThat(pass.tombstonesRemoved()).isEqualTo(100);
    assertThat(census(storage)).isEqualTo(new Census(0, 0));
    assertThat(single(s, "SELECT count(*) FROM t")).isZero();
    run(s, "INSERT INTO t VALUES (1, 1, 1, 'again')");
    assertThat(single(s, "SELECT v FROM t WHERE grp = 1")).isEqualTo(1);
  }

  @Test
  void anOpenCursorKeepsTheVersionsItReads() {
    // an index scan fetches each row at the statement's timestamp as it goes
    assertThat(plan("SELECT id, v FROM t WHERE grp = 1")).contains("Index");
    List<Long> seen = new ArrayList<>();
    try (Session writer = engine.newSession();
        StatementResult r = s.execute("SELECT id, v FROM t WHERE grp = 1")) {
      for (int i = 0; i < 10; i++) {
        seen.add(((Number) r.next()[1]).longValue());
      }
      for (int i = 0; i < 5; i++) {
        run(writer, "UPDATE t SET v = v + 1000");
        engine.collectGarbage();
      }
      Object[] row;
      while ((row = r.next()) != null) {
        seen.add(((Number) row[1]).longValue());
      }
    }
    assertThat(seen).hasSize(ROWS).containsOnly(10L);
    engine.collectGarbage();
    assertThat(census(storage).versions()).as("closing the result let the old versions go").isEqualTo(2L * ROWS);
  }

  @Test
  void aRepeatableReadSnapshotKeepsItsVersionsUntilItEnds() {
    run(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertThat(single(s, "SELECT sum(v) FROM t")).isEqualTo(10L * ROWS);
    try (Session writer = engine.newSession()) {
      for (int i = 0; i < 5; i++) {
        run(writer, "UPDATE t SET v = v + 1");
        run(writer, "DELETE FROM t WHERE id = " + (i + 1));
        engine.collectGarbage();
      }
    }
    assertThat(single(s, "SELECT sum(v) FROM t WHERE grp = 1")).isEqualTo(10L * ROWS);
    assertThat(single(s, "SELECT count(*) FROM t WHERE id <= 5")).isEqualTo(5);
    run(s, "COMMIT");
    engine.collectGarbage();
    assertThat(census(storage)).isEqualTo(new Census(2L * (ROWS - 5), 2L * (ROWS - 5)));
    assertThat(single(s, "SELECT sum(v) FROM t")).isEqualTo(15L * (ROWS - 5));
  }

  @Test
  void aRolledBackOrClosedBlockReleasesItsSnapshot() {
    run(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    single(s, "SELECT count(*) FROM t");
    run(s, "UPDATE t SET v = 0 WHERE id = 1");
    assertThat(engine.snapshots().size()).isEqualTo(1);
    run(s, "ROLLBACK");
    assertThat(engine.snapshots().size()).isZero();
    Session other = engine.newSession();
    run(other, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    single(other, "SELECT count(*) FROM t");
    assertThat(engine.snapshots().size()).isEqualTo(1);
    other.close();
    assertThat(engine.snapshots().size()).isZero();
  }

  @Test
  void readCommittedStatementsHoldNothingBetweenStatements() {
    run(s, "BEGIN");
    single(s, "SELECT count(*) FROM t");
    run(s, "UPDATE t SET v = 1 WHERE id = 1");
    assertThat(engine.snapshots().size()).isZero();
    try (StatementResult r = s.execute("SELECT id FROM t")) {
      r.next();
      assertThat(engine.snapshots().size()).as("the open result").isEqualTo(1);
    }
    assertThat(engine.snapshots().size()).isZero();
    run(s, "COMMIT");
  }

  @Test
  void retentionKeepsRecentVersions() {
    engine.close();
    engine = SqlEngine.open(storage, new GcSettings(Duration.ZERO, Duration.ofDays(1)));
    s.close();
    s = engine.newSession();
    run(s, "UPDATE t SET v = v + 1");
    Census before = census(storage);
    assertThat(engine.collectGarbage().versionsRemoved()).isZero();
    assertThat(census(storage)).isEqualTo(before);
  }

  private String plan(String sql) {
    StringBuilder out = new StringBuilder();
    try (StatementResult r = s.execute("EXPLAIN " + sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        out.append(row[0]).append('\n');
      }
    }
    return out.toString();
  }
}
