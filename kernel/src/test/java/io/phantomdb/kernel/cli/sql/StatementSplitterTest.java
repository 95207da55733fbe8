package io.phantomdb.kernel.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.cli.sql.StatementSplitter.Pending;
import io.phantomdb.kernel.cli.sql.StatementSplitter.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  private static List<String> sqls(String script) {
    return StatementSplitter.split(script).stream().map(Statement::sql).toList();
  }

  @Test
  void splitsOnSemicolonsAndTrims() {
    assertThat(sqls("SELECT 1; SELECT 2;\n  select 3 ;")).containsExactly("SELECT 1", "SELECT 2", "select 3");
  }

  @Test
  void dropsEmptyStatementsAndLoneComments() {
    assertThat(sqls(";;  ;\n-- nothing here\n/* nor here */;")).isEmpty();
  }

  @Test
  void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
    assertThat(sqls("SELECT 'a;b', 'it''s;' FROM \"x;\"\"y\"; SELECT 2"))
        .containsExactly("SELECT 'a;b', 'it''s;' FROM \"x;\"\"y\"", "SELECT 2");
    assertThat(sqls("SELECT 1 -- a; comment\n + 1; SELECT /* ; /* nested ; */ still ; */ 2;"))
        .containsExactly("SELECT 1 -- a; comment\n + 1", "SELECT /* ; /* nested ; */ still ; */ 2");
  }

  @Test
  void backslashEscapesOnlyInEStrings() {
    assertThat(sqls("SELECT E'a\\';b'; SELECT 2")).containsExactly("SELECT E'a\\';b'", "SELECT 2");
    assertThat(sqls("SELECT e'\\\\'; SELECT 2")).containsExactly("SELECT e'\\\\'", "SELECT 2");
    // standard strings: the backslash is an ordinary character, the quote ends the string
    assertThat(sqls("SELECT 'a\\'; SELECT 2")).containsExactly("SELECT 'a\\'", "SELECT 2");
    // an identifier ending in e is no E prefix
    assertThat(sqls("SELECT name='a\\'; SELECT 2")).containsExactly("SELECT name='a\\'", "SELECT 2");
  }

  @Test
  void dollarQuotedBodies() {
    String fn = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $x$ ; $body$ LANGUAGE sql";
    assertThat(sqls(fn + "; SELECT $$a;b$$;")).containsExactly(fn, "SELECT $$a;b$$");
    // $1 is a parameter and a$b$ an identifier, neither opens a dollar quote
    assertThat(sqls("SELECT $1; SELECT a$b$; SELECT 3")).containsExactly("SELECT $1", "SELECT a$b$", "SELECT 3");
  }

  @Test
  void lineNumbersPointAtTheFirstLineOfText() {
    List<Statement> all = StatementSplitter.split("-- header\n\nSELECT 1;\n/* c\n */ SELECT\n 2;\n\nSELECT 'a\nb'; SELECT 4");
    assertThat(all).extracting(Statement::line).containsExactly(3, 5, 8, 9);
    assertThat(all).extracting(Statement::unterminated)
        .containsExactly(Pending.NONE, Pending.NONE, Pending.NONE, Pending.STATEMENT);
  }

  @Test
  void reportsWhatTheEndOfInputLeavesOpen() {
    assertThat(StatementSplitter.split("SELECT 'abc"))
        .containsExactly(new Statement("SELECT 'abc", 1, Pending.QUOTE));
    assertThat(StatementSplitter.split("SELECT \"abc"))
        .containsExactly(new Statement("SELECT \"abc", 1, Pending.IDENTIFIER));
    assertThat(StatementSplitter.split("SELECT $f$ abc $g$"))
        .containsExactly(new Statement("SELECT $f$ abc $g$", 1, Pending.DOLLAR_QUOTE));
    assertThat(StatementSplitter.split("SELECT 1; \n/* open /* */"))
        .containsExactly(new Statement("SELECT 1", 1, Pending.NONE), new Statement("", 2, Pending.COMMENT));
    assertThat(StatementSplitter.split("SELECT 1 -- no semicolon"))
        .containsExactly(new Statement("SELECT 1 -- no semicolon", 1, Pending.STATEMENT));
  }

  @Test
  void feedsLineByLineAsTheShellDoes() {
    StatementSplitter s = new StatementSplitter();
    assertThat(s.pending()).isEqualTo(Pending.NONE);
    assertThat(s.feed("SELECT 'a\n")).isEmpty();
    assertThat(s.pending()).isEqualTo(Pending.QUOTE);
    assertThat(s.feed("b' -- x\n")).isEmpty();
    assertThat(s.pending()).isEqualTo(Pending.STATEMENT);
    assertThat(s.feed("/* c\n")).isEmpty();
    assertThat(s.pending()).isEqualTo(Pending.COMMENT);
    assertThat(s.feed("*/ ; SELECT \"q\n")).containsExactly(new Statement("SELECT 'a\nb' -- x\n/* c\n*/", 1, Pending.NONE));
    assertThat(s.pending()).isEqualTo(Pending.IDENTIFIER);
    s.reset();
    assertThat(s.pending()).isEqualTo(Pending.NONE);
    assertThat(s.feed("SELECT 5;\n")).containsExactly(new Statement("SELECT 5", 5, Pending.NONE));
    assertThat(s.finish()).isEmpty();
  }

  @Test
  void tokensSplitAcrossFeedsAreRecognised() {
    String script = "SELECT 'it''s' -- c;\n, E'\\'' /* a /* b */ ; */, $tg$;$tg$; SELECT 2;";
    List<String> whole = sqls(script);
    assertThat(whole).containsExactly("SELECT 'it''s' -- c;\n, E'\\'' /* a /* b */ ; */, $tg$;$tg$", "SELECT 2");
    // every split point, one character at a time
    StatementSplitter s = new StatementSplitter();
    List<String> pieces = new ArrayList<>();
    for (char c : script.toCharArray()) {
      s.feed(String.valueOf(c)).forEach(st -> pieces.add(st.sql()));
    }
    s.finish().forEach(st -> pieces.add(st.sql()));
    assertThat(pieces).isEqualTo(whole);
  }
}
