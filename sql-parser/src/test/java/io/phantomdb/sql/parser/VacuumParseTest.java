package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.parseError;
import static io.phantomdb.sql.parser.ParserTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.phantomdb.sql.parser.stmt.SqlVacuum;
import org.junit.jupiter.api.Test;

/** VACUUM in both of PostgreSQL's syntaxes; VACUUM and FREEZE stay usable as names. */
class VacuumParseTest {
  @Test
  void everyTable() {
    SqlVacuum v = roundTrip("VACUUM", SqlVacuum.class);
    assertThat(v.targets()).isEmpty();
    assertThat(v.options()).isEmpty();
  }

  @Test
  void oldSyntaxWords() {
    SqlVacuum v = roundTrip("VACUUM FULL FREEZE VERBOSE ANALYZE t, s.u (a)", SqlVacuum.class);
    assertThat(v.options()).containsExactly(entry("full", "true"), entry("freeze", "true"),
        entry("verbose", "true"), entry("analyze", "true"));
    assertThat(v.targets()).hasSize(2);
    assertThat(v.targets().get(1).table().names).containsExactly("s", "u");
    assertThat(v.targets().get(1).columns()).extracting(c -> c.getSimple()).containsExactly("a");
    assertThat(roundTrip("VACUUM ANALYZE", SqlVacuum.class).isOn("analyze")).isTrue();
  }

  @Test
  void optionList() {
    SqlVacuum v = roundTrip("VACUUM (VERBOSE false, ANALYZE, INDEX_CLEANUP auto) t", SqlVacuum.class);
    assertThat(v.options()).containsExactly(entry("verbose", "false"), entry("analyze", "true"),
        entry("index_cleanup", "auto"));
    assertThat(v.isOn("verbose")).isFalse();
    assertThat(v.isOn("analyze")).isTrue();
  }

  @Test
  void wordsStayNames() {
    assertThat(roundTrip("VACUUM vacuum", SqlVacuum.class).targets().get(0).table().names)
        .containsExactly("vacuum");
    ParserTestSupport.parse("SELECT vacuum, freeze FROM freeze");
  }

  @Test
  void errors() {
    parseError("VACUUM t (");
    parseError("VACUUM t,");
    parseError("VACUUM ()");
  }
}
