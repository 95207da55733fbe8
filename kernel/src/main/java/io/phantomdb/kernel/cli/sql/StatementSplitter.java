package io.phantomdb.kernel.cli.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons, as psql does: a {@code ;} ends a statement only
 * outside {@code 'strings'} (with {@code ''} for a quote), {@code E'strings'} (where a backslash
 * also escapes the next character), {@code "identifiers"} (with {@code ""}), {@code $tag$}
 * dollar-quoted bodies {@code $tag$}, {@code --} line comments and {@code /* nested *}{@code /}
 * block comments.
 *
 * <p>Incremental: {@link #feed(String)} text in pieces of any size (a file line by line, what a
 * user types) and receive the statements as they complete; {@link #pending()} says what an
 * unfinished statement is waiting for (for a continuation prompt); {@link #finish()} returns the
 * text left at the end of the input. Each statement carries the line its text starts on, counted
 * over everything fed, for error messages.
 *
 * <p>Statement text is what lies between the semicolons, without whitespace and comments before
 * it and whitespace after it. Empty statements ({@code ;;}) and comments alone are dropped.
 *
 * <p>Not thread-safe.
 */
public final class StatementSplitter {

  /** What the input seen so far leaves open. */
  public enum Pending {
    /** Nothing: the input ended between statements. */
    NONE,
    /** A statement that has no terminating semicolon yet. */
    STATEMENT,
    /** Inside a {@code 'string'} or {@code E'string'}. */
    QUOTE,
    /** Inside a {@code "quoted identifier"}. */
    IDENTIFIER,
    /** Inside a {@code $tag$ dollar-quoted $tag$} string. */
    DOLLAR_QUOTE,
    /** Inside a {@code /* block comment}. */
    COMMENT
  }

  /**
   * One statement.
   *
   * @param sql its text, without the terminating semicolon; empty only for a lone unterminated
   *     comment at the end of the input
   * @param line the line (1-based) its text starts on
   * @param unterminated {@link Pending#NONE} if a semicolon ended it; otherwise how the input
   *     ended inside it ({@link Pending#STATEMENT}: after complete text without a semicolon, which
   *     psql runs anyway; any other value: inside a string, identifier or comment, an error)
   */
  public record Statement(String sql, int line, Pending unterminated) {}

  private enum State { NORMAL, LINE_COMMENT, BLOCK_COMMENT, QUOTE, ESCAPE_QUOTE, IDENTIFIER, DOLLAR }

  private static final int NEED_MORE = -2;
  private static final int NO_TAG = -1;

  private final StringBuilder buf = new StringBuilder();
  private int pos;
  private int line = 1;
  private State state = State.NORMAL;
  private int commentDepth;
  private int commentLine;
  private String dollarTag;
  private int start = -1;
  private int startLine;

  /**
   * Adds text and returns the statements it completes.
   *
   * @param text more input, of any length (a line should include its line break)
   * @return the statements a semicolon ended, in order; possibly empty
   */
  public List<Statement> feed(String text) {
    buf.append(text);
    return scan(false);
  }

  /**
   * What the input fed so far leaves open.
   *
   * @return {@link Pending#NONE} between statements, otherwise what the last statement waits for
   */
  public Pending pending() {
    return switch (state) {
      case NORMAL, LINE_COMMENT -> start >= 0 ? Pending.STATEMENT : Pending.NONE;
      case BLOCK_COMMENT -> Pending.COMMENT;
      case QUOTE, ESCAPE_QUOTE -> Pending.QUOTE;
      case IDENTIFIER -> Pending.IDENTIFIER;
      case DOLLAR -> Pending.DOLLAR_QUOTE;
    };
  }

  /**
   * Ends the input: returns the statements still to complete and what is left without a
   * semicolon, then starts afresh (line numbers keep counting).
   *
   * @return the statements completed by the end of the input (at most the last is unterminated)
   */
  public List<Statement> finish() {
    List<Statement> out = scan(true);
    Pending p = pending();
    if (p == Pending.COMMENT && start < 0) {
      out.add(new Statement("", commentLine, Pending.COMMENT));
    } else if (p != Pending.NONE) {
      out.add(new Statement(buf.substring(start).stripTrailing(), startLine, p));
    }
    reset();
    return out;
  }

  /** Forgets an unfinished statement (psql's {@code \r}); line numbers keep counting. */
  public void reset() {
    for (int i = pos; i < buf.length(); i++) {
      if (buf.charAt(i) == '\n') {
        line++;
      }
    }
    buf.setLength(0);
    pos = 0;
    state = State.NORMAL;
    start = -1;
    dollarTag = null;
    commentDepth = 0;
  }

  /**
   * Splits a whole script.
   *
   * @param script the text
   * @return its statements; the last may be unterminated (see {@link Statement#unterminated()})
   */
  public static List<Statement> split(String script) {
    StatementSplitter s = new StatementSplitter();
    List<Statement> out = new ArrayList<>(s.feed(script));
    out.addAll(s.finish());
    return out;
  }

  private List<Statement> scan(boolean eof) {
    List<Statement> out = new ArrayList<>();
    scanning:
    while (pos < buf.length()) {
      char c = buf.charAt(pos);
      boolean hasNext = pos + 1 < buf.length();
      char next = hasNext ? buf.charAt(pos + 1) : '\0';
      boolean lookaheadMissing = !hasNext && !eof;
      switch (state) {
        case NORMAL -> {
          if ((c == '-' || c == '/') && lookaheadMissing) {
            break scanning;
          }
          if (c == '-' && next == '-') {
            state = State.LINE_COMMENT;
            advance(2);
          } else if (c == '/' && next == '*') {
            if (start < 0) {
              commentLine = line;
            }
            state = State.BLOCK_COMMENT;
            commentDepth = 1;
            advance(2);
          } else if (c == ';') {
            if (start >= 0) {
              out.add(new Statement(buf.substring(start, pos).stripTrailing(), startLine, Pending.NONE));
            }
            advance(1);
            buf.delete(0, pos);
            pos = 0;
            start = -1;
          } else if (c == '$' && !isIdentifierChar(before(pos))) {
            int end = dollarTagEnd(eof);
            if (end == NEED_MORE) {
              break scanning;
            }
            markStart();
            if (end == NO_TAG) {
              advance(1);
            } else {
              dollarTag = buf.substring(pos, end);
              state = State.DOLLAR;
              advance(end - pos);
            }
          } else {
            if (!Character.isWhitespace(c)) {
              markStart();
            }
            if (c == '\'') {
              char e = before(pos);
              state = (e == 'E' || e == 'e') && !isIdentifierChar(before(pos - 1))
                  ? State.ESCAPE_QUOTE : State.QUOTE;
            } else if (c == '"') {
              state = State.IDENTIFIER;
            }
            advance(1);
          }
        }
        case LINE_COMMENT -> {
          if (c == '\n') {
            state = State.NORMAL;
          }
          advance(1);
        }
        case BLOCK_COMMENT -> {
          if ((c == '*' || c == '/') && lookaheadMissing) {
            break scanning;
          }
          if (c == '*' && next == '/') {
            advance(2);
            if (--commentDepth == 0) {
              state = State.NORMAL;
            }
          } else if (c == '/' && next == '*') {
            commentDepth++;
            advance(2);
          } else {
            advance(1);
          }
        }
        case QUOTE, ESCAPE_QUOTE, IDENTIFIER -> {
          char quote = state == State.IDENTIFIER ? '"' : '\'';
          if ((c == quote || (c == '\\' && state == State.ESCAPE_QUOTE)) && lookaheadMissing) {
            break scanning;
          }
          if (c == '\\' && state == State.ESCAPE_QUOTE) {
            advance(hasNext ? 2 : 1);
          } else if (c == quote && next == quote) {
            advance(2);
          } else {
            if (c == quote) {
              state = State.NORMAL;
            }
            advance(1);
          }
        }
        case DOLLAR -> {
          if (c == '$' && buf.length() - pos < dollarTag.length() && !eof
              && dollarTag.startsWith(buf.substring(pos))) {
            break scanning;
          }
          if (c == '$' && matchesAt(dollarTag, pos)) {
            advance(dollarTag.length());
            state = State.NORMAL;
            dollarTag = null;
          } else {
            advance(1);
          }
        }
        default -> throw new IllegalStateException(state.toString());
      }
    }
    if (start < 0 && state != State.BLOCK_COMMENT) {
      buf.delete(0, pos);
      pos = 0;
    }
    return out;
  }

  /** The end of a {@code $tag$} at pos, {@link #NO_TAG} if none, {@link #NEED_MORE} if unknown yet. */
  private int dollarTagEnd(boolean eof) {
    int i = pos + 1;
    while (i < buf.length()) {
      char c = buf.charAt(i);
      if (c == '$') {
        return i + 1;
      }
      boolean first = i == pos + 1;
      if (!(Character.isLetter(c) || c == '_' || c >= 0x80 || (!first && Character.isDigit(c)))) {
        return NO_TAG;
      }
      i++;
    }
    return eof ? NO_TAG : NEED_MORE;
  }

  private boolean matchesAt(String s, int index) {
    return buf.length() - index >= s.length() && s.contentEquals(buf.subSequence(index, index + s.length()));
  }

  private char before(int index) {
    return index > 0 ? buf.charAt(index - 1) : '\0';
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
  }

  private void markStart() {
    if (start < 0) {
      start = pos;
      startLine = line;
    }
  }

  private void advance(int n) {
    for (int i = 0; i < n && pos < buf.length(); i++) {
      if (buf.charAt(pos++) == '\n') {
        line++;
      }
    }
  }
}
