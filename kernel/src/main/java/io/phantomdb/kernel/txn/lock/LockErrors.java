package io.phantomdb.kernel.txn.lock;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.util.List;
import java.util.function.Supplier;

/** The errors a lock request ends with, worded as PostgreSQL words them. */
final class LockErrors {
  private LockErrors() {}

  /** NOWAIT found the row locked. */
  static SqlException notAvailable(Supplier<String> relationName) {
    return new SqlException(
        SqlState.LOCK_NOT_AVAILABLE,
        "could not obtain lock on row in relation \"" + relationName.get() + "\"");
  }

  /** lock_timeout expired. */
  static SqlException lockTimeout() {
    return new SqlException(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout");
  }

  /** The wait was canceled ({@link LockManager#cancel}) or the waiting thread interrupted. */
  static SqlException canceled() {
    return new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
  }

  /**
   * The waiter is a deadlock victim. The DETAIL has one line per edge of the cycle, as
   * PostgreSQL's has one per process: {@code Transaction 7 waits for FOR UPDATE lock on row \x01
   * of relation "t"; blocked by transaction 9.}
   */
  static SqlException deadlock(List<DeadlockDetector.Edge> cycle) {
    StringBuilder detail = new StringBuilder();
    for (DeadlockDetector.Edge e : cycle) {
      if (detail.length() > 0) {
        detail.append('\n');
      }
      LockRequest r = e.waiter();
      detail
          .append("Transaction ")
          .append(r.txn)
          .append(" waits for ")
          .append(r.mode.sqlName())
          .append(" lock on row ")
          .append(r.key)
          .append(" of relation \"")
          .append(r.relationName.get())
          .append("\"; blocked by transaction ")
          .append(e.blocker())
          .append('.');
    }
    return new SqlException(
        SqlState.DEADLOCK_DETECTED, "deadlock detected", detail.toString(), null, null);
  }
}
