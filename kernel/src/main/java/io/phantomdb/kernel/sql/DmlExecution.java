package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.exec.ExecContext;
import io.phantomdb.kernel.sql.exec.ExplainPrinter;
import io.phantomdb.kernel.sql.exec.Operator;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.plan.DmlPlan;
import io.phantomdb.kernel.sql.plan.ModifyPlanner;
import io.phantomdb.kernel.sql.plan.StatementEnv;
import io.phantomdb.kernel.sql.store.TableWriter;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.WriteBatch;
import org.apache.calcite.sql.SqlKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a planned INSERT, UPDATE or DELETE ({@link DmlPlan}) as one atomic change: under the
 * engine's write lock, every row change goes into one batch at a new commit timestamp, written
 * (synced) only once the whole statement, RETURNING included, has succeeded; a failure writes
 * nothing. RETURNING rows are computed before the commit and handed out afterwards. Also EXPLAIN
 * and EXPLAIN ANALYZE of DML (the latter commits, as in PostgreSQL).
 */
final class DmlExecution {
  /** Makes the environment operators are built in. */
  interface Envs {
    /**
     * @param readTs the read timestamp
     * @param eval the expression context
     * @param writer the statement's writer
     * @return the environment
     */
    StatementEnv env(long readTs, EvalContext eval, TableWriter writer);
  }

  private final SqlEngine engine;
  private final Envs envs;
  private final io.phantomdb.kernel.txn.Transaction txn;
  private final java.util.function.LongSupplier readTs;
  private final java.util.function.LongFunction<io.phantomdb.spi.storage.KeyValueReader> readers;

  /**
   * @param engine the engine
   * @param envs makes the operators' environment
   * @param txn the transaction block the statement runs in, or null: it commits alone
   * @param readTs the read timestamp of the statement (the block's snapshot, or the latest)
   * @param readers what the statement reads at a timestamp (the block's writes over the data)
   * @param waitPolicy how row locks wait (the session's {@code lock_timeout}, {@code deadlock_timeout})
   * @param catalogVersion the catalog version the statement was planned against
   */
  DmlExecution(SqlEngine engine, Envs envs, io.phantomdb.kernel.txn.Transaction txn,
      java.util.function.LongSupplier readTs,
      java.util.function.LongFunction<io.phantomdb.spi.storage.KeyValueReader> readers, io.phantomdb.kernel.txn.lock.WaitPolicy waitPolicy,
      long catalogVersion) {
    this.engine = engine;
    this.envs = envs;
    this.txn = txn;
    this.readTs = readTs;
    this.readers = readers;
    this.waitPolicy = waitPolicy;
    this.catalogVersion = catalogVersion;
  }

  private final io.phantomdb.kernel.txn.lock.WaitPolicy waitPolicy;
  private final long catalogVersion;
  private io.phantomdb.kernel.txn.Transaction.Isolation autocommitIsolation =
      io.phantomdb.kernel.txn.Transaction.Isolation.READ_COMMITTED;

  /**
   * @param level the isolation level of a statement outside a block (the session's
   *     default_transaction_isolation): READ COMMITTED restarts on a concurrent change,
   *     REPEATABLE READ fails with 40001, SERIALIZABLE also takes part in the SSI checks
   * @return this
   */
  DmlExecution autocommitIsolation(io.phantomdb.kernel.txn.Transaction.Isolation level) {
    this.autocommitIsolation = level;
    return this;
  }

  private List<Object[]> parameterRows;

  /**
   * @param rows for the single-row plan of a many-row INSERT ... VALUES: the parameter values of
   *     each row, converted to the parameters' types; the statement inserts them all, atomically
   * @return this
   */
  DmlExecution parameterRows(List<Object[]> rows) {
    this.parameterRows = rows;
    return this;
  }

  /**
   * @param plan the cached plan of the statement
   * @param eval the expression context of this execution
   * @return the command tag, and the RETURNING rows if any
   */
  StatementResult execute(PlanCache.Plan plan, EvalContext eval) {
    DmlPlan dml = plan.dml();
    Outcome o = run(dml, eval, false);
    String tag = tag(dml, o.changed());
    return dml.returning() == null ? Results.command(tag, o.changed()) : Results.list(plan.columns(), o.rows(), tag);
  }

