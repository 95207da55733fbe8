package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hermitage's write cycles, dirty and intermediate reads, observed transaction vanishes,
 * predicate-many-preceders and lost update (G0, G1a, G1b, G1c, OTV, PMP, PMP-write, P4) at every
 * isolation level, each step's outcome as PostgreSQL 15 gives it. The anti-dependency cases are in
 * {@link HermitageSkewTest}.
 */
class HermitageTest extends HermitageHarness {
  private static boolean rc(Level level) {
    return level == Level.READ_COMMITTED;
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void g0WriteCyclesArePrevented(Level level) {
    begin(level, 1, 2);
    ok(1, "UPDATE test SET v = 11 WHERE id = 1");
    Future<Outcome> t2 = blocks(2, "UPDATE test SET v = 12 WHERE id = 1");
    ok(1, "UPDATE test SET v = 21 WHERE id = 2");
    ok(1, "COMMIT");
    Outcome unblocked = await(t2);
    assertThat(rows(1, "SELECT * FROM test ORDER BY id")).isEqualTo("1=>11 2=>21");
    if (rc(level)) {
      assertThat(unblocked.result()).isEqualTo("UPDATE 1");
      ok(2, "UPDATE test SET v = 22 WHERE id = 2");
      assertThat(ok(2, "COMMIT")).isEqualTo("COMMIT");
      assertThat(table()).isEqualTo("1=>12 2=>22");
    } else {
      assertConcurrentUpdate(unblocked.error());
      fails(2, "UPDATE test SET v = 22 WHERE id = 2", SqlState.IN_FAILED_SQL_TRANSACTION);
      assertThat(ok(2, "COMMIT")).isEqualTo("ROLLBACK");
      assertThat(table()).isEqualTo("1=>11 2=>21");
    }
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void g1aAbortedReadsArePrevented(Level level) {
    begin(level, 1, 2);
    ok(1, "UPDATE test SET v = 101 WHERE id = 1");
    assertThat(rows(2, "SELECT * FROM test ORDER BY id")).isEqualTo("1=>10 2=>20");
    ok(1, "ROLLBACK");
    assertThat(rows(2, "SELECT * FROM test ORDER BY id")).isEqualTo("1=>10 2=>20");
    assertThat(ok(2, "COMMIT")).isEqualTo("COMMIT");
    assertThat(table()).isEqualTo("1=>10 2=>20");
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void g1bIntermediateReadsArePrevented(Level level) {
    begin(level, 1, 2);
    ok(1, "UPDATE test SET v = 101 WHERE id = 1");
    assertThat(rows(2, "SELECT * FROM test ORDER BY id")).isEqualTo("1=>10 2=>20");
    ok(1, "UPDATE test SET v = 11 WHERE id = 1");
    ok(1, "COMMIT");
    assertThat(rows(2, "SELECT * FROM test ORDER BY id")).isEqualTo(rc(level) ? "1=>11 2=>20" : "1=>10 2=>20");
    assertThat(ok(2, "COMMIT")).isEqualTo("COMMIT");
    assertThat(table()).isEqualTo("1=>11 2=>20");
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void g1cCircularInformationFlowIsPrevented(Level level) {
    begin(level, 1, 2);
    ok(1, "UPDATE test SET v = 11 WHERE id = 1");
    ok(2, "UPDATE test SET v = 22 WHERE id = 2");
    assertThat(rows(1, "SELECT * FROM test WHERE id = 2")).isEqualTo("2=>20");
    assertThat(rows(2, "SELECT * FROM test WHERE id = 1")).isEqualTo("1=>10");
    assertThat(ok(1, "COMMIT")).isEqualTo("COMMIT");
    if (level == Level.SERIALIZABLE) {
      // each read the other's row: T2 is the pivot of T1 ->rw T2 ->rw T1 once T1 committed first
      assertPivotFailure(fails(2, "COMMIT", SqlState.SERIALIZATION_FAILURE),
          "Canceled on identification as a pivot, during commit attempt.");
      assertThat(table()).isEqualTo("1=>11 2=>20");
    } else {
      assertThat(ok(2, "COMMIT")).isEqualTo("COMMIT");
      assertThat(table()).isEqualTo("1=>11 2=>22");
    }
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void otvObservedTransactionVanishesIsPrevented(Level level) {
    begin(level, 1, 2, 3);
    ok(1, "UPDATE test SET v = 11 WHERE id = 1");
    ok(1, "UPDATE test SET v = 19 WHERE id = 2");
    Future<Outcome> t2 = blocks(2, "UPDATE test SET v = 12 WHERE id = 1");
    ok(1, "COMMIT");
    Outcome unblocked = await(t2);
    assertThat(rows(3, "SELECT * FROM test WHERE id = 1")).isEqualTo("1=>11");
    if (rc(level)) {
      assertThat(unblocked.result()).isEqualTo("UPDATE 1");
      ok(2, "UPDATE test SET v = 18 WHERE id = 2");
    } else {
      assertConcurrentUpdate(unblocked.error());
      fails(2, "UPDATE test SET v = 18 WHERE id = 2", SqlState.IN_FAILED_SQL_TRANSACTION);
    }
    assertThat(rows(3, "SELECT * FROM test WHERE id = 2")).isEqualTo("2=>19");
    assertThat(ok(2, "COMMIT")).isEqualTo(rc(level) ? "COMMIT" : "ROLLBACK");
    assertThat(rows(3, "SELECT * FROM test WHERE id = 2")).isEqualTo(rc(level) ? "2=>18" : "2=>19");
    assertThat(rows(3, "SELECT * FROM test WHERE id = 1")).isEqualTo(rc(level) ? "1=>12" : "1=>11");
    assertThat(ok(3, "COMMIT")).isEqualTo("COMMIT");
    assertThat(table()).isEqualTo(rc(level) ? "1=>12 2=>18" : "1=>11 2=>19");
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void pmpPredicateManyPreceders(Level level) {
    begin(level, 1, 2);
    assertThat(rows(1, "SELECT * FROM test WHERE v = 30")).isEmpty();
    ok(2, "INSERT INTO test (id, v) VALUES (3, 30)");
    ok(2, "COMMIT");
    // READ COMMITTED sees the new row; the snapshot levels never do
    assertThat(rows(1, "SELECT * FROM test WHERE v % 3 = 0")).isEqualTo(rc(level) ? "3=>30" : "");
    assertThat(ok(1, "COMMIT")).isEqualTo("COMMIT");
    assertThat(table()).isEqualTo("1=>10 2=>20 3=>30");
  }

  /**
   * READ COMMITTED re-checks only the rows its first snapshot chose (as PostgreSQL's EvalPlanQual):
   * row 2 is now 30, so DELETE 0, and row 1, which became 20 meanwhile, survives.
   */
  @ParameterizedTest
  @EnumSource(Level.class)
  void pmpWritePredicates(Level level) {
    begin(level, 1, 2);
    ok(1, "UPDATE test SET v = v + 10");
    Future<Outcome> t2 = blocks(2, "DELETE FROM test WHERE v = 20");
    ok(1, "COMMIT");
    Outcome unblocked = await(t2);
    if (rc(level)) {
      assertThat(unblocked.result()).isEqualTo("DELETE 0");
      assertThat(rows(2, "SELECT * FROM test ORDER BY id")).isEqualTo("1=>20 2=>30");
      assertThat(ok(2, "COMMIT")).isEqualTo("COMMIT");
    } else {
      assertConcurrentUpdate(unblocked.error());
      fails(2, "SELECT * FROM test WHERE v = 20", SqlState.IN_FAILED_SQL_TRANSACTION);
      assertThat(ok(2, "COMMIT")).isEqualTo("ROLLBACK");
    }
    assertThat(table()).isEqualTo("1=>20 2=>30");
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void p4LostUpdate(Level level) {
    begin(level, 1, 2);
    assertThat(rows(1, "SELECT * FROM test WHERE id = 1")).isEqualTo("1=>10");
    assertThat(rows(2, "SELECT * FROM test WHERE id = 1")).isEqualTo("1=>10");
    ok(1, "UPDATE test SET v = 11 WHERE id = 1");
    Future<Outcome> t2 = blocks(2, "UPDATE test SET v = 11 WHERE id = 1");
    ok(1, "COMMIT");
    Outcome unblocked = await(t2);
    if (rc(level)) {
      assertThat(unblocked.result()).isEqualTo("UPDATE 1"); // T1's update is overwritten
      assertThat(ok(2, "COMMIT")).isEqualTo("COMMIT");
    } else {
      assertConcurrentUpdate(unblocked.error());
      assertThat(ok(2, "COMMIT")).isEqualTo("ROLLBACK");
    }
    assertThat(table()).isEqualTo("1=>11 2=>20");
  }
}
