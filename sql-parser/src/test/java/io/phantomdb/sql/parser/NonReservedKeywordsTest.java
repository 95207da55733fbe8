package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.parseError;
import static io.phantomdb.sql.parser.ParserTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.sql.parser.ddl.SqlCreateTable;
import io.phantomdb.sql.parser.dml.SqlPgDelete;
import io.phantomdb.sql.parser.impl.PhantomSqlParserImpl;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.util.SourceStringReader;
import org.junit.jupiter.api.Test;

/**
 * Keeps config.fmpp's copy of Calcite's non-reserved keywords honest, and checks that the words
 * it unreserves work as names.
 */
class NonReservedKeywordsTest {
  private static SqlAbstractParserImpl.Metadata ours() {
    return PhantomSqlParserImpl.FACTORY.getParser(new SourceStringReader("")).getMetadata();
  }

  private static SqlAbstractParserImpl.Metadata calcites() {
    return SqlParserImpl.FACTORY.getParser(new SourceStringReader("")).getMetadata();
  }

  @Test
  void everyWordCalciteLeavesUnreservedStaysUnreservedExceptReturning() {
    final SqlAbstractParserImpl.Metadata ours = ours();
    final List<String> reservedHere = new ArrayList<>();
    for (String token : calcites().getTokens()) {
      if (calcites().isNonReservedKeyword(token) && !ours.isNonReservedKeyword(token)) {
        reservedHere.add(token);
      }
    }
    assertThat(reservedHere).containsExactly("RETURNING");
  }

  @Test
  void ourNewWordsAreUnreserved() {
    for (String word : List.of("TEXT", "INDEX", "IF", "SERIAL", "BIGSERIAL", "INT4", "BOOL",
        "BYTEA", "TIMESTAMPTZ", "ANALYZE", "VERBOSE", "CONFLICT", "DO", "NOTHING", "RENAME",
        "CACHE", "SHARE", "NOWAIT", "LOCKED", "TEMP", "YEAR", "VALUE", "POSITION", "START",
        "BEGIN", "COMMIT", "ROLLBACK", "ABORT", "SHOW", "RESET", "SAVEPOINT", "RELEASE")) {
      assertThat(ours().isKeyword(word)).as(word).isTrue();
      assertThat(ours().isNonReservedKeyword(word)).as(word).isTrue();
    }
  }

  @Test
  void unreservedWordsAsColumnAndTableNames() {
    final SqlCreateTable t = roundTrip("CREATE TABLE index (text text, year int, month int,"
        + " day int, value numeric, position int, start int, result text, language text,"
        + " if int, serial int, share int, begin int, show int, temp int)", SqlCreateTable.class);
    assertThat(t.name().getSimple()).isEqualTo("index");
    assertThat(t.columns()).hasSize(15);
    assertThat(t.columns().get(0).name().getSimple()).isEqualTo("text");
    roundTrip("SELECT text, year, value FROM index WHERE start > 1 ORDER BY position",
        SqlOrderBy.class);
    roundTrip("SELECT i.text FROM index AS i", SqlSelect.class);
  }

  @Test
  void returningIsReserved() {
    assertThat(roundTrip("DELETE FROM t RETURNING *", SqlPgDelete.class).delete().getAlias())
        .isNull();
    assertThat(parseError("SELECT 1 AS returning").token()).isEqualToIgnoringCase("returning");
  }
}