  /**
   * @param dml the statement
   * @param analyze true to run it (it commits) and show actual rows per operator
   * @return the plan's lines
   */
  StatementResult explain(DmlPlan dml, boolean analyze, EvalContext eval) {
    List<String> lines;
    if (analyze) {
      long start = System.nanoTime();
      Outcome o = run(dml, eval, true);
      lines = new ArrayList<>(ExplainPrinter.render(o.root()));
      lines.add(String.format(Locale.ROOT, "Execution Time: %.3f ms", (System.nanoTime() - start) / 1e6));
    } else {
      TableWriter unused = new TableWriter(engine.storage(), engine.data(), engine.readTs(), engine.readTs() + 1,
          new WriteBatch());
      lines = ExplainPrinter.render(ModifyPlanner.build(dml, envs.env(engine.readTs(), eval, unused), false));
    }
    List<Object[]> rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(new Object[] {line});
    }
    return Results.list(List.of(new ColumnInfo("QUERY PLAN", DataType.of(TypeKind.TEXT))), rows, "EXPLAIN");
  }

  private record Outcome(Operator root, List<Object[]> rows, long changed) {}

  private Outcome run(DmlPlan dml, EvalContext eval, boolean analyze) {
    if (txn != null) {
      return runInBlock(txn, dml, eval, analyze);
    }
    // a statement on its own is a transaction of its own, at default_transaction_isolation
    io.phantomdb.kernel.txn.Transaction own = new io.phantomdb.kernel.txn.Transaction(
        engine.nextTransactionId(), autocommitIsolation);
    try {
      Outcome o = runInBlock(own, dml, eval, analyze);
      TransactionCommit.commit(engine, own);
      return o;
    } finally {
      SerializableTransactions.ended(engine, own);
      engine.locks().releaseAll(own.id());
    }
  }

  /**
   * In a transaction block the statement's writes join the block's write set once the whole
   * statement succeeded; the block's commit writes them. The statement reads the block's earlier
   * writes, not its own (they are kept apart until it ends).
   */
  private Outcome runInBlock(io.phantomdb.kernel.txn.Transaction t, DmlPlan dml, EvalContext eval, boolean analyze) {
    java.util.NavigableSet<byte[]> chosen = null;
    while (true) {
      long ts = t == txn ? readTs.getAsLong() : SerializableTransactions.statementReadTs(engine, t);
      io.phantomdb.spi.storage.KeyValueReader reader = t == txn ? readers.apply(ts)
          : SerializableTransactions.reader(engine, t, engine.storage());
      TableWriter writer = new TableWriter(reader, engine.data(), ts, ts, new WriteBatch())
          .withLocks(new TransactionRowLocks(engine, t, ts, waitPolicy));
      if (chosen != null) {
        writer.onlyRows(chosen);
      }
      Operator op = ModifyPlanner.build(dml, envs.env(ts, eval, writer), analyze, parameterRows);
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
        // A row changed under the statement (READ COMMITTED): again, on a newer snapshot. As
        // PostgreSQL re-checks only the rows its snapshot found, an UPDATE / DELETE then changes
        // only the rows that qualified at the first snapshot and still qualify at the newer one.
        if (chosen == null && (dml.kind() == SqlKind.UPDATE || dml.kind() == SqlKind.DELETE)) {
          chosen = rowsChosen(dml, eval, ts, reader);
        }
        continue;
      }
      if (!writer.writes().isEmpty()) {
        t.noteCatalogVersion(catalogVersion);
        SerializableTransactions.wrote(engine, t, writer.writes().keySet());
      }
      t.addWrites(writer.writes());
      return new Outcome(op, rows, writer.changed());
    }
  }


  /**
   * The rows an UPDATE / DELETE changes at a snapshot, found by running it with a probe writer
   * (nothing written, nothing locked).
   *
   * @return their primary keys, or null if the probe fails (then the re-run is not restricted)
   */
  private java.util.NavigableSet<byte[]> rowsChosen(DmlPlan dml, EvalContext eval, long ts,
      io.phantomdb.spi.storage.KeyValueReader reader) {
    java.util.NavigableSet<byte[]> keys = new java.util.TreeSet<>(java.util.Arrays::compareUnsigned);
    TableWriter probe = new TableWriter(reader, engine.data(), ts, ts, new WriteBatch()).probeRows(keys);
    Operator op = ModifyPlanner.build(dml, envs.env(ts, eval, probe), false);
    try {
      op.open(new ExecContext(eval));
      try {
        while (op.next() != null) {
          // a probe changes nothing and returns nothing
        }
      } finally {
        op.close();
      }
    } catch (SqlException e) {
      return null;
    }
    return keys;
  }

  private static String tag(DmlPlan dml, long n) {
    return switch (dml.kind()) {
      case INSERT -> "INSERT 0 " + n;
      case UPDATE -> "UPDATE " + n;
      case DELETE -> "DELETE " + n;
      default -> dml.kind().name() + " " + n;
    };
  }
}
