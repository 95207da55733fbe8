package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.parseError;
import static io.phantomdb.sql.parser.ParserTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.sql.parser.stmt.IsolationLevel;
import io.phantomdb.sql.parser.stmt.SqlBegin;
import io.phantomdb.sql.parser.stmt.SqlCommit;
import io.phantomdb.sql.parser.stmt.SqlPgExplain;
import io.phantomdb.sql.parser.stmt.SqlReleaseSavepoint;
import io.phantomdb.sql.parser.stmt.SqlResetVariable;
import io.phantomdb.sql.parser.stmt.SqlRollback;
import io.phantomdb.sql.parser.stmt.SqlSavepoint;
import io.phantomdb.sql.parser.stmt.SqlSetTransaction;
import io.phantomdb.sql.parser.stmt.SqlSetVariable;
import io.phantomdb.sql.parser.stmt.SqlShowVariable;
import io.phantomdb.sql.parser.stmt.TransactionModes;
import io.phantomdb.sql.parser.dml.SqlLockingQuery;
import io.phantomdb.sql.parser.dml.SqlPgInsert;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

/** SET / SHOW / RESET, EXPLAIN, and transaction control. */
class StatementParseTest {
  @Test
  void setVariable() {
    SqlSetVariable s = roundTrip("SET search_path TO app, \"$user\", public", SqlSetVariable.class);
    assertThat(s.scope()).isEqualTo(SqlSetVariable.Scope.SESSION);
    assertThat(s.nameText()).isEqualTo("search_path");
    assertThat(s.valueText()).isEqualTo("app, $user, public");
    s = roundTrip("SET LOCAL statement_timeout = 0", SqlSetVariable.class);
    assertThat(s.scope()).isEqualTo(SqlSetVariable.Scope.LOCAL);
    assertThat(s.valueText()).isEqualTo("0");
    s = roundTrip("SET SESSION client_encoding = 'UTF8'", SqlSetVariable.class);
    assertThat(s.valueText()).isEqualTo("UTF8");
    assertThat(roundTrip("SET extra_float_digits = -3", SqlSetVariable.class).valueText())
        .isEqualTo("-3");
    assertThat(roundTrip("SET enable_seqscan = on", SqlSetVariable.class).valueText())
        .isEqualTo("on");
    assertThat(roundTrip("SET enable_seqscan TO false", SqlSetVariable.class).valueText())
        .isEqualTo("false");
    assertThat(roundTrip("SET myapp.user_id = 42", SqlSetVariable.class).nameText())
        .isEqualTo("myapp.user_id");
    s = roundTrip("SET work_mem TO DEFAULT", SqlSetVariable.class);
    assertThat(s.isDefault()).isTrue();
    assertThat(s.valueText()).isNull();
  }

  @Test
  void setTimeZone() {
    SqlSetVariable s = roundTrip("SET TIME ZONE 'UTC'", SqlSetVariable.class);
    assertThat(s.nameText()).isEqualTo("timezone");
    assertThat(s.valueText()).isEqualTo("UTC");
    assertThat(roundTrip("SET TIME ZONE LOCAL", SqlSetVariable.class).isDefault()).isTrue();
    assertThat(roundTrip("SET LOCAL TIME ZONE DEFAULT", SqlSetVariable.class).isDefault())
        .isTrue();
    assertThat(roundTrip("SET TIME ZONE -8", SqlSetVariable.class).valueText()).isEqualTo("-8");
    assertThat(roundTrip("SET timezone = 'Europe/Paris'", SqlSetVariable.class).valueText())
        .isEqualTo("Europe/Paris");
  }

  @Test
  void calciteAlterSessionSetStillWorks() {
    final SqlSetOption o = (SqlSetOption) ParserTestSupport.parse("ALTER SESSION SET x = 1");
    assertThat(o.getScope()).isEqualTo("SESSION");
    assertThat(o.name().toString()).isEqualTo("x");
  }

  @Test
  void showAndReset() {
    assertThat(roundTrip("SHOW search_path", SqlShowVariable.class).nameText())
        .isEqualTo("search_path");
    assertThat(roundTrip("SHOW ALL", SqlShowVariable.class).isAll()).isTrue();
    assertThat(roundTrip("SHOW TIME ZONE", SqlShowVariable.class).nameText())
        .isEqualTo("timezone");
    assertThat(roundTrip("SHOW TRANSACTION ISOLATION LEVEL", SqlShowVariable.class).nameText())
        .isEqualTo("transaction_isolation");
    assertThat(roundTrip("SHOW \"TimeZone\"", SqlShowVariable.class).nameText())
        .isEqualTo("TimeZone");
    assertThat(roundTrip("RESET search_path", SqlResetVariable.class).nameText())
        .isEqualTo("search_path");
    assertThat(roundTrip("RESET ALL", SqlResetVariable.class).isAll()).isTrue();
    assertThat(roundTrip("RESET TIME ZONE", SqlResetVariable.class).nameText())
        .isEqualTo("timezone");
  }

