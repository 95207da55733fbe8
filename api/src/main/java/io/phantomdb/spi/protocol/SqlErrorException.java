package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.Objects;

/**
 * A statement (or a session's start) failed the way PostgreSQL reports it in an ErrorResponse:
 * SQLSTATE, message, and optionally detail, hint and the position in the statement text.
 */
@Experimental
public class SqlErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final String detail;
  private final String hint;
  private final int position;
  private final String where;

  /**
   * @param sqlState the five-character SQLSTATE
   * @param message the primary message, as PostgreSQL words it
   * @param detail more about what happened, or null
   * @param hint what the user can do, or null
   * @param position the 1-based character position in the statement text the error points at,
   *     or 0 for none
   * @param cause the underlying failure, or null
   */
  public SqlErrorException(String sqlState, String message, String detail, String hint, int position,
      Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
    if (sqlState.length() != 5) {
      throw new IllegalArgumentException("SQLSTATE must have 5 characters: " + sqlState);
    }
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0: " + position);
    }
    this.detail = detail;
    this.hint = hint;
    this.position = position;
    this.where = null;
  }

  /**
   * An error with a context (PostgreSQL's CONTEXT line, the ErrorResponse's W field), such as
   * {@code COPY t, line 3, column b: "x"}.
   *
   * @param sqlState the five-character SQLSTATE
   * @param message the primary message
   * @param detail more about what happened, or null
   * @param hint what the user can do, or null
   * @param where where it happened, or null
   * @param cause the underlying failure, or null
   */
  public SqlErrorException(String sqlState, String message, String detail, String hint, String where,
      Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
    if (sqlState.length() != 5) {
      throw new IllegalArgumentException("SQLSTATE must have 5 characters: " + sqlState);
    }
    this.detail = detail;
    this.hint = hint;
    this.position = 0;
    this.where = where;
  }

  /**
   * @param sqlState the five-character SQLSTATE
   * @param message the primary message
   */
  public SqlErrorException(String sqlState, String message) {
    this(sqlState, message, null, null, 0, null);
  }

  /** @return the SQLSTATE */
  public String sqlState() {
    return sqlState;
  }

  /** @return the detail, or null */
  public String detail() {
    return detail;
  }

  /** @return the hint, or null */
  public String hint() {
    return hint;
  }

  /** @return the 1-based position in the statement text, or 0 */
  public int position() {
    return position;
  }

  /** @return the context (CONTEXT line), or null */
  public String where() {
    return where;
  }
}
