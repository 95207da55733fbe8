package io.phantomdb.kernel.sql.slt;

import java.util.List;

/**
 * The database one sqllogictest file runs against, as {@link SltFileRunner} sees it: SQL text in,
 * rendered values or an SQLSTATE out. {@link SltEngineHarness} runs it in the SQL engine directly;
 * the pgwire plugin's tests run it through pgjdbc over a real socket, so that the same files check
 * the wire protocol too.
 *
 * <p>Sessions are named by the file's {@code connection} records; {@code null} is the file's
 * default session. A named session is opened on first use and stays open until {@link #close()}.
 */
public interface SltDatabase extends AutoCloseable {

  /**
   * Runs a statement and drops its rows.
   *
   * @param session the session's name, or null for the default session
   * @param sql the statement
   * @throws Failure if the database reports an error
   */
  void execute(String session, String sql);

  /**
   * Runs a query and renders its values as {@link SltValues#render(Object, java.util.function.Supplier,
   * char)} does, by the record's type letters.
   *
   * @param session the session's name, or null for the default session
   * @param sql the query
   * @param types the record's type letters, one per expected column
   * @return the number of columns and, if it equals {@code types.length()}, the values row by row
   * @throws Failure if the database reports an error
   */
  Result query(String session, String sql, String types);

  /** Closes every session and drops the database. */
  @Override
  void close();

  /**
   * A query's outcome.
   *
   * @param columns how many columns the result has
   * @param values the rendered values, row by row (empty if the column count differs from the
   *     record's)
   */
  record Result(int columns, List<String> values) {}

  /** An error the database reported, with its SQLSTATE. */
  final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;

    /**
     * @param sqlState the five-character SQLSTATE
     * @param message the message, with the hint if there is one
     * @param cause the exception the database threw
     */
    public Failure(String sqlState, String message, Throwable cause) {
      super(message, cause);
      this.sqlState = sqlState;
    }

    /** @return the SQLSTATE */
    public String sqlState() {
      return sqlState;
    }
  }
}
