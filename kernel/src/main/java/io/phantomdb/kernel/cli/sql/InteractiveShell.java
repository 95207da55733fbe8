package io.phantomdb.kernel.cli.sql;

import io.phantomdb.kernel.cli.sql.StatementSplitter.Pending;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive {@code phantomdb sql} prompt, on a terminal (JLine): line editing, history kept
 * in a file across sessions, {@code phantomdb=> } for a new statement and, while one is
 * unfinished, {@code phantomdb-> } (or, as psql, {@code '>}, {@code ">}, {@code $>} or {@code *>}
 * inside a string, quoted identifier, dollar quote or comment). Statements run when their
 * semicolon is typed. Ctrl-C forgets the statement being typed, Ctrl-D or {@code \q} quits.
 */
public final class InteractiveShell {
  /** The history file's name, in the user's home directory. */
  public static final String HISTORY_FILE = ".phantomdb_history";

  private static final String NAME = "phantomdb";

  private final SqlRunner runner;
  private final PrintWriter out;
  private final Path historyFile;
  private final String banner;

  /**
   * A shell.
   *
   * @param runner runs what is typed
   * @param out standard output
   * @param historyFile where history is kept
   * @param banner printed once at the start
   */
  public InteractiveShell(SqlRunner runner, PrintWriter out, Path historyFile, String banner) {
    this.runner = runner;
    this.out = out;
    this.historyFile = historyFile;
    this.banner = banner;
  }

  /**
   * The prompt for what the input leaves open.
   *
   * @param pending what is open
   * @return the prompt, such as {@code phantomdb=> }
   */
  public static String prompt(Pending pending) {
    char c = switch (pending) {
      case NONE -> '=';
      case STATEMENT -> '-';
      case QUOTE -> '\'';
      case IDENTIFIER -> '"';
      case DOLLAR_QUOTE -> '$';
      case COMMENT -> '*';
    };
    return NAME + c + "> ";
  }

  /**
   * Reads and runs lines until {@code \q}, Ctrl-D or the end of the input.
   *
   * @throws IOException if the terminal cannot be opened
   */
  public void run() throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      DefaultParser parser = new DefaultParser();
      // the splitter, not JLine, decides where statements end: no quote or escape handling here
      parser.setQuoteChars(new char[0]);
      parser.setEscapeChars(new char[0]);
      parser.setEofOnUnclosedQuote(false);
      parser.setEofOnEscapedNewLine(false);
      LineReader reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .appName(NAME)
          .parser(parser)
          .variable(LineReader.HISTORY_FILE, historyFile)
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
          .build();
      out.println(banner);
      out.flush();
      SqlRunner.Input input = runner.input(null);
      try {
        while (true) {
          String line;
          try {
            line = reader.readLine(prompt(input.pending()));
          } catch (UserInterruptException e) {
            input.reset();
            continue;
          } catch (EndOfFileException e) {
            out.println("\\q");
            break;
          }
          if (!input.line(line)) {
            break;
          }
        }
      } finally {
        out.flush();
        reader.getHistory().save();
      }
    }
  }
}
