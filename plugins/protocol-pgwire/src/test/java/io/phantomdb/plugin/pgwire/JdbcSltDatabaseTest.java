package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.slt.SltDatabase;
import io.phantomdb.kernel.sql.slt.SltValues;
import io.phantomdb.kernel.sql.type.TextCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire harness renders every value as the in-process harness does: the same expressions, run
 * through pgjdbc and in the SQL engine directly, give the same sqllogictest text for each type
 * letter, including the edge values the SQL files do not show (NaN, infinities, -0, float4
 * precision, huge numerics, non-ASCII text).
 */
class JdbcSltDatabaseTest {
  private static final List<String> EXPRESSIONS = List.of(
      "1::int2", "-9000000000::int8", "2147483647", "1.5::numeric", "-3.75::numeric(10,2)",
      "123456789012345678901234567890.5::numeric", "0.1::real", "1.1::real", "3.4e38::real", "0.1::float8",
      "1e300::float8", "'-0'::float8", "'NaN'::float8", "'Infinity'::float8", "'-Infinity'::real",
      "2.0/3", "true", "false", "''", "'abc'", "' x '", "'é€'", "'12abc'", "NULL", "NULL::int",
      "DATE '2024-01-31'", "TIMESTAMP '2024-01-31 12:34:56.5'", "'2024-07-01 12:00:00+02'::timestamptz",
      "'1 day 2 hours'::interval", "'\\x00ff'::bytea", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid",
      "ARRAY[1, 2]", "'a'::char(3)");

  /**
   * Expressions the extended protocol gets wrong today, with the reason: their text (letter T)
   * must still differ (or fail), so a fix makes the test fail until the entry is removed. They come from
   * the kernel planning an extended-protocol statement with its literals as written
   * (KernelPreparedQuery -> EngineSession.plan), where the simple protocol's statements go through
   * LiteralParameterizer first; in process, a statement the parameterizer gives up on takes the
   * same path.
   */
  private static final Map<String, String> EXTENDED_DIFFERENCES = Map.of(
      "'-0'::float8", "the literal cast is folded to 0 (a BigDecimal has no negative zero): 0, not -0",
      "'1 day 2 hours'::interval", "the literal cast is folded to a day-time interval: 26:00:00, not 1 day 02:00:00");

  @TempDir Path dir;

  @Test
  void valuesRenderOverTheWireAsInProcess() {
    try (SltDatabase wire = JdbcSltDatabase.open("simple");
        SltDatabase extended = JdbcSltDatabase.open("extended");
        KernelServer local = new KernelServer(dir);
        Session session = local.engine.newSession()) {
      SoftAssertions soft = new SoftAssertions();
      for (String expression : EXPRESSIONS) {
        for (char letter : "ITR".toCharArray()) {
          String sql = "SELECT " + expression;
          List<String> expected = inProcess(session, sql, letter);
          String types = Character.toString(letter);
          soft.assertThat(wire.query(null, sql, types).values()).as("%s as %s, simple", expression, letter)
              .isEqualTo(expected);
          String difference = EXTENDED_DIFFERENCES.get(expression);
          if (difference == null) {
            soft.assertThat(extended.query(null, sql, types).values()).as("%s as %s, extended", expression, letter)
                .isEqualTo(expected);
          } else if (letter == 'T') { // a known difference is checked on its text
            List<String> got;
            try {
              got = extended.query(null, sql, types).values();
            } catch (SltDatabase.Failure e) {
              got = null;
            }
            soft.assertThat(got).as("%s as %s, extended, listed as a known difference (%s): take it off the list",
                expression, letter, difference).isNotEqualTo(expected);
          }
        }
      }
      soft.assertAll();
    }
  }

  @Test
  void sessionsAreConnectionsAndErrorsCarryTheirSqlState() {
    try (SltDatabase wire = JdbcSltDatabase.open("simple")) {
      wire.execute(null, "CREATE TABLE t (id INT PRIMARY KEY)");
      wire.execute("a", "BEGIN");
      wire.execute("a", "INSERT INTO t VALUES (1)");
      assertThat(wire.query(null, "SELECT count(*) FROM t", "I").values()).containsExactly("0");
      assertThat(wire.query("a", "SELECT count(*) FROM t", "I").values()).containsExactly("1");
      assertThat(wire.query(null, "SELECT 1, 2", "I").columns()).isEqualTo(2);
      assertThatThrownBy(() -> wire.execute("b", "SELECT * FROM nowhere"))
          .isInstanceOfSatisfying(SltDatabase.Failure.class, f -> assertThat(f.sqlState()).isEqualTo("42P01"));
    }
  }

  private static List<String> inProcess(Session session, String sql, char letter) {
    List<String> values = new ArrayList<>();
    try (StatementResult result = session.execute(sql)) {
      ColumnInfo column = result.columns().get(0);
      for (Object[] row = result.next(); row != null; row = result.next()) {
        Object value = row[0];
        values.add(SltValues.render(value, () -> TextCodec.format(value, column.type()), letter));
      }
    }
    return values;
  }
}
