package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.List;
import java.util.Map;

/**
 * One client's session: what a connection's messages run on, from {@link
 * SessionService#open(SessionRequest)}.
 *
 * <p><b>Threading:</b> one thread at a time (the connection's worker): only {@link #cancel()} may
 * be called from any thread. Results, prepared queries and portals belong to the session and serve
 * the same thread.
 *
 * <p><b>Transactions:</b> statements outside a block commit on their own; {@code BEGIN} opens a
 * block, an error inside it fails it ({@link #transactionStatus()} {@code 'E'}) until {@code
 * ROLLBACK}. A simple query with several statements runs as one implicit transaction, as in
 * PostgreSQL (see {@link #simpleQuery(String)}).
 *
 * <p><b>Errors:</b> a failed statement throws {@link SqlErrorException}; the session stays usable.
 * {@link IllegalStateException} once it is closed.
 */
@Experimental
public interface ProtocolSession extends AutoCloseable {

  /**
   * Runs a query string of zero or more statements separated by semicolons, one statement per
   * {@link SimpleQuery#next()} call, as PostgreSQL's simple query protocol does: the statements
   * run as one implicit transaction (committed after the last, rolled back at an error) unless
   * they contain transaction control or are not allowed in a transaction block, in which case each
   * commits on its own; an error ends the query (the rest do not run).
   *
   * @param sql the query string
   * @return the statements to run, in order; the caller closes it
   */
  SimpleQuery simpleQuery(String sql);

  /**
   * Parses and plans one statement with parameters {@code $1, $2, ...} (PostgreSQL's Parse).
   *
   * @param sql one statement; an empty (or comment-only) text gives a query whose results are
   *     {@link QueryResult#isEmptyQuery() empty}
   * @param parameterTypes declared parameter type OIDs, {@code $1} first; 0 (or a list shorter
   *     than the parameters) leaves a type to be inferred, as PostgreSQL does
   * @return the prepared query; the caller closes it
   * @throws SqlErrorException 42601 for a syntax error, 42P01 an unknown table, 42P18 a parameter
   *     whose type cannot be told, 42704 a parameter type OID the kernel does not know ...
   */
  PreparedQuery prepare(String sql, List<Integer> parameterTypes);

  /**
   * Ends a batch of extended-protocol messages (PostgreSQL's Sync). As in PostgreSQL, the
   * statements executed through portals since the last sync, while no transaction block was open,
   * ran in one implicit transaction (statements not allowed in a block, and transaction control,
   * commit it first and run on their own): it is committed here, or rolled back if {@code
   * failed}. Portals bound inside it are closed. Does nothing when there is no implicit
   * transaction.
   *
   * @param failed whether the server reported an error since the last sync (the rest of the batch
   *     was skipped)
   * @throws SqlErrorException if the commit fails (40001, ...); the transaction is then gone
   */
  void sync(boolean failed);

  /**
   * Where the session is as to transactions, for ReadyForQuery.
   *
   * @return {@code 'I'} idle, {@code 'T'} in a transaction block, {@code 'E'} in a failed block
   */
  char transactionStatus();

  /**
   * The reported parameters ({@code server_version}, {@code client_encoding}, {@code DateStyle},
   * {@code TimeZone}, {@code application_name}, {@code is_superuser}, {@code
   * session_authorization}, {@code standard_conforming_strings}, {@code integer_datetimes}, ...)
   * whose values changed since the last call: all of them on the first call (what a server sends
   * after authentication), then what the last statement changed (for ParameterStatus messages).
   *
   * @return name (PostgreSQL's spelling) → value; empty if nothing changed
   */
  Map<String, String> changedReportedSettings();

  /**
   * The notices (warnings, notes) statements raised since the last call, oldest first, for
   * NoticeResponse messages.
   *
   * @return the notices; empty if none
   */
  List<Notice> drainNotices();

  /**
   * Asks the statement running now, if any, to stop: it fails with 57014 {@code canceling
   * statement due to user request} at its next row or lock wait. Does nothing if nothing runs
   * (a cancel is never kept for a later statement). Thread-safe.
   */
  void cancel();

  /**
   * The current value of a setting, as {@code SHOW} would print it ({@code 200ms}, {@code 1min},
   * {@code 0}): what a server reads for the settings it enforces itself, such as {@code
   * idle_session_timeout} and {@code idle_in_transaction_session_timeout}.
   *
   * @param name the setting's name
   * @return its value, or null if the session does not know it (the default)
   */
  default String setting(String name) {
    return null;
  }

  /**
   * The process id this session was opened with ({@link SessionRequest#backendPid()}).
   *
   * @return the id
   */
  int backendPid();

  /** Ends the session: an open transaction is rolled back. Idempotent. */
  @Override
  void close();
}
