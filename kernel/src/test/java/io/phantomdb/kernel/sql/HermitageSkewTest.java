package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hermitage's read skew, write skew and anti-dependency cycles (G-single and its predicate and
 * write variants, G2-item, G2, and Fekete et al.'s read-only anomaly) at every isolation level, as
 * PostgreSQL 15 gives them: REPEATABLE READ allows write skew, SERIALIZABLE (SSI) fails one
 * transaction of each dangerous structure with 40001.
 */
class HermitageSkewTest extends HermitageHarness {
  private static boolean rc(Level level) {
    return level == Level.READ_COMMITTED;
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void gSingleReadSkew(Level level) {
    begin(level, 1, 2);
    assertThat(rows(1, "SELECT * FROM test WHERE id = 1")).isEqualTo("1=>10");
    assertThat(rows(2, "SELECT * FROM test WHERE id = 1")).isEqualTo("1=>10");
    assertThat(rows(2, "SELECT * FROM test WHERE id = 2")).isEqualTo("2=>20");
    ok(2, "UPDATE test SET v = 12 WHERE id = 1");
    ok(2, "UPDATE test SET v = 18 WHERE id = 2");
    ok(2, "COMMIT");
    assertThat(rows(1, "SELECT * FROM test WHERE id = 2")).isEqualTo(rc(level) ? "2=>18" : "2=>20");
    assertThat(ok(1, "COMMIT")).isEqualTo("COMMIT");
    assertThat(table()).isEqualTo("1=>12 2=>18");
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void gSingleWithPredicateDependencies(Level level) {
    begin(level, 1, 2);
    assertThat(rows(1, "SELECT * FROM test WHERE v % 5 = 0 ORDER BY id")).isEqualTo("1=>10 2=>20");
    ok(2, "UPDATE test SET v = 12 WHERE v = 10");
    ok(2, "COMMIT");
    assertThat(rows(1, "SELECT * FROM test WHERE v % 3 = 0")).isEqualTo(rc(level) ? "1=>12" : "");
    assertThat(ok(1, "COMMIT")).isEqualTo("COMMIT");
    assertThat(table()).isEqualTo("1=>12 2=>20");
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void gSingleWithWritePredicate(Level level) {
    begin(level, 1, 2);
    assertThat(rows(1, "SELECT * FROM test WHERE id = 1")).isEqualTo("1=>10");
    assertThat(rows(2, "SELECT * FROM test ORDER BY id")).isEqualTo("1=>10 2=>20");
    ok(2, "UPDATE test SET v = 12 WHERE id = 1");
    ok(2, "UPDATE test SET v = 18 WHERE id = 2");
    ok(2, "COMMIT");
    if (rc(level)) {
      assertThat(ok(1, "DELETE FROM test WHERE v = 20")).isEqualTo("DELETE 0");
    } else {
      assertConcurrentUpdate(fails(1, "DELETE FROM test WHERE v = 20", SqlState.SERIALIZATION_FAILURE));
    }
    assertThat(ok(1, "ROLLBACK")).isEqualTo("ROLLBACK");
    assertThat(table()).isEqualTo("1=>12 2=>18");
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void g2ItemWriteSkew(Level level) {
    begin(level, 1, 2);
    assertThat(rows(1, "SELECT * FROM test WHERE id IN (1, 2) ORDER BY id")).isEqualTo("1=>10 2=>20");
    assertThat(rows(2, "SELECT * FROM test WHERE id IN (1, 2) ORDER BY id")).isEqualTo("1=>10 2=>20");
    ok(1, "UPDATE test SET v = 11 WHERE id = 1");
    ok(2, "UPDATE test SET v = 21 WHERE id = 2");
    assertThat(ok(1, "COMMIT")).isEqualTo("COMMIT");
    if (level == Level.SERIALIZABLE) {
      assertPivotFailure(fails(2, "COMMIT", SqlState.SERIALIZATION_FAILURE),
          "Canceled on identification as a pivot, during commit attempt.");
      assertThat(table()).isEqualTo("1=>11 2=>20");
    } else {
      assertThat(ok(2, "COMMIT")).isEqualTo("COMMIT"); // write skew
      assertThat(table()).isEqualTo("1=>11 2=>21");
    }
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void g2AntiDependencyCycles(Level level) {
    begin(level, 1, 2);
    assertThat(rows(1, "SELECT * FROM test WHERE v % 3 = 0")).isEmpty();
    assertThat(rows(2, "SELECT * FROM test WHERE v % 3 = 0")).isEmpty();
    ok(1, "INSERT INTO test (id, v) VALUES (3, 30)");
    ok(2, "INSERT INTO test (id, v) VALUES (4, 42)");
    assertThat(ok(1, "COMMIT")).isEqualTo("COMMIT");
    if (level == Level.SERIALIZABLE) {
      assertPivotFailure(fails(2, "COMMIT", SqlState.SERIALIZATION_FAILURE),
          "Canceled on identification as a pivot, during commit attempt.");
      assertThat(rows(1, "SELECT * FROM test WHERE v % 3 = 0 ORDER BY id")).isEqualTo("3=>30");
    } else {
      assertThat(ok(2, "COMMIT")).isEqualTo("COMMIT");
      assertThat(rows(1, "SELECT * FROM test WHERE v % 3 = 0 ORDER BY id")).isEqualTo("3=>30 4=>42");
    }
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void g2TwoEdgesReadOnlyAnomaly(Level level) {
    begin(level, 1);
    assertThat(rows(1, "SELECT * FROM test ORDER BY id")).isEqualTo("1=>10 2=>20");
    begin(level, 2);
    ok(2, "UPDATE test SET v = v + 5 WHERE id = 2");
    ok(2, "COMMIT");
    begin(level, 3);
    assertThat(rows(3, "SELECT * FROM test ORDER BY id")).isEqualTo("1=>10 2=>25");
    assertThat(ok(3, "COMMIT")).isEqualTo("COMMIT");
    if (level == Level.SERIALIZABLE) {
      // T3 (read-only, after T2) ->rw T1 ->rw T2: T1 is the pivot and fails as it writes
      assertPivotFailure(fails(1, "UPDATE test SET v = 0 WHERE id = 1", SqlState.SERIALIZATION_FAILURE),
          "Canceled on identification as a pivot, during write.");
    } else {
      assertThat(ok(1, "UPDATE test SET v = 0 WHERE id = 1")).isEqualTo("UPDATE 1");
    }
    assertThat(ok(1, "ROLLBACK")).isEqualTo("ROLLBACK");
    assertThat(table()).isEqualTo("1=>10 2=>25");
  }
}
