package io.phantomdb.kernel.sql.exec;

/**
 * What a running statement's operators share: its parameters and whether it was cancelled. Made
 * by the session per execution.
 */
public class ExecContext {
  private final Object[] parameters;
  private volatile boolean cancelled;

  /** @param parameters the statement's bound parameter values ($1 is index 0) */
  public ExecContext(Object[] parameters) {
    this.parameters = parameters;
  }

  /** @return the bound parameter values */
  public Object[] parameters() {
    return parameters;
  }

  /** Asks the statement to stop; operators check {@link #checkCancelled()} in long loops. */
  public void cancel() {
    cancelled = true;
  }

  /**
   * @throws io.phantomdb.kernel.sql.SqlException 57014 if the statement was cancelled
   */
  public void checkCancelled() {
    if (cancelled) {
      throw new io.phantomdb.kernel.sql.SqlException(
          io.phantomdb.kernel.sql.SqlState.QUERY_CANCELED, "canceling statement due to user request");
    }
  }
}
