package io.phantomdb.kernel.sql;

/**
 * A session's {@code statement_timeout} for the statement it runs: started with each statement,
 * checked as its rows are read, and turning the lock timeout of a lock wait that outlived the
 * statement's time into PostgreSQL's 57014 "canceling statement due to statement timeout". Lock
 * waits are bounded by {@code statement_timeout} as well as {@code lock_timeout} (see {@link
 * TransactionRowLocks#waitPolicy}). Used by the session's own thread only.
 */
final class StatementClock {
  private long startNanos;
  private long timeoutNanos;

  /**
   * A statement starts.
   *
   * @param timeoutMillis the session's {@code statement_timeout}; 0: none
   */
  void start(long timeoutMillis) {
    startNanos = System.nanoTime();
    timeoutNanos = timeoutMillis <= 0 ? 0 : timeoutMillis * 1_000_000L;
  }

  /** @return whether the statement has run longer than its timeout */
  boolean expired() {
    return timeoutNanos > 0 && System.nanoTime() - startNanos >= timeoutNanos;
  }

  /** @throws SqlException 57014 if the statement has run longer than its timeout */
  void check() {
    if (expired()) {
      throw timedOut();
    }
  }

  /**
   * @param e an error the statement failed with
   * @return 57014 statement timeout instead of a lock timeout or cancel once the statement's time
   *     is up, else {@code e}
   */
  RuntimeException translate(RuntimeException e) {
    if (e instanceof SqlException s && expired()
        && (SqlState.LOCK_NOT_AVAILABLE.equals(s.sqlState()) && String.valueOf(s.getMessage()).contains("lock timeout")
            || SqlState.QUERY_CANCELED.equals(s.sqlState()))) {
      return timedOut();
    }
    return e;
  }

  private static SqlException timedOut() {
    return new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
  }
}
