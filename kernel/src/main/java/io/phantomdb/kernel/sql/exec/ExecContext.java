package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.expr.EvalContext;

/**
 * What a running statement's operators share: the expression context (parameters, statement
 * start time, session settings) and whether the statement was cancelled. Made per execution.
 */
public class ExecContext {
  private final EvalContext eval;
  private volatile boolean cancelled;
  /** The session's cancellation current when the execution started, or null. */
  private final Cancellation session = Cancellation.current();

  /** @param eval the expression context of this execution */
  public ExecContext(EvalContext eval) {
    this.eval = eval;
  }

  /** @return the expression context */
  public EvalContext eval() {
    return eval;
  }

  /**
   * Asks the statement to stop (so does a cancel of the session that ran it); operators check {@link #checkCancelled()} in long loops. */
  public void cancel() {
    cancelled = true;
  }

  /**
   * @throws SqlException 57014 if the statement was cancelled
   */
  public void checkCancelled() {
    if (cancelled || session != null && session.requested()) {
      throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
    }
  }
}
