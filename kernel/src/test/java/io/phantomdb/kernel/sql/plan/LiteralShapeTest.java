package io.phantomdb.kernel.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.PhantomTypeSystem;
import io.phantomdb.sql.parser.PhantomSqlParser;
import java.math.BigDecimal;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The literal scan, and its check against what the parser and the parameterizer make. */
class LiteralShapeTest {
  private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl(PhantomTypeSystem.INSTANCE);

  private static int[] confirm(String sql) throws Exception {
    LiteralShape shape = LiteralShape.of(sql);
    assertThat(shape).as(sql).isNotNull();
    LiteralParameterizer.Result p = LiteralParameterizer.parameterize(PhantomSqlParser.parseStatement(sql), sql, TYPES);
    return p == null ? null : shape.matches(p);
  }

  @Test
  void statementsThatDifferOnlyInTheirConstantsShareAKey() {
    LiteralShape a = LiteralShape.of("SELECT abalance FROM pgbench_accounts WHERE aid = 4711");
    LiteralShape b = LiteralShape.of("SELECT abalance FROM pgbench_accounts WHERE aid = 12");
    assertThat(a.key()).isEqualTo(b.key());
    assertThat(a.values()).containsExactly(4711);
    assertThat(b.values()).containsExactly(12);
    assertThat(LiteralShape.of("SELECT abalance FROM pgbench_accounts WHERE aid = 3000000000").key())
        .as("a BIGINT literal").isNotEqualTo(a.key());
    assertThat(LiteralShape.of("SELECT abalance FROM pgbench_accounts WHERE aid = 1.5").key())
        .isNotEqualTo(LiteralShape.of("SELECT abalance FROM pgbench_accounts WHERE aid = 1.25").key())
        .as("another DECIMAL precision and scale");
    assertThat(LiteralShape.of("SELECT 1 FROM t WHERE aid = 4711").key()).isNotEqualTo(a.key());
  }

  @Test
  void stringsNegativeNumbersAndIdentifiersAreReadAsTheParserReadsThem() {
    LiteralShape s = LiteralShape.of("UPDATE t1 SET v = 'it''s', w = w + -12, x = 2.50, y = 1e3 WHERE \"c3\" = 7");
    assertThat(s.values()).containsExactly("it's", -12, new BigDecimal("2.50"), 1000.0, 7);
    assertThat(s.key()).startsWith("UPDATE t1 SET v = \u0001, w = w + \u0001, x = \u0001, y = \u0001 WHERE \"c3\" = \u0001");
    assertThat(LiteralShape.of("SELECT a - 1 FROM t").values()).as("a binary minus").containsExactly(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1 -- a comment", "SELECT /* c */ 1", "SELECT $1", "SELECT ?", "SELECT E'a\\n'", "SELECT x'0f'",
      "SELECT 'é'", "SELECT $$a$$", "SELECT 1abc", "SELECT v FROM t", "SELECT 'unterminated"})
  void textTheScanDoesNotHandleHasNoShape(String sql) {
    assertThat(LiteralShape.of(sql)).isNull();
  }

  @Test
  void aShapeIsConfirmedOnlyWhereTheParameterizerMadeTheSameParameters() throws Exception {
    assertThat(confirm("SELECT abalance FROM pgbench_accounts WHERE aid = 4711")).containsExactly(0);
    assertThat(confirm("UPDATE pgbench_accounts SET abalance = abalance + -4711 WHERE aid = 5")).containsExactly(0, 1);
    assertThat(confirm("INSERT INTO h (tid, bid, aid, delta, mtime) VALUES (3, 1, 77, -5, CURRENT_TIMESTAMP)"))
        .containsExactly(0, 1, 2, 3);
    assertThat(confirm("SELECT v FROM t WHERE s = 'x' AND k > 2.5")).containsExactly(0, 1);
    // a LIMIT, an ORDER BY position and a typed literal stay literals: no shape for them
    assertThat(confirm("SELECT v FROM t WHERE k = 1 LIMIT 5")).isNull();
    assertThat(confirm("SELECT v FROM t WHERE k = 1 ORDER BY 1")).isNull();
    assertThat(confirm("SELECT v FROM t WHERE d = DATE '2024-01-01' AND k = 1")).isNull();
    assertThat(confirm("SELECT v FROM t WHERE k IN (1, 2)")).isNull();
  }
}
