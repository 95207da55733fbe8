package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.roundTrip;
import static io.phantomdb.sql.parser.ParserTestSupport.sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.sql.parser.dml.SqlOnConflict;
import io.phantomdb.sql.parser.dml.SqlPgDelete;
import io.phantomdb.sql.parser.dml.SqlPgInsert;
import io.phantomdb.sql.parser.dml.SqlPgOverridingInsert;
import io.phantomdb.sql.parser.dml.SqlPgUpdate;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

/** INSERT / UPDATE / DELETE with PostgreSQL's clauses. */
class DmlParseTest {
  @Test
  void plainInsertStaysCalcites() {
    final SqlInsert i = roundTrip("INSERT INTO t (a, b) VALUES (1, 'x'), (2, DEFAULT)",
        SqlInsert.class);
    assertThat(i.getTargetColumnList()).extracting(Object::toString).containsExactly("a", "b");
    assertThat(i.getSource().getKind()).isEqualTo(SqlKind.VALUES);
    final SqlBasicCall row2 = (SqlBasicCall) ((SqlBasicCall) i.getSource()).operand(1);
    assertThat(row2.operand(1).getKind()).isEqualTo(SqlKind.DEFAULT);
    assertThat(roundTrip("INSERT INTO t SELECT * FROM u WHERE x > 1", SqlInsert.class)
        .getSource()).isInstanceOf(SqlSelect.class);
  }

  @Test
  void insertOverriding() {
    final SqlPgOverridingInsert i = roundTrip(
        "INSERT INTO t (id, a) OVERRIDING SYSTEM VALUE VALUES (1, 'x')", SqlPgOverridingInsert.class);
    assertThat(i.overriding()).isEqualTo(SqlPgOverridingInsert.Overriding.SYSTEM_VALUE);
    assertThat(SqlPgOverridingInsert.of(i)).isEqualTo(SqlPgOverridingInsert.Overriding.SYSTEM_VALUE);
    assertThat(i.getKind()).isEqualTo(SqlKind.INSERT);
    assertThat(sql(i)).contains("OVERRIDING SYSTEM VALUE");
    final SqlPgInsert r = roundTrip("INSERT INTO t OVERRIDING USER VALUE SELECT * FROM u RETURNING id",
        SqlPgInsert.class);
    assertThat(SqlPgOverridingInsert.of(r.insert()))
        .isEqualTo(SqlPgOverridingInsert.Overriding.USER_VALUE);
    assertThat(sql(r)).contains("OVERRIDING USER VALUE");
    assertThat(SqlPgOverridingInsert.of(roundTrip("INSERT INTO t VALUES (1)", SqlInsert.class)))
        .isNull();
  }

  @Test
  void insertDefaultValuesReturning() {
    final SqlPgInsert i = roundTrip("INSERT INTO t DEFAULT VALUES RETURNING *", SqlPgInsert.class);
    assertThat(i.isDefaultValues()).isTrue();
    assertThat(i.insert().getTargetTable().toString()).isEqualTo("t");
    assertThat(sql(i.returning())).isEqualTo("*");
    assertThat(i.onConflict()).isNull();
  }

  @Test
  void insertReturning() {
    final SqlPgInsert i = roundTrip(
        "INSERT INTO s.t (a, b) VALUES ($1, $2) RETURNING id, a + 1 AS nxt, t.*", SqlPgInsert.class);
    assertThat(i.isDefaultValues()).isFalse();
    assertThat(i.returning()).hasSize(3);
    assertThat(i.returning().get(1).getKind()).isEqualTo(SqlKind.AS);
    assertThat(sql(i.returning())).isEqualTo("\"id\", \"a\" + 1 AS \"nxt\", \"t\".*");
    assertThat(roundTrip("INSERT INTO t SELECT a FROM u RETURNING a", SqlPgInsert.class)
        .insert().getSource()).isInstanceOf(SqlSelect.class);
  }

  @Test
  void onConflictDoNothing() {
    SqlOnConflict c = roundTrip("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING",
        SqlPgInsert.class).onConflict();
    assertThat(c.isDoNothing()).isTrue();
    assertThat(c.conflictColumns()).isNull();
    c = roundTrip("INSERT INTO t VALUES (1) ON CONFLICT (a, b) DO NOTHING", SqlPgInsert.class)
        .onConflict();
    assertThat(c.conflictColumns()).extracting(Object::toString).containsExactly("a", "b");
    c = roundTrip("INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING",
        SqlPgInsert.class).onConflict();
    assertThat(c.constraintName().getSimple()).isEqualTo("t_pkey");
    assertThat(c.indexPredicate()).isNull();
  }

