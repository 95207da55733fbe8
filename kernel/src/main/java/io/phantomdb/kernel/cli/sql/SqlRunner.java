package io.phantomdb.kernel.cli.sql;

import io.phantomdb.kernel.cli.sql.StatementSplitter.Pending;
import io.phantomdb.kernel.cli.sql.StatementSplitter.Statement;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.StatementResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.Objects;

/**
 * Runs SQL input on a session the way psql runs it: the input is split into statements ({@link
 * StatementSplitter}), each is executed in turn and its result printed ({@link ResultPrinter});
 * a failed statement prints
 *
 * <pre>
 * [source:line: ]ERROR: &lt;SQLSTATE&gt; &lt;message&gt;
 * DETAIL: &lt;detail&gt;        (if the error has one)
 * HINT: &lt;hint&gt;            (if the error has one)
 * </pre>
 *
 * <p>on the error stream (the location only for files and standard input) and the run goes on
 * with the next statement, unless {@code stopOnError} is set (psql's {@code ON_ERROR_STOP}):
 * then it stops there. A statement left without a semicolon at the end of the input runs anyway;
 * one left inside a string, quoted identifier or comment is an error (SQLSTATE 42601).
 *
 * <p>Lines that start with a backslash, outside a string or comment, are shell commands: {@code
 * \q} ends the input, {@code \?} prints help, {@code \r} forgets the statement being typed.
 *
 * <p>Not thread-safe.
 */
public final class SqlRunner {
  private final Session session;
  private final ResultPrinter printer;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean stopOnError;
  private final boolean verbose;
  private int errors;
  private boolean stopped;
  private boolean quit;

  /**
   * A runner.
   *
   * @param session where statements run
   * @param printer prints results
   * @param out standard output (help, messages)
   * @param err where errors go
   * @param stopOnError stop at the first failed statement
   * @param verbose print the stack trace of internal errors
   */
  public SqlRunner(Session session, ResultPrinter printer, PrintWriter out, PrintWriter err,
      boolean stopOnError, boolean verbose) {
    this.session = Objects.requireNonNull(session, "session");
    this.printer = Objects.requireNonNull(printer, "printer");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.stopOnError = stopOnError;
    this.verbose = verbose;
  }

  /**
   * Runs a command-line text ({@code -c}): one shell command, or any number of statements.
   *
   * @param text the text
   * @return false if the run must end here ({@code \q}, or an error with stop-on-error)
   */
  public boolean runText(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("\\")) {
      command(trimmed, null, 0, null);
      return proceed();
    }
    for (Statement st : StatementSplitter.split(text)) {
      if (!execute(st, null)) {
        return false;
      }
    }
    return proceed();
  }

  /**
   * Runs a script, reading it line by line.
   *
   * @param reader the script
   * @param source its name for error locations, such as the file name or {@code <stdin>}
   * @return false if the run must end here
   * @throws IOException if reading fails
   */
  public boolean runScript(Reader reader, String source) throws IOException {
    Input input = input(source);
    BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (!input.line(line)) {
        return false;
      }
    }
    return input.end();
  }

  /**
   * A line-by-line input, for scripts and for what a user types.
   *
   * @param source the input's name for error locations, or null for none
   * @return the input
   */
  public Input input(String source) {
    return new Input(source);
  }

  /**
   * Executes one statement and prints its result or its error.
   *
   * @param st the statement
   * @param source where it comes from, or null
   * @return false if the run must end here
   */
  public boolean execute(Statement st, String source) {
    if (!proceed()) {
      return false;
    }
    try {
      if (st.unterminated() != Pending.NONE && st.unterminated() != Pending.STATEMENT) {
        throw new SqlException(SqlState.SYNTAX_ERROR, unterminated(st.unterminated()));
      }
      try (StatementResult result = session.execute(st.sql())) {
        printer.timeZone(session.timeZone());
        printer.print(result);
      }
    } catch (SqlException e) {
      fail(source, st.line(), e.sqlState(), e.getMessage(), e.detail(), e.hint(), null);
    } catch (RuntimeException e) {
      fail(source, st.line(), SqlState.INTERNAL_ERROR, "internal error: " + e, null, null, e);
    }
    return proceed();
  }

  /** @return the number of statements and commands that failed */
  public int errors() {
    return errors;
  }

  /** @return true if a failure ended the run (stop-on-error) */
  public boolean stopped() {
    return stopped;
  }

  private boolean proceed() {
    return !stopped && !quit;
  }

  private static String unterminated(Pending p) {
    return switch (p) {
      case QUOTE -> "unterminated quoted string";
      case IDENTIFIER -> "unterminated quoted identifier";
      case DOLLAR_QUOTE -> "unterminated dollar-quoted string";
      case COMMENT -> "unterminated /* comment";
      default -> throw new IllegalArgumentException(p.toString());
    };
  }

  private void fail(String source, int line, String state, String message, String detail, String hint,
      Throwable bug) {
    errors++;
    out.flush();
    String where = source == null ? "" : source + ":" + line + ": ";
    err.println(where + "ERROR: " + state + " " + message);
    if (detail != null) {
      err.println("DETAIL: " + detail);
    }
    if (hint != null) {
      err.println("HINT: " + hint);
    }
    if (bug != null && verbose) {
      bug.printStackTrace(err);
    }
    err.flush();
    if (stopOnError) {
      stopped = true;
    }
  }

  private void command(String line, String source, int lineNo, StatementSplitter splitter) {
    String name = line.split("\\s+", 2)[0];
    switch (name) {
      case "\\q" -> quit = true;
      case "\\?" -> {
        out.println("General");
        out.println("  \\q                     quit");
        out.println("  \\?                     show this help");
        out.println("  \\r                     reset (clear) the statement being typed");
        out.println();
        out.println("A statement ends with ; and may span lines; -- and /* */ start comments.");
      }
      case "\\r" -> {
        if (splitter != null) {
          splitter.reset();
        }
        out.println("Query buffer reset (cleared).");
      }
      default -> {
        errors++;
        err.println((source == null ? "" : source + ":" + lineNo + ": ") + "invalid command " + name);
        err.println("Try \\? for help.");
        err.flush();
        if (stopOnError) {
          stopped = true;
        }
      }
    }
    out.flush();
  }

  /** Input arriving line by line: statements run as their semicolons arrive. */
  public final class Input {
    private final StatementSplitter splitter = new StatementSplitter();
    private final String source;
    private int lineNo;

    private Input(String source) {
      this.source = source;
    }

    /**
     * Takes the next line.
     *
     * @param line the line, without its line break
     * @return false if the run must end here
     */
    public boolean line(String line) {
      lineNo++;
      String trimmed = line.strip();
      Pending p = splitter.pending();
      if (trimmed.startsWith("\\") && (p == Pending.NONE || p == Pending.STATEMENT)) {
        splitter.feed("\n");
        command(trimmed, source, lineNo, splitter);
        return proceed();
      }
      for (Statement st : splitter.feed(line + "\n")) {
        if (!execute(st, source)) {
          return false;
        }
      }
      return proceed();
    }

    /**
     * Ends the input: runs what is left without a semicolon.
     *
     * @return false if the run must end here
     */
    public boolean end() {
      for (Statement st : splitter.finish()) {
        if (!execute(st, source)) {
          return false;
        }
      }
      return proceed();
    }

    /** @return what the input typed so far leaves open, for the prompt */
    public Pending pending() {
      return splitter.pending();
    }

    /** Forgets the statement being typed (Ctrl-C at the prompt). */
    public void reset() {
      splitter.reset();
    }
  }
}
