package io.phantomdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import org.apache.calcite.sql.SqlNode;

/** Parsing and round-trip helpers for the parser tests. */
final class ParserTestSupport {
  private ParserTestSupport() {}

  /** Parses one statement, failing the test on an error. */
  static SqlNode parse(String sql) {
    try {
      return PhantomSqlParser.parseStatement(sql);
    } catch (PhantomSqlParseException e) {
      return fail("cannot parse: " + sql + "\n" + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code sql}, checks the node's class, prints it back, parses that again and checks
   * that printing gives the same text (unparse round-trips).
   */
  static <T extends SqlNode> T roundTrip(String sql, Class<T> type) {
    final SqlNode node = parse(sql);
    assertThat(node).as(sql).isInstanceOf(type);
    final String printed = PhantomSqlParser.toSql(node);
    final SqlNode again = parse(printed);
    assertThat(again).as(printed).isInstanceOf(type);
    assertThat(PhantomSqlParser.toSql(again)).as("round trip of " + sql).isEqualTo(printed);
    return type.cast(node);
  }

  /** @return the text the node prints as */
  static String sql(SqlNode node) {
    return PhantomSqlParser.toSql(node);
  }

  /** Asserts that {@code sql} is a syntax error and returns the exception. */
  static PhantomSqlParseException parseError(String sql) {
    final PhantomSqlParseException[] caught = new PhantomSqlParseException[1];
    assertThatThrownBy(() -> PhantomSqlParser.parseStatement(sql))
        .as(sql)
        .isInstanceOfSatisfying(PhantomSqlParseException.class, e -> caught[0] = e);
    return caught[0];
  }
}
