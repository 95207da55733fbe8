package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.txn.Transaction;
import io.phantomdb.kernel.txn.Transaction.Isolation;
import io.phantomdb.sql.parser.stmt.IsolationLevel;
import io.phantomdb.sql.parser.stmt.SqlBegin;
import io.phantomdb.sql.parser.stmt.SqlCommit;
import io.phantomdb.sql.parser.stmt.SqlReleaseSavepoint;
import io.phantomdb.sql.parser.stmt.SqlRollback;
import io.phantomdb.sql.parser.stmt.SqlSavepoint;
import io.phantomdb.sql.parser.stmt.SqlSetTransaction;
import io.phantomdb.sql.parser.stmt.TransactionModes;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlNode;

/**
 * A session's transaction block: BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT,
 * SAVEPOINT, ROLLBACK TO SAVEPOINT, RELEASE SAVEPOINT, SET TRANSACTION; the failed state after an
 * error (25P02 until ROLLBACK); and the current {@link Transaction} statements run in (null:
 * every statement commits alone).
 *
 * <p>As PostgreSQL, COMMIT / ROLLBACK outside a block and BEGIN inside one only warn (here: do
 * nothing, there is no notice channel yet), and COMMIT of a failed transaction rolls it back.
 */
final class SessionTransactions {
  private final SqlEngine engine;
  private final Supplier<String> defaultIsolation;
  private Transaction txn;

  /**
   * @param engine the engine transactions commit in
   * @param defaultIsolation the session's {@code default_transaction_isolation}
   */
  SessionTransactions(SqlEngine engine, Supplier<String> defaultIsolation) {
    this.engine = engine;
    this.defaultIsolation = defaultIsolation;
  }

  /** @return the open transaction, or null */
  Transaction current() {
    return txn;
  }

  /** @return PostgreSQL's transaction status: 'I' idle, 'T' in a block, 'E' in a failed block */
  char status() {
    return txn == null ? 'I' : txn.state() == Transaction.State.FAILED ? 'E' : 'T';
  }

  /** @return whether a statement is transaction control */
  static boolean handles(SqlNode node) {
    return node instanceof SqlBegin || node instanceof SqlCommit || node instanceof SqlRollback
        || node instanceof SqlSavepoint || node instanceof SqlReleaseSavepoint
        || (node instanceof SqlSetTransaction set && !set.isSessionCharacteristics());
  }

  /**
   * Refuses a statement in a failed block (anything but transaction control).
   *
   * @throws SqlException 25P02
   */
  void checkNotFailed() {
    if (txn != null && txn.state() == Transaction.State.FAILED) {
      throw new SqlException(SqlState.IN_FAILED_SQL_TRANSACTION,
          "current transaction is aborted, commands ignored until end of transaction block");
    }
  }

  /** A statement of the block failed: the block is failed until ROLLBACK. */
  void statementFailed() {
    if (txn != null) {
      txn.fail();
    }
  }

  /**
   * Runs a transaction control statement.
   *
   * @param node the statement ({@link #handles})
   * @return its result
   */
  StatementResult execute(SqlNode node) {
    if (node instanceof SqlBegin begin) {
      if (txn == null) {
        txn = new Transaction(engine.nextTransactionId(), isolation(begin.modes()));
      }
      return Results.command("BEGIN", 0);
    }
    if (node instanceof SqlCommit) {
      if (txn == null) {
        return Results.command("COMMIT", 0);
      }
      Transaction t = txn;
      txn = null;
      try {
        if (t.state() == Transaction.State.FAILED) {
          return Results.command("ROLLBACK", 0);
        }
        TransactionCommit.commit(engine, t);
        return Results.command("COMMIT", 0);
      } finally {
        SerializableTransactions.ended(engine, t);
        engine.locks().releaseAll(t.id());
        t.releaseSnapshot();
      }
    }
    if (node instanceof SqlRollback rollback) {
      if (rollback.savepoint() != null) {
        String name = rollback.savepoint().getSimple();
        if (txn == null) {
          throw new SqlException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
              "ROLLBACK TO SAVEPOINT can only be used in transaction blocks");
        }
        if (!txn.rollbackTo(name)) {
          throw noSavepoint(name);
        }
        return Results.command("ROLLBACK", 0);
      }
      end();
      return Results.command("ROLLBACK", 0);
    }
    if (node instanceof SqlSavepoint savepoint) {
      if (txn == null) {
        throw new SqlException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "SAVEPOINT can only be used in transaction blocks");
      }
      checkNotFailed();
      txn.savepoint(savepoint.name().getSimple());
      return Results.command("SAVEPOINT", 0);
    }
    if (node instanceof SqlReleaseSavepoint release) {
      if (txn == null) {
        throw new SqlException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
            "RELEASE SAVEPOINT can only be used in transaction blocks");
      }
      checkNotFailed();
      if (!txn.release(release.name().getSimple())) {
        throw noSavepoint(release.name().getSimple());
      }
      return Results.command("RELEASE", 0);
    }
    SqlSetTransaction set = (SqlSetTransaction) node;
    if (txn == null) {
      // PostgreSQL warns and does nothing
      return Results.command("SET", 0);
    }
    checkNotFailed();
    IsolationLevel level = set.modes().isolationLevel();
    if (level != null && !txn.setIsolation(Isolation.of(level.sql()))) {
      throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION,
          "SET TRANSACTION ISOLATION LEVEL must be called before any query");
    }
    return Results.command("SET", 0);
  }

  /** Ends the session's block, if any, without committing it. */
  void close() {
    end();
  }

  /** Drops the block and its locks. */
  private void end() {
    if (txn != null) {
      SerializableTransactions.ended(engine, txn);
      engine.locks().releaseAll(txn.id());
      txn.releaseSnapshot();
      txn = null;
    }
  }

  private Isolation isolation(TransactionModes modes) {
    if (Boolean.TRUE.equals(modes.readOnly())) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "read-only transactions are not supported yet");
    }
    IsolationLevel level = modes.isolationLevel();
    return Isolation.of(level != null ? level.sql() : defaultIsolation.get());
  }

  private static SqlException noSavepoint(String name) {
    return new SqlException(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
  }
}