  @Test
  void onConflictTargetWithIndexPredicate() {
    final SqlOnConflict c = roundTrip("INSERT INTO t VALUES (1) ON CONFLICT (a) WHERE b > 0"
        + " DO UPDATE SET b = excluded.b WHERE t.b < 5", SqlPgInsert.class).onConflict();
    assertThat(c.conflictColumns()).extracting(Object::toString).containsExactly("a");
    assertThat(sql(c.indexPredicate())).isEqualTo("\"b\" > 0");
    assertThat(sql(c.where())).isEqualTo("\"t\".\"b\" < 5");
  }

  @Test
  void onConflictDoUpdate() {
    final SqlPgInsert i = roundTrip("INSERT INTO counters AS c (k, n) VALUES ('a', 1)"
        + " ON CONFLICT (k) DO UPDATE SET n = c.n + excluded.n, updated = DEFAULT"
        + " WHERE c.n < 100 RETURNING n", SqlPgInsert.class);
    assertThat(i.alias().getSimple()).isEqualTo("c");
    final SqlOnConflict c = i.onConflict();
    assertThat(c.isDoNothing()).isFalse();
    assertThat(c.targetColumns()).extracting(Object::toString).containsExactly("n", "updated");
    assertThat(sql(c.sourceExpressions().get(0))).isEqualTo("\"c\".\"n\" + \"excluded\".\"n\"");
    assertThat(c.sourceExpressions().get(1).getKind()).isEqualTo(SqlKind.DEFAULT);
    assertThat(sql(c.where())).isEqualTo("\"c\".\"n\" < 100");
    assertThat(i.returning()).hasSize(1);
  }

  @Test
  void onConflictDoUpdateNeedsATarget() {
    assertThat(ParserTestSupport.parseError(
        "INSERT INTO t VALUES (1) ON CONFLICT DO UPDATE SET a = 1").pgMessage())
        .contains("ON CONFLICT DO UPDATE requires");
  }

  @Test
  void plainUpdateStaysCalcites() {
    final SqlUpdate u = roundTrip("UPDATE t AS x SET a = 1, b = DEFAULT WHERE x.id = $1",
        SqlUpdate.class);
    assertThat(u.getAlias().getSimple()).isEqualTo("x");
    assertThat(u.getTargetColumnList()).extracting(Object::toString).containsExactly("a", "b");
    assertThat(u.getSourceExpressionList().get(1).getKind()).isEqualTo(SqlKind.DEFAULT);
    assertThat(sql(u.getCondition())).isEqualTo("\"x\".\"id\" = ?");
    assertThat(roundTrip("UPDATE t y SET a = a + 1", SqlUpdate.class).getCondition()).isNull();
  }

  @Test
  void updateFromReturning() {
    final SqlPgUpdate u = roundTrip("UPDATE t SET a = u.a FROM u JOIN v ON u.id = v.id"
        + " WHERE t.id = u.id RETURNING t.id, a", SqlPgUpdate.class);
    assertThat(u.from().getKind()).isEqualTo(SqlKind.JOIN);
    assertThat(u.update().getCondition()).isNotNull();
    assertThat(u.returning()).hasSize(2);
    final SqlPgUpdate r = roundTrip("UPDATE t SET a = 1 RETURNING *", SqlPgUpdate.class);
    assertThat(r.from()).isNull();
  }

  @Test
  void plainDeleteStaysCalcites() {
    final SqlDelete d = roundTrip("DELETE FROM t AS x WHERE x.a = 1", SqlDelete.class);
    assertThat(d.getAlias().getSimple()).isEqualTo("x");
    assertThat(roundTrip("DELETE FROM t", SqlDelete.class).getCondition()).isNull();
  }

  @Test
  void deleteUsingReturning() {
    final SqlPgDelete d = roundTrip("DELETE FROM t USING u WHERE t.id = u.id RETURNING t.*",
        SqlPgDelete.class);
    assertThat(d.using().toString()).isEqualTo("u");
    assertThat(d.returning()).hasSize(1);
    assertThat(roundTrip("DELETE FROM t WHERE a = 1 RETURNING a, b", SqlPgDelete.class)
        .using()).isNull();
  }
}
