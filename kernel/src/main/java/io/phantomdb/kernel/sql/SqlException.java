package io.phantomdb.kernel.sql;

import java.util.Objects;

/**
 * An error a SQL statement ends with: a PostgreSQL SQLSTATE, a message that says what is wrong
 * (and where helpful a hint that says what to do), as clients show them. Thrown by everything in
 * the SQL layer that a client's statement can cause; anything else reaching a client is a bug,
 * reported as {@link SqlState#INTERNAL_ERROR}.
 */
public class SqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final String detail;
  private final String hint;

  /**
   * @param sqlState the five-character SQLSTATE (see {@link SqlState})
   * @param message the primary message, lower case first word as PostgreSQL writes them
   */
  public SqlException(String sqlState, String message) {
    this(sqlState, message, null, null);
  }

  /**
   * @param sqlState the five-character SQLSTATE (see {@link SqlState})
   * @param message the primary message
   * @param hint what the user can do, or null
   * @param cause the underlying failure, or null
   */
  public SqlException(String sqlState, String message, String hint, Throwable cause) {
    this(sqlState, message, null, hint, cause);
  }

  /**
   * @param sqlState the five-character SQLSTATE (see {@link SqlState})
   * @param message the primary message
   * @param detail more about what happened (PostgreSQL's DETAIL), or null
   * @param hint what the user can do, or null
   * @param cause the underlying failure, or null
   */
  public SqlException(String sqlState, String message, String detail, String hint, Throwable cause) {
    super(message, cause);
    this.detail = detail;
    this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
    if (sqlState.length() != 5) {
      throw new IllegalArgumentException("SQLSTATE must have 5 characters: " + sqlState);
    }
    this.hint = hint;
  }

  /** @return the SQLSTATE */
  public String sqlState() {
    return sqlState;
  }

  /** @return details of what happened, or null */
  public String detail() {
    return detail;
  }

  /** @return a hint saying what to do, or null */
  public String hint() {
    return hint;
  }
}