  @Test
  void explainPostgresStyle() {
    SqlPgExplain e = roundTrip("EXPLAIN SELECT * FROM t", SqlPgExplain.class);
    assertThat(e.options()).isEmpty();
    assertThat(e.isAnalyze()).isFalse();
    assertThat(e.statement()).isInstanceOf(SqlSelect.class);
    assertThat(roundTrip("EXPLAIN SELECT * FROM t FOR UPDATE SKIP LOCKED", SqlPgExplain.class).statement())
        .isInstanceOf(SqlLockingQuery.class);
    e = roundTrip("EXPLAIN ANALYZE VERBOSE SELECT * FROM t ORDER BY a LIMIT 1", SqlPgExplain.class);
    assertThat(e.isAnalyze()).isTrue();
    assertThat(e.isVerbose()).isTrue();
    assertThat(e.statement()).isInstanceOf(SqlOrderBy.class);
    e = roundTrip("EXPLAIN VERBOSE UPDATE t SET a = 1", SqlPgExplain.class);
    assertThat(e.isAnalyze()).isFalse();
    assertThat(e.isVerbose()).isTrue();
    assertThat(e.statement()).isInstanceOf(SqlUpdate.class);
    e = roundTrip("EXPLAIN (ANALYZE true, VERBOSE false, COSTS off, FORMAT json, BUFFERS)"
        + " INSERT INTO t VALUES (1) RETURNING *", SqlPgExplain.class);
    assertThat(e.options()).containsExactly(
        org.assertj.core.api.Assertions.entry("analyze", "true"),
        org.assertj.core.api.Assertions.entry("verbose", "false"),
        org.assertj.core.api.Assertions.entry("costs", "off"),
        org.assertj.core.api.Assertions.entry("format", "json"),
        org.assertj.core.api.Assertions.entry("buffers", "true"));
    assertThat(e.isAnalyze()).isTrue();
    assertThat(e.isVerbose()).isFalse();
    assertThat(e.statement()).isInstanceOf(SqlPgInsert.class);
    e = roundTrip("EXPLAIN (ANALYZE) (SELECT 1)", SqlPgExplain.class);
    assertThat(e.isAnalyze()).isTrue();
    assertThat(roundTrip("EXPLAIN (SELECT 1)", SqlPgExplain.class).options()).isEmpty();
    assertThat(roundTrip("EXPLAIN DELETE FROM t", SqlPgExplain.class).statement().getKind())
        .isEqualTo(SqlKind.DELETE);
  }

  @Test
  void calciteExplainPlanStillWorks() {
    final SqlExplain e = roundTrip("EXPLAIN PLAN FOR SELECT * FROM t", SqlExplain.class);
    assertThat(e.getExplicandum()).isInstanceOf(SqlSelect.class);
    assertThat(roundTrip("EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR SELECT 1", SqlExplain.class)
        .getDepth()).isEqualTo(SqlExplain.Depth.LOGICAL);
  }

