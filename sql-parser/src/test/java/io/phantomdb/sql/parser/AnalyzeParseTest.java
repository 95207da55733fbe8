package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.parseError;
import static io.phantomdb.sql.parser.ParserTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.phantomdb.sql.parser.stmt.SqlAnalyze;
import io.phantomdb.sql.parser.stmt.SqlPgExplain;
import org.junit.jupiter.api.Test;

/** ANALYZE, and ANALYZE still meaning EXPLAIN's option and a name. */
class AnalyzeParseTest {
  @Test
  void everyTable() {
    SqlAnalyze a = roundTrip("ANALYZE", SqlAnalyze.class);
    assertThat(a.targets()).isEmpty();
    assertThat(a.isVerbose()).isFalse();
    assertThat(roundTrip("ANALYZE VERBOSE", SqlAnalyze.class).isVerbose()).isTrue();
  }

  @Test
  void tablesAndColumns() {
    SqlAnalyze a = roundTrip("ANALYZE VERBOSE t, s.u (a, \"B\"), v", SqlAnalyze.class);
    assertThat(a.isVerbose()).isTrue();
    assertThat(a.targets()).hasSize(3);
    assertThat(a.targets().get(0).table().names).containsExactly("t");
    assertThat(a.targets().get(0).columns()).isEmpty();
    assertThat(a.targets().get(1).table().names).containsExactly("s", "u");
    assertThat(a.targets().get(1).columns()).extracting(c -> c.getSimple()).containsExactly("a", "B");
    assertThat(a.getOperandList()).hasSize(3);
  }

  @Test
  void optionList() {
    SqlAnalyze a = roundTrip("ANALYZE (VERBOSE, SKIP_LOCKED false) t", SqlAnalyze.class);
    assertThat(a.options()).containsExactly(entry("verbose", "true"), entry("skip_locked", "false"));
    assertThat(a.isVerbose()).isTrue();
    assertThat(roundTrip("ANALYZE (VERBOSE off)", SqlAnalyze.class).isVerbose()).isFalse();
  }

  @Test
  void analyzeIsStillAName() {
    assertThat(roundTrip("EXPLAIN ANALYZE SELECT 1", SqlPgExplain.class).isAnalyze()).isTrue();
    assertThat(roundTrip("ANALYZE analyze", SqlAnalyze.class).targets().get(0).table().names)
        .containsExactly("analyze");
    ParserTestSupport.parse("SELECT analyze FROM analyze");
  }

  @Test
  void errors() {
    parseError("ANALYZE t (");
    parseError("ANALYZE t (a b)");
    parseError("ANALYZE t,");
    parseError("ANALYZE ()");
  }
}
