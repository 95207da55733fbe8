package io.phantomdb.sql.parser;

import org.apache.calcite.sql.parser.SqlParseException;

/**
 * A {@link SqlParseException} that also knows where in the SQL text it happened in PostgreSQL's
 * terms: the 1-based character {@link #position()} (the {@code P} field of PostgreSQL's error
 * response) and the offending {@link #token()}, so a server can answer
 * {@code syntax error at or near "X"} ({@link #pgMessage()}).
 */
public final class PhantomSqlParseException extends SqlParseException {
  private static final long serialVersionUID = 1L;

  private final String token;
  private final int position;
  private final boolean syntaxError;

  /**
   * @param cause Calcite's exception (its message, position and expected tokens are kept)
   * @param token the offending token as written, or null at the end of the input
   * @param position 1-based character offset of the token in the SQL text (its length + 1 at
   *     the end of the input), 0 if unknown
   * @param syntaxError true for a plain syntax error (an unexpected token or character), false
   *     for another error the parser found (its message says what)
   */
  public PhantomSqlParseException(SqlParseException cause, String token, int position,
      boolean syntaxError) {
    super(cause.getMessage(), cause.getPos(), cause.getExpectedTokenSequences(),
        cause.getTokenImages(), cause.getCause());
    this.token = token;
    this.position = position;
    this.syntaxError = syntaxError;
  }

  /** @return the offending token as written, or null at the end of the input */
  public String token() {
    return token;
  }

  /** @return true if the input ended before the statement did */
  public boolean isEndOfInput() {
    return token == null;
  }

  /** @return the 1-based character position of the error in the SQL text, 0 if unknown */
  public int position() {
    return position;
  }

  /** @return true for a plain syntax error, false for another error the parser found */
  public boolean isSyntaxError() {
    return syntaxError;
  }

  /**
   * @return the message PostgreSQL would give: {@code syntax error at or near "X"},
   *     {@code syntax error at end of input}, or the parser's own message for other errors
   */
  public String pgMessage() {
    if (!syntaxError) {
      final Throwable cause = getCause();
      return cause != null && cause.getMessage() != null ? cause.getMessage() : getMessage();
    }
    return token == null ? "syntax error at end of input"
        : "syntax error at or near \"" + token + "\"";
  }
}
