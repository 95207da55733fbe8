package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.type.DataType;
import java.util.List;
import java.time.ZoneId;
import java.util.Map;

/**
 * A connection's view of the SQL engine: its current database and {@code search_path}, its
 * settings, and (later) its transaction. Protocol servers, the embedded shell and tests each hold
 * one per connection.
 *
 * <p>Not thread-safe: one statement at a time. A failed statement leaves the session usable.
 */
public interface Session extends AutoCloseable {

  /**
   * Parses, plans and executes one SQL statement (a trailing semicolon is allowed).
   *
   * @param sql the statement text
   * @return its result; the caller closes it before executing the next statement
   * @throws SqlException with the SQLSTATE of whatever went wrong; the session stays usable
   */
  StatementResult execute(String sql);

  /**
   * Parses and plans a statement with parameters {@code $1, $2, ...} for repeated execution.
   *
   * @param sql one statement
   * @param parameterTypes the declared type of each parameter, {@code $1} first; a null entry
   *     (or a list shorter than the parameters) leaves the type to be inferred
   * @return the prepared statement
   * @throws SqlException with the SQLSTATE of what is wrong with the statement (42601 syntax,
   *     42P01 unknown table, 42P18 a parameter whose type cannot be told, ...)
   */
  PreparedStatement prepare(String sql, List<DataType> parameterTypes);

  /**
   * Parses and plans a statement, inferring its parameters' types.
   *
   * @param sql one statement
   * @return the prepared statement
   * @throws SqlException see {@link #prepare(String, List)}
   */
  default PreparedStatement prepare(String sql) {
    return prepare(sql, List.of());
  }

  /**
   * The database this session is connected to (what {@code current_database()} returns). It
   * never changes during the session.
   *
   * @return the database's name
   */
  String database();

  /**
   * The role the session runs as ({@code session_user}, and {@code current_user}: SET ROLE is not
   * built). It never changes during the session.
   *
   * @return the role's name
   */
  default String user() {
    return setting("session_authorization");
  }

  /**
   * The number {@code pg_backend_pid()} returns: assigned by the engine when the session opens
   * (unique among the engine's sessions), or what the protocol layer set with {@link
   * #setBackendPid(int)} (the process id it sends in BackendKeyData).
   *
   * @return the session's backend id
   */
  default int backendPid() {
    return 0;
  }

  /**
   * Sets what {@code pg_backend_pid()} returns, e.g. the id a protocol server gave the connection.
   *
   * @param pid the id
   * @throws UnsupportedOperationException if this session cannot take one
   */
  default void setBackendPid(int pid) {
    throw new UnsupportedOperationException("setBackendPid");
  }

  /**
   * The value of a configuration parameter, exactly as {@code SHOW name} gives it (a protocol
   * server sends these texts in its ParameterStatus messages).
   *
   * @param name the parameter's name, any case ({@code TimeZone}, {@code timezone}), or a custom
   *     placeholder's ({@code myapp.user_id}) once set
   * @return the value
   * @throws SqlException 42704 if there is no such parameter
   */
  String setting(String name);

  /**
   * Sets a parameter as a client's connection options do (the startup packet's {@code
   * application_name}, {@code client_encoding}, {@code DateStyle}, {@code TimeZone}, {@code
   * search_path}, ...): checked as {@code SET} checks it, and made the value {@code RESET}
   * returns to for the rest of the session.
   *
   * @param name the parameter's name, any case
   * @param value the value as text, as {@code SET name TO 'value'} would give it
   * @throws SqlException 42704 for an unknown name, 55P02 for a read-only parameter, 22023 for an
   *     invalid value, 0A000 for a value PhantomDB does not support (client_encoding other than
   *     UTF8, DateStyle other than ISO, MDY)
   */
  void setStartupSetting(String name, String value);

  /**
   * The reported parameters (PostgreSQL's {@code GUC_REPORT} ones: {@code application_name},
   * {@code client_encoding}, {@code DateStyle}, {@code default_transaction_read_only}, {@code
   * in_hot_standby}, {@code integer_datetimes}, {@code IntervalStyle}, {@code is_superuser},
   * {@code server_encoding}, {@code server_version}, {@code session_authorization}, {@code
   * standard_conforming_strings}, {@code TimeZone}) whose values changed since the last call. The
   * first call returns all of them: what a server reports after authentication; later calls,
   * made after each statement, return what that statement changed (often nothing).
   *
   * @return name (PostgreSQL's spelling) → value, in name order
   */
  Map<String, String> changedReportedSettings();

  /**
   * The session time zone ({@code TimeZone}). Values of type timestamptz are {@link
   * java.time.Instant}s; clients show them in this zone ({@link
   * io.phantomdb.kernel.sql.type.TextCodec#format(Object, io.phantomdb.kernel.sql.type.DataType,
   * ZoneId)}).
   *
   * @return the zone
   */
  ZoneId timeZone();

  /**
   * Where the session is as to transactions, as PostgreSQL's ReadyForQuery reports it.
   *
   * @return {@code 'I'} idle (every statement commits alone), {@code 'T'} in a transaction block,
   *     {@code 'E'} in a failed block (statements are refused until ROLLBACK)
   */
  char transactionStatus();

  /**
   * Asks the statement running now (whose result is open) to stop: its next row fails with 57014
   * "canceling statement due to user request", which fails a transaction block as any error does.
   * Does nothing when no statement runs. The only method any thread may call.
   * Sessions that cannot be cancelled ignore it (the default).
   */
  default void cancel() {}

  /**
   * A statement the caller runs on this session's behalf failed outside {@link #execute} (a COPY
   * whose data is malformed): inside a transaction block that fails the block, as any failed
   * statement does. Does nothing outside a block. Sessions without blocks ignore it (the default).
   */
  default void statementFailed() {}

  /** Ends the session; an open transaction is rolled back. Idempotent. */
  @Override
  void close();
}
