package io.phantomdb.kernel.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.cli.sql.ResultPrinter.Format;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.StatementResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * What the runner does before a statement reaches the session: shell commands, input left open,
 * error lines and stop-on-error. The session here refuses every statement, so nothing in these
 * tests depends on SQL being executed; running SQL is tested with the engine (SqlCommandTest).
 */
class SqlRunnerTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Fails the test if a statement reaches it. */
  private static final Session NO_STATEMENTS = new Session() {
    @Override
    public StatementResult execute(String sql) {
      throw new AssertionError("no statement may reach the session here: " + sql);
    }

    @Override
    public io.phantomdb.kernel.sql.PreparedStatement prepare(String sql,
        java.util.List<io.phantomdb.kernel.sql.type.DataType> parameterTypes) {
      throw new AssertionError("no statement may reach the session here: " + sql);
    }

    @Override
    public char transactionStatus() {
      return 'I';
    }

    @Override
    public String database() {
      return "postgres";
    }

    @Override
    public String setting(String name) {
      throw new AssertionError("no setting is read here: " + name);
    }

    @Override
    public void setStartupSetting(String name, String value) {
      throw new AssertionError("no setting is set here: " + name);
    }

    @Override
    public java.util.Map<String, String> changedReportedSettings() {
      return java.util.Map.of();
    }

    @Override
    public java.time.ZoneId timeZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public void close() {}
  };

  private SqlRunner runner(boolean stopOnError) {
    PrintWriter o = new PrintWriter(out);
    return new SqlRunner(NO_STATEMENTS, new ResultPrinter(Format.ALIGNED, o), o, new PrintWriter(err), stopOnError, false);
  }

  private String err() {
    return err.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void inputLeftInsideAStringOrCommentIsAnErrorWithItsLine() throws IOException {
    SqlRunner r = runner(false);
    assertThat(r.runScript(new StringReader("-- header\n\nSELECT 'abc\n;\n"), "s.sql")).isTrue();
    assertThat(r.runScript(new StringReader("/* never closed\n"), "t.sql")).isTrue();
    assertThat(r.runText("SELECT \"x")).isTrue();
    assertThat(err()).isEqualTo("s.sql:3: ERROR: 42601 unterminated quoted string\n"
        + "t.sql:1: ERROR: 42601 unterminated /* comment\n"
        + "ERROR: 42601 unterminated quoted identifier\n");
    assertThat(r.errors()).isEqualTo(3);
    assertThat(r.stopped()).isFalse();
  }

  @Test
  void shellCommandsAtTheStartOfALine() throws IOException {
    SqlRunner r = runner(false);
    assertThat(r.runText("\\?")).isTrue();
    assertThat(out.toString()).contains("\\q", "\\r", "\\?");
    // \r forgets the unfinished statement, so nothing reaches the session; \q ends the input
    assertThat(r.runScript(new StringReader("SELECT 1,\n  2\n\\r\n\\nope\n\\q\nSELECT 3;\n"), "s.sql")).isFalse();
    assertThat(out.toString()).contains("Query buffer reset (cleared).");
    assertThat(err()).isEqualTo("s.sql:4: invalid command \\nope\nTry \\? for help.\n");
    assertThat(r.errors()).isEqualTo(1);
  }

  @Test
  void aBackslashInsideAStringIsNoCommand() throws IOException {
    SqlRunner r = runner(false);
    r.runScript(new StringReader("SELECT '\n\\q\n"), "s.sql");
    assertThat(err()).isEqualTo("s.sql:1: ERROR: 42601 unterminated quoted string\n");
  }

  @Test
  void stopOnErrorEndsTheRunAtTheFirstFailure() throws IOException {
    SqlRunner r = runner(true);
    assertThat(r.runScript(new StringReader("\\bad\nSELECT 'x\n"), "s.sql")).isFalse();
    assertThat(r.stopped()).isTrue();
    assertThat(r.runText("SELECT 'y")).isFalse();
    assertThat(err()).isEqualTo("s.sql:1: invalid command \\bad\nTry \\? for help.\n");
  }

  @Test
  void promptsSayWhatIsOpen() {
    assertThat(InteractiveShell.prompt(StatementSplitter.Pending.NONE)).isEqualTo("phantomdb=> ");
    assertThat(InteractiveShell.prompt(StatementSplitter.Pending.STATEMENT)).isEqualTo("phantomdb-> ");
    assertThat(InteractiveShell.prompt(StatementSplitter.Pending.QUOTE)).isEqualTo("phantomdb'> ");
    assertThat(InteractiveShell.prompt(StatementSplitter.Pending.COMMENT)).isEqualTo("phantomdb*> ");
  }
}
