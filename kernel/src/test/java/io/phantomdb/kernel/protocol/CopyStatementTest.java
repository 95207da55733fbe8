package io.phantomdb.kernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY statements parsed, options checked as PostgreSQL does, and the text/CSV field codec. */
class CopyStatementTest {

  private static String state(String sql) {
    try {
      CopyStatement.parse(sql);
      return "ok";
    } catch (SqlException e) {
      return e.sqlState() + " " + e.getMessage();
    }
  }

  @Test
  void newAndOldOptionSyntax() {
    CopyStatement a = CopyStatement.parse("COPY s.\"T\" (a, \"B\") FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER ';', "
        + "NULL 'n', QUOTE '''', ESCAPE '\\')");
    assertThat(a.table()).isEqualTo("s.\"T\"");
    assertThat(a.relationName()).isEqualTo("T");
    assertThat(a.columns()).containsExactly("a", "\"B\"");
    assertThat(a.format()).isEqualTo(new CopyFormat(true, ';', "n", true, false, '\'', '\\', null, null, null));
    CopyStatement b = CopyStatement.parse("copy t from stdin with csv header delimiter as '|' null as 'x'");
    assertThat(b.format()).isEqualTo(new CopyFormat(true, '|', "x", true, false, '"', '"', null, null, null));
    CopyStatement c = CopyStatement.parse("COPY (SELECT a, ')' FROM t WHERE (a > 1)) TO STDOUT (FORMAT text);");
    assertThat(c.query()).isEqualTo("SELECT a, ')' FROM t WHERE (a > 1)");
    assertThat(c.from()).isFalse();
    assertThat(c.format()).isEqualTo(new CopyFormat(false, '\t', "\\N", false, false, '"', '"', null, null, null));
    CopyStatement d = CopyStatement.parse("COPY t TO STDOUT (FORMAT csv, FORCE_QUOTE *, HEADER false)");
    assertThat(d.format().forceQuote()).containsExactly("*");
    assertThat(d.format().header()).isFalse();
  }

  @Test
  void errorsAsPostgreSql() {
    assertThat(state("COPY t FROM '/tmp/f'")).startsWith("0A000 COPY to or from a file is not supported");
    assertThat(state("COPY t TO PROGRAM 'cat'")).startsWith("0A000");
    assertThat(state("COPY t FROM STDIN (FORMAT binary)")).startsWith("0A000");
    assertThat(state("COPY t FROM STDIN (FORMAT xml)")).isEqualTo("22023 COPY format \"xml\" not recognized");
    assertThat(state("COPY t FROM STDIN (BOGUS 1)")).isEqualTo("42601 option \"bogus\" not recognized");
    assertThat(state("COPY t FROM STDIN (FORMAT csv, FORMAT csv)")).isEqualTo("42601 conflicting or redundant options");
    assertThat(state("COPY t FROM STDIN (DELIMITER '||')"))
        .isEqualTo("0A000 COPY delimiter must be a single one-byte character");
    assertThat(state("COPY t FROM STDIN (QUOTE '\"')")).isEqualTo("0A000 COPY quote available only in CSV mode");
    assertThat(state("COPY t FROM STDIN (DELIMITER 'a')")).isEqualTo("22023 COPY delimiter cannot be \"a\"");
    assertThat(state("COPY t FROM STDIN (FORMAT csv, QUOTE ',')"))
        .isEqualTo("22023 COPY delimiter and quote must be different");
    assertThat(state("COPY t TO STDOUT (HEADER match)"))
        .isEqualTo("0A000 cannot use \"match\" with HEADER in COPY TO");
    assertThat(state("COPY (SELECT 1) FROM STDIN")).startsWith("42601");
    assertThat(state("COPY t INTO STDIN")).isEqualTo("42601 syntax error at or near \"into\"");
  }

  private static List<String> values(CopyFormat f, String line) {
    return new CopyCodec(f).split(line).stream().map(CopyCodec.Field::value).toList();
  }

  @Test
  void textFieldsWithEscapes() {
    CopyFormat text = CopyStatement.parse("COPY t FROM STDIN").format();
    assertThat(values(text, "a\\tb\t\\N\t\t\\\\N\t\\101\\x41\\q")).containsExactly("a\tb", null, "", "\\N", "AAq");
    assertThat(new CopyCodec(text).line(Arrays.asList("a\tb\nc\\", null, ""), null)).isEqualTo("a\\tb\\nc\\\\\t\\N\t\n");
  }

  @Test
  void csvFieldsWithQuotes() {
    CopyFormat csv = CopyStatement.parse("COPY t FROM STDIN CSV").format();
    assertThat(values(csv, "1,\"a,b\",,\"\",\"x\"\"y\"")).containsExactly("1", "a,b", null, "", "x\"y");
    assertThatThrownBy(() -> values(csv, "1,\"open")).isInstanceOfSatisfying(SqlException.class,
        e -> assertThat(e.sqlState()).isEqualTo("22P04"));
    assertThat(new CopyCodec(csv).line(Arrays.asList("a,b", null, "", "q\"", "plain"), null))
        .isEqualTo("\"a,b\",,\"\",\"q\"\"\",plain\n");
  }
}
