package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.exec.ExecContext;
import io.phantomdb.kernel.sql.exec.LimitOperator;
import io.phantomdb.kernel.sql.exec.LockRowsOperator;
import io.phantomdb.kernel.sql.exec.Operator;
import io.phantomdb.kernel.sql.exec.ProjectOperator;
import io.phantomdb.kernel.sql.exec.RowFunction;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.plan.LockingPlanner;
import io.phantomdb.kernel.sql.plan.PhysicalPlanner;
import io.phantomdb.kernel.sql.plan.StatementEnv;
import io.phantomdb.kernel.txn.Transaction;
import io.phantomdb.kernel.txn.lock.WaitPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.calcite.rel.RelRoot;

/**
 * Runs {@code SELECT ... FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE} ({@link
 * LockingPlanner.Locking}): the query's rows pass through {@link LockRowsOperator} below LIMIT /
 * OFFSET, each locked row's lock held until the transaction ends (a statement outside a block is
 * its own READ COMMITTED transaction: until the statement ends).
 *
 * <p>As PostgreSQL, a row changed by a transaction that committed after the statement's snapshot
 * means: REPEATABLE READ / SERIALIZABLE fail with 40001; READ COMMITTED returns the newest version
 * if it still matches and leaves the row out if it is gone or no longer matches. We do that by
 * running the statement again on a new snapshot (locks already taken stay), as DML does; the rows
 * are therefore computed in full before the first is returned.
 */
final class LockingSelect {
  private final SqlEngine engine;
  private final DmlExecution.Envs envs;
  private final Transaction txn;
  private final LongSupplier readTs;
  private final WaitPolicy waitPolicy;

  /**
   * @param engine the engine
   * @param envs makes the operators' environment at a read timestamp
   * @param txn the transaction block, or null: the statement is a transaction of its own
   * @param readTs the read timestamp of a statement of the block starting now
   * @param waitPolicy how lock waits wait (the session's lock_timeout and deadlock_timeout)
   */
  LockingSelect(SqlEngine engine, DmlExecution.Envs envs, Transaction txn, LongSupplier readTs,
      WaitPolicy waitPolicy) {
    this.engine = engine;
    this.envs = envs;
    this.txn = txn;
    this.readTs = readTs;
    this.waitPolicy = waitPolicy;
  }

  /**
   * @param plan the plan, with its locking part
   * @param eval the expression context
   * @return the rows
   */
  StatementResult execute(PlanCache.Plan plan, EvalContext eval) {
    if (txn != null) {
      return Results.list(plan.columns(), run(txn, plan, eval), "");
    }
    Transaction own = new Transaction(engine.nextTransactionId(), Transaction.Isolation.READ_COMMITTED);
    try {
      List<Object[]> rows = run(own, plan, eval);
      return Results.list(plan.columns(), rows, "");
    } finally {
      engine.locks().releaseAll(own.id());
    }
  }

  /**
   * The operators of a locking query: its plan, LockRows, then LIMIT / OFFSET and its own columns.
   *
   * @param engine the engine (table layouts)
   * @param plan the plan
   * @param env the statement's environment
   * @param locker takes the row locks
   * @param output false to leave out the final projection of the query's own columns (EXPLAIN)
   * @return the root operator
   */
  static Operator operators(SqlEngine engine, PlanCache.Plan plan, StatementEnv env, LockRowsOperator.RowLocker locker,
      boolean output) {
    LockingPlanner.Locking locking = plan.locking();
    List<LockRowsOperator.Target> targets = new ArrayList<>();
    for (LockingPlanner.Target target : locking.targets()) {
      targets.add(new LockRowsOperator.Target(engine.layout(target.table()), target.keyFields(), target.mode(),
          target.waitKind()));
    }
    Operator op = new PhysicalPlanner(env, false).build(plan.root().rel);
    if (!targets.isEmpty()) {
      op = new LockRowsOperator(op, targets, locker);
    }
    if (locking.offset() > 0 || locking.fetch() >= 0) {
      op = new LimitOperator(op, locking.offset(), locking.fetch() < 0 ? Long.MAX_VALUE : locking.fetch());
    }
    return output ? visible(plan.root(), locking.visibleFields(), op) : op;
  }

  private List<Object[]> run(Transaction t, PlanCache.Plan plan, EvalContext eval) {
    while (true) {
      long ts = t == txn ? readTs.getAsLong() : t.statementReadTs(engine.readTs());
      TransactionRowLocks locks = new TransactionRowLocks(engine, t, ts, waitPolicy);
      Operator op = operators(engine, plan, envs.env(ts, eval, null), locks::lockRow, true);
      List<Object[]> rows = new ArrayList<>();
      try {
        op.open(new ExecContext(eval));
        try {
          Object[] row;
          while ((row = op.next()) != null) {
            rows.add(row);
          }
        } finally {
          op.close();
        }
      } catch (TransactionRowLocks.StatementRestart restart) {
        continue; // a locked row changed after the snapshot: again, on a newer one
      }
      return rows;
    }
  }

  /** The query's own columns: the root's first fields, without the appended keys. */
  private static Operator visible(RelRoot root, int count, Operator op) {
    RowFunction[] fns = new RowFunction[count];
    int i = 0;
    for (Map.Entry<Integer, String> f : root.fields) {
      if (i == count) {
        break;
      }
      int index = f.getKey();
      fns[i++] = (row, ctx) -> row[index];
    }
    return new ProjectOperator(op, fns, "output");
  }
}
