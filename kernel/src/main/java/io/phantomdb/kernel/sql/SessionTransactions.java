package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.session.SessionSettings;
import io.phantomdb.kernel.sql.session.TransactionParameters;
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
import org.apache.calcite.sql.SqlNode;

/**
 * A session's transaction block: BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT,
 * SAVEPOINT, ROLLBACK TO SAVEPOINT, RELEASE SAVEPOINT, SET TRANSACTION; the failed state after an
 * error (25P02 until ROLLBACK); and the current {@link Transaction} statements run in (null:
 * every statement commits alone).
 *
 * <p>As PostgreSQL, COMMIT / ROLLBACK outside a block and BEGIN inside one only warn (here: do
 * nothing, there is no notice channel yet), and COMMIT of a failed transaction rolls it back.
 * Blocks take their modes from {@code default_transaction_isolation} and {@code
 * default_transaction_read_only} unless BEGIN names them; DEFERRABLE is accepted and ignored (as
 * PostgreSQL does except for SERIALIZABLE READ ONLY). The block's modes are also what {@code
 * transaction_isolation} and {@code transaction_read_only} show and set ({@link
 * TransactionParameters}).
 */
final class SessionTransactions implements TransactionParameters {
  private final SqlEngine engine;
  private final SessionSettings settings;
  private Transaction txn;

  /**
   * @param engine the engine transactions commit in
   * @param settings the session's settings (the {@code default_transaction_*} parameters)
   */
  SessionTransactions(SqlEngine engine, SessionSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  @Override
  public String current(String name) {
    if (txn == null) {
      return null;
    }
    return switch (name) {
      case "transaction_isolation" -> txn.isolation().sql();
      case "transaction_read_only" -> txn.readOnly() ? "on" : "off";
      default -> null;
    };
  }

  @Override
  public void set(String name, String value) {
    if (txn == null) {
      return; // lasts only for the statement's own transaction, as in PostgreSQL
    }
    checkNotFailed();
    if (name.equals("transaction_isolation")) {
      setIsolation(Isolation.of(value));
    } else if (name.equals("transaction_read_only")) {
      setReadOnly(value.equals("on"));
    }
  }

  /**
   * @return whether a statement starting now runs read-only: the block's mode, or for a
   *     statement on its own {@code default_transaction_read_only}
   */
  boolean readOnly() {
    return txn != null ? txn.readOnly() : settings.get("default_transaction_read_only").equals("on");
  }

  /** @return the isolation level of a statement's own transaction outside a block */
  Isolation implicitIsolation() {
    return Isolation.of(settings.get("default_transaction_isolation"));
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

  /**
   * A statement of the block failed: the block is failed until ROLLBACK. Without a savepoint to
   * return to, nothing of the block can commit any more, so its row locks go at once, as
   * PostgreSQL releases an aborted transaction's locks before the client's ROLLBACK (a deadlock
   * victim's partner proceeds right away).
   */
  void statementFailed() {
    if (txn != null) {
      txn.fail();
      if (!txn.inSubtransaction()) {
        engine.locks().releaseAll(txn.id());
      }
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
        Transaction t = new Transaction(engine.nextTransactionId(), isolation(begin.modes()));
        Boolean ro = begin.modes().readOnly();
        t.setReadOnly(ro != null ? ro : settings.get("default_transaction_read_only").equals("on"));
        txn = t;
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
    if (level != null) {
      setIsolation(Isolation.of(level.sql()));
    }
    if (set.modes().readOnly() != null) {
      setReadOnly(set.modes().readOnly());
    }
    return Results.command("SET", 0);
  }

  private void setIsolation(Isolation level) {
    if (!txn.setIsolation(level)) {
      throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION,
          "SET TRANSACTION ISOLATION LEVEL must be called before any query");
    }
  }

  private void setReadOnly(boolean value) {
    if (!value && txn.readOnly() && txn.inSubtransaction()) {
      throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION,
          "cannot set transaction read-write mode inside a read-only transaction");
    }
    if (!txn.setReadOnly(value)) {
      throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION, "transaction read-write mode must be set before any query");
    }
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
    IsolationLevel level = modes.isolationLevel();
    return Isolation.of(level != null ? level.sql() : settings.get("default_transaction_isolation"));
  }

  private static SqlException noSavepoint(String name) {
    return new SqlException(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
  }
}