  @Test
  void begin() {
    SqlBegin b = roundTrip("BEGIN", SqlBegin.class);
    assertThat(b.modes().isEmpty()).isTrue();
    assertThat(roundTrip("BEGIN WORK", SqlBegin.class).modes().isEmpty()).isTrue();
    b = roundTrip("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", SqlBegin.class);
    assertThat(b.modes().isolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
    assertThat(b.modes().readOnly()).isTrue();
    b = roundTrip("BEGIN ISOLATION LEVEL SERIALIZABLE READ WRITE NOT DEFERRABLE", SqlBegin.class);
    assertThat(b.modes().isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
    assertThat(b.modes().readOnly()).isFalse();
    assertThat(b.modes().deferrable()).isFalse();
    for (IsolationLevel level : IsolationLevel.values()) {
      assertThat(roundTrip("START TRANSACTION ISOLATION LEVEL " + level.sql(), SqlBegin.class)
          .modes().isolationLevel()).isEqualTo(level);
    }
    assertThat(roundTrip("START TRANSACTION", SqlBegin.class).modes())
        .isSameAs(TransactionModes.NONE);
  }

  @Test
  void commitAndRollback() {
    assertThat(roundTrip("COMMIT", SqlCommit.class).getKind()).isEqualTo(SqlKind.COMMIT);
    assertThat(roundTrip("COMMIT WORK", SqlCommit.class).isChain()).isFalse();
    assertThat(roundTrip("COMMIT AND CHAIN", SqlCommit.class).isChain()).isTrue();
    assertThat(roundTrip("COMMIT TRANSACTION AND NO CHAIN", SqlCommit.class).isChain()).isFalse();
    assertThat(roundTrip("END", SqlCommit.class)).isNotNull();
    assertThat(roundTrip("END TRANSACTION", SqlCommit.class)).isNotNull();
    SqlRollback r = roundTrip("ROLLBACK", SqlRollback.class);
    assertThat(r.getKind()).isEqualTo(SqlKind.ROLLBACK);
    assertThat(r.savepoint()).isNull();
    assertThat(roundTrip("ROLLBACK WORK", SqlRollback.class).savepoint()).isNull();
    r = roundTrip("ROLLBACK TO SAVEPOINT sp1", SqlRollback.class);
    assertThat(r.savepoint().getSimple()).isEqualTo("sp1");
    assertThat(roundTrip("ROLLBACK TRANSACTION TO sp2", SqlRollback.class).savepoint()
        .getSimple()).isEqualTo("sp2");
    assertThat(roundTrip("ABORT", SqlRollback.class).savepoint()).isNull();
    assertThat(roundTrip("ABORT WORK", SqlRollback.class).isChain()).isFalse();
    assertThat(roundTrip("ABORT TRANSACTION AND CHAIN", SqlRollback.class).isChain()).isTrue();
  }

  @Test
  void savepoints() {
    assertThat(roundTrip("SAVEPOINT sp1", SqlSavepoint.class).name().getSimple())
        .isEqualTo("sp1");
    assertThat(roundTrip("RELEASE SAVEPOINT sp1", SqlReleaseSavepoint.class).name().getSimple())
        .isEqualTo("sp1");
    assertThat(roundTrip("RELEASE sp2", SqlReleaseSavepoint.class).name().getSimple())
        .isEqualTo("sp2");
  }

  @Test
  void setTransaction() {
    SqlSetTransaction s = roundTrip("SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
        SqlSetTransaction.class);
    assertThat(s.isSessionCharacteristics()).isFalse();
    assertThat(s.modes().isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
    s = roundTrip("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", SqlSetTransaction.class);
    assertThat(s.isSessionCharacteristics()).isTrue();
    assertThat(s.modes().readOnly()).isTrue();
    parseError("SET TRANSACTION");
  }

  @Test
  void lockingClause() {
    SqlLockingQuery q = roundTrip("SELECT * FROM t WHERE id = 1 FOR UPDATE", SqlLockingQuery.class);
    assertThat(q.strength()).isEqualTo(SqlLockingQuery.Strength.UPDATE);
    assertThat(q.tables()).isNull();
    assertThat(q.waitPolicy()).isEqualTo(SqlLockingQuery.WaitPolicy.WAIT);
    assertThat(q.query()).isInstanceOf(SqlSelect.class);
    q = roundTrip("SELECT * FROM a, b ORDER BY a.x LIMIT 1 FOR NO KEY UPDATE OF a, b NOWAIT",
        SqlLockingQuery.class);
    assertThat(q.strength()).isEqualTo(SqlLockingQuery.Strength.NO_KEY_UPDATE);
    assertThat(q.tables()).hasSize(2);
    assertThat(q.waitPolicy()).isEqualTo(SqlLockingQuery.WaitPolicy.NOWAIT);
    assertThat(q.query()).isInstanceOf(SqlOrderBy.class);
    assertThat(roundTrip("SELECT 1 FROM t WHERE a FOR SHARE SKIP LOCKED", SqlLockingQuery.class)
        .waitPolicy()).isEqualTo(SqlLockingQuery.WaitPolicy.SKIP_LOCKED);
    assertThat(roundTrip("SELECT 1 FROM t AS x FOR KEY SHARE", SqlLockingQuery.class).strength())
        .isEqualTo(SqlLockingQuery.Strength.KEY_SHARE);
    // right after a bare table name (not Calcite's FOR SYSTEM_TIME AS OF), several clauses
    q = roundTrip("SELECT * FROM t FOR UPDATE", SqlLockingQuery.class);
    assertThat(q.query()).isInstanceOf(SqlSelect.class);
    q = roundTrip("SELECT * FROM a JOIN b ON a.x = b.x for\n  share OF a FOR KEY  SHARE OF b SKIP LOCKED",
        SqlLockingQuery.class);
    assertThat(q.clauses()).extracting(SqlLockingQuery.Clause::strength)
        .containsExactly(SqlLockingQuery.Strength.SHARE, SqlLockingQuery.Strength.KEY_SHARE);
    assertThat(q.clauses().get(1).waitPolicy()).isEqualTo(SqlLockingQuery.WaitPolicy.SKIP_LOCKED);
    assertThat(roundTrip("SELECT 1 FROM t FOR NO KEY UPDATE", SqlLockingQuery.class).strength())
        .isEqualTo(SqlLockingQuery.Strength.NO_KEY_UPDATE);
    assertThat(roundTrip("SELECT 1 FROM t", SqlSelect.class)).isNotNull();
  }
}
