package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.exec.ExecContext;
import io.phantomdb.kernel.sql.exec.ExplainPrinter;
import io.phantomdb.kernel.sql.exec.ModifyOperator;
import io.phantomdb.kernel.sql.exec.Operator;
import io.phantomdb.kernel.sql.exec.ProjectOperator;
import io.phantomdb.kernel.sql.exec.RowFunction;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.expr.SessionContext;
import io.phantomdb.kernel.sql.plan.CatalogSchemas;
import io.phantomdb.kernel.sql.plan.DmlPlan;
import io.phantomdb.kernel.sql.plan.DmlPlanner;
import io.phantomdb.kernel.sql.plan.PhysicalPlanner;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.plan.StatementEnv;
import io.phantomdb.kernel.sql.sequence.IdentityRules;
import io.phantomdb.kernel.sql.sequence.SessionSequences;
import io.phantomdb.kernel.sql.sequence.StatementSequences;
import io.phantomdb.kernel.sql.store.TableWriter;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.kernel.txn.ActiveSnapshots;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.stmt.SqlPgExplain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Plans and runs one query or DML statement: Calcite planning ({@link SqlPlanner}, DML through
 * {@link DmlPlanner}), our operators ({@link PhysicalPlanner}); DML runs and commits in {@link
 * DmlExecution}.
 */
final class StatementRunner {
  private final SqlEngine engine;
  private final CatalogSnapshot catalog;
  private final int databaseId;
  private final List<String> searchPath;
  private final SessionContext session;
  private SqlPlanner planner;
  private SessionSequences sessionSequences = new SessionSequences();
  private io.phantomdb.kernel.txn.Transaction txn;
  private boolean readOnly;

  StatementRunner(SqlEngine engine, CatalogSnapshot catalog, int databaseId, SessionContext session) {
    this.engine = engine;
    this.catalog = catalog;
    this.databaseId = databaseId;
    this.searchPath = session.searchPath();
    this.session = session;
  }

  /**
   * @param session the session's currval / lastval state
   * @return this
   */
  StatementRunner sequences(SessionSequences session) {
    this.sessionSequences = session;
    return this;
  }

  /**
   * @param txn the transaction block statements run in, or null: each commits alone
   * @return this
   */
  StatementRunner transaction(io.phantomdb.kernel.txn.Transaction txn) {
    this.txn = txn;
    return this;
  }

  /**
   * @param readOnly whether statements run in a READ ONLY transaction (writes fail with 25006)
   * @return this
   */
  StatementRunner readOnly(boolean readOnly) {
    this.readOnly = readOnly;
    return this;
  }

  /** The isolation level of a statement outside a block: the session's default_transaction_isolation. */
  private io.phantomdb.kernel.txn.Transaction.Isolation autocommitIsolation() {
    return io.phantomdb.kernel.txn.Transaction.Isolation.of(session.setting("default_transaction_isolation"));
  }

  /**
   * Refuses a write in a read-only transaction.
   *
   * @param command the statement as PostgreSQL names it, such as {@code INSERT}
   * @throws SqlException 25006 if the transaction is read-only
   */
  private void checkWritable(String command) {
    if (readOnly) {
      throw readOnlyError(command);
    }
  }

  /**
   * @param command the statement as PostgreSQL names it
   * @return 25006 "cannot execute ... in a read-only transaction"
   */
  static SqlException readOnlyError(String command) {
    return new SqlException(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot execute " + command + " in a read-only transaction");
  }

  /**
   * The read timestamp of a statement starting now: the transaction's, or the latest commit. Called
   * only while the statement's {@link #pin()} is held; a REPEATABLE READ / SERIALIZABLE snapshot
   * taken here is registered for the rest of the transaction.
   */
  private long statementReadTs() {
    if (txn == null) {
      return engine.readTs();
    }
    long ts = SerializableTransactions.statementReadTs(engine, txn);
    if (txn.isolation() != io.phantomdb.kernel.txn.Transaction.Isolation.READ_COMMITTED && !txn.holdsSnapshot()) {
      txn.holdSnapshot(engine.snapshots().register(ts));
    }
    return ts;
  }

  /**
   * Registers the statement's reads with version garbage collection: every timestamp it reads at
   * is at or above the latest commit now (or is its transaction's registered snapshot).
   */
  private ActiveSnapshots.Registration pin() {
    return engine.snapshots().pin();
  }

  /**
   * What statements read at {@code readTs}: the committed data, with the transaction's writes over
   * it; a SERIALIZABLE transaction's reads are recorded.
   */
  private io.phantomdb.spi.storage.KeyValueReader reader(long readTs) {
    io.phantomdb.spi.storage.KeyValueReader r = txn == null || txn.writes().isEmpty() ? engine.storage()
        : new io.phantomdb.kernel.txn.WriteSetReader(engine.storage(), engine.data(), txn.writes(), readTs);
    return SerializableTransactions.reader(engine, txn, r);
  }

  /** The sequence functions for this statement: the session's, in the statement's catalog. */
  private io.phantomdb.kernel.sql.expr.SequenceOps sequenceOps() {
    StatementSequences ops = new StatementSequences(engine.sequences(), sessionSequences, catalog, databaseId, searchPath);
    return readOnly ? new ReadOnlySequences(ops) : ops;
  }

  /** The Calcite planner, made on first use (a cached plan usually needs none). */
  private SqlPlanner planner() {
    if (planner == null) {
      planner = new SqlPlanner(CatalogSchemas.rootOf(catalog, databaseId), searchPath, session.timeZone());
    }
    return planner;
  }

  /**
   * Validates and optimizes a query or DML statement, for the plan cache.
   *
   * @param node the parsed statement
   * @param parameterTypes declared parameter types ({@code $1} first, null entries inferred)
   */
  PlanCache.Plan plan(SqlNode node, List<DataType> parameterTypes) {
    List<org.apache.calcite.rel.type.RelDataType> declared = new ArrayList<>();
    for (DataType t : parameterTypes) {
      declared.add(t == null ? null : planner().typeFactory().createTypeWithNullability(
          CalciteTypes.toRelDataType(planner().typeFactory(), t), true));
    }
    return planWithTypes(node, declared);
  }

  /**
   * Validates and optimizes a statement whose parameters have Calcite types (those of literals
   * turned into parameters).
   */
  PlanCache.Plan planWithTypes(SqlNode node, List<org.apache.calcite.rel.type.RelDataType> parameterTypes) {
    IdentityRules.apply(node, catalog, databaseId, searchPath);
    planner().declareParameters(parameterTypes);
    if (node instanceof io.phantomdb.sql.parser.dml.SqlLockingQuery locking) {
      return planLocking(locking);
    }
    if (DmlPlanner.isDml(node)) {
      DmlPlan dml = new DmlPlanner(planner(), catalog, databaseId, searchPath).plan(node);
      return new PlanCache.Plan(dml.core(), dml.columns(), dml.kind(), parameterDataTypes(), dml);
    }
    List<SqlNode> items = selectItems(node);
    RelRoot root = planner().plan(node);
    return new PlanCache.Plan(root, columns(root, items), node.getKind(), parameterDataTypes(), null);
  }

  /** Plans a query with locking clauses: the query with its key columns, and what to lock. */
  private PlanCache.Plan planLocking(io.phantomdb.sql.parser.dml.SqlLockingQuery node) {
    io.phantomdb.kernel.sql.plan.LockingPlanner locking = new io.phantomdb.kernel.sql.plan.LockingPlanner(node,
        this::tableNamed, planner().validator().getOperatorTable());
    List<SqlNode> items = selectItems(locking.query());
    RelRoot root = planner().plan(locking.query());
    io.phantomdb.kernel.sql.plan.LockingPlanner.Locking l = locking.locking(root);
    List<ColumnInfo> columns = columns(root, items).subList(0, l.visibleFields());
    return new PlanCache.Plan(root, List.copyOf(columns), SqlKind.SELECT, parameterDataTypes(), null, l);
  }

  /**
   * The table a FROM item names, or null for anything else (a view).
   *
   * @throws SqlException 42P01 if it names nothing
   */
  private TableDescriptor tableNamed(List<String> names) {
    org.apache.calcite.prepare.Prepare.PreparingTable t = planner().validator().getCatalogReader()
        .unwrap(org.apache.calcite.prepare.Prepare.CatalogReader.class).getTable(names);
    if (t == null) {
      throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + String.join(".", names) + "\" does not exist");
    }
    io.phantomdb.kernel.sql.plan.PhantomTable table = t == null ? null : t.unwrap(io.phantomdb.kernel.sql.plan.PhantomTable.class);
    return table == null ? null : table.descriptor();
  }

  private List<DataType> parameterDataTypes() {
    List<DataType> types = new ArrayList<>();
    for (var t : planner().parameterTypes()) {
      types.add(CalciteTypes.toDataType(t));
    }
    return List.copyOf(types);
  }

  /** @return the type factory parameter types of {@link #planWithTypes} are made with */
  org.apache.calcite.rel.type.RelDataTypeFactory typeFactory() {
    return planner().typeFactory();
  }

  /**
   * Builds the operators of a (cached) plan and runs them.
   *
   * @param plan the plan
   * @param parameters the values of its parameters, of their types' Java classes
   */
  StatementResult execute(PlanCache.Plan plan, Object[] parameters) {
    RelRoot root = plan.root();
    Object[] values = parameters == null || parameters.length == 0 ? new Object[0]
        : io.phantomdb.kernel.sql.expr.ParameterValues.convertAll(parameters, plan.parameterTypes(), session.timeZone());
    EvalContext eval = new EvalContext(values, Instant.now(), session).withSequences(sequenceOps());
    ActiveSnapshots.Registration pin = pin();
    try {
      if (plan.locking() != null) {
        if (!plan.locking().targets().isEmpty()) {
          checkWritable(plan.locking().commandName());
        }
        return new LockingSelect(engine, this::env, txn, this::statementReadTs, TransactionRowLocks.waitPolicy(session))
            .execute(plan, eval);
      }
      if (plan.dml() == null) {
        StatementEnv env = env(statementReadTs(), eval, null);
        Operator op = outputOf(root, new PhysicalPlanner(env, false).build(root.rel));
        StatementResult rows = Results.rows(plan.columns(), op, new ExecContext(eval), "SELECT", pin);
        pin = null; // the result releases it when closed
        return rows;
      }
      checkWritable(plan.dml().kind().name());
      return new DmlExecution(engine, this::env, txn, this::statementReadTs, this::reader,
          TransactionRowLocks.waitPolicy(session), catalog.version()).autocommitIsolation(autocommitIsolation())
          .execute(plan, eval);
    } finally {
      if (pin != null) {
        pin.close();
      }
    }
  }

  /**
   * Runs the single-row plan of a many-row INSERT ... VALUES ({@link
   * io.phantomdb.kernel.sql.plan.BulkValues}) for every row, as one statement: all rows are
   * converted to the parameters' (the target columns') types first, then inserted and committed
   * together, or none is.
   *
   * @param plan the plan of the INSERT of one row of parameters
   * @param rows each row's literal values
   */
  StatementResult executeRows(PlanCache.Plan plan, List<Object[]> rows) {
    List<Object[]> converted = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      converted.add(io.phantomdb.kernel.sql.expr.ParameterValues.convertAll(row, plan.parameterTypes(), session.timeZone()));
    }
    EvalContext eval = new EvalContext(converted.get(0), Instant.now(), session).withSequences(sequenceOps());
    try (ActiveSnapshots.Registration pin = pin()) {
      checkWritable(plan.dml().kind().name());
      return new DmlExecution(engine, this::env, txn, this::statementReadTs, this::reader,
          TransactionRowLocks.waitPolicy(session), catalog.version()).autocommitIsolation(autocommitIsolation())
          .parameterRows(converted).execute(plan, eval);
    }
  }

  StatementResult explain(SqlPgExplain explain) {
    try (ActiveSnapshots.Registration pin = pin()) {
      return explainPinned(explain);
    }
  }

  private StatementResult explainPinned(SqlPgExplain explain) {
    SqlNode inner = explain.statement();
    boolean analyze = explain.isAnalyze();
    if (DmlPlanner.isDml(inner)) {
      IdentityRules.apply(inner, catalog, databaseId, searchPath);
      DmlPlan dml = new DmlPlanner(planner(), catalog, databaseId, searchPath).plan(inner);
      EvalContext eval = new EvalContext(new Object[0], Instant.now(), session).withSequences(sequenceOps());
      if (analyze) {
        checkWritable(dml.kind().name());
      }
      return new DmlExecution(engine, this::env, txn, this::statementReadTs, this::reader,
          TransactionRowLocks.waitPolicy(session), catalog.version()).autocommitIsolation(autocommitIsolation())
          .explain(dml, analyze, eval);
    }
    if (inner instanceof io.phantomdb.sql.parser.dml.SqlLockingQuery locking) {
      if (analyze) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN ANALYZE of a locking SELECT is not supported yet");
      }
      IdentityRules.apply(inner, catalog, databaseId, searchPath);
      PlanCache.Plan plan = planLocking(locking);
      EvalContext eval = new EvalContext(new Object[0], Instant.now(), session).withSequences(sequenceOps());
      Operator op = LockingSelect.operators(engine, plan, env(statementReadTs(), eval, null), (t, k, m, w) -> true, false);
      List<Object[]> lines = new ArrayList<>();
      for (String line : ExplainPrinter.render(op)) {
        lines.add(new Object[] {line});
      }
      return Results.list(List.of(new ColumnInfo("QUERY PLAN", DataType.of(TypeKind.TEXT))), lines, "EXPLAIN");
    }
    IdentityRules.apply(inner, catalog, databaseId, searchPath);
    RelRoot root = planner().plan(inner);
    EvalContext eval = new EvalContext(new Object[0], Instant.now(), session).withSequences(sequenceOps());
    Operator op = new PhysicalPlanner(env(statementReadTs(), eval, null), analyze).build(root.rel);
    List<Object[]> lines = new ArrayList<>();
    if (analyze) {
      long start = System.nanoTime();
      op.open(new ExecContext(eval));
      try {
        while (op.next() != null) {
          // count the rows
        }
      } finally {
        op.close();
      }
      boolean timing = !explain.options().containsKey("timing") || explain.isOn("timing");
      for (String line : ExplainPrinter.render(op, timing)) {
        lines.add(new Object[] {line});
      }
      if (!explain.options().containsKey("summary") || explain.isOn("summary")) {
        lines.add(new Object[] {String.format(java.util.Locale.ROOT, "Execution Time: %.3f ms", (System.nanoTime() - start) / 1e6)});
      }
    } else {
      for (String line : ExplainPrinter.render(op)) {
        lines.add(new Object[] {line});
      }
    }
    return Results.list(List.of(new ColumnInfo("QUERY PLAN", DataType.of(TypeKind.TEXT))), lines, "EXPLAIN");
  }

  private StatementEnv env(long readTs, EvalContext eval, TableWriter writer) {
    return new StatementEnv(reader(readTs), engine.data(), readTs, engine::layout, eval, writer,
        this::checks, engine::nextRowId, this::defaultOf);
  }

  /** Compiles the DEFAULT of a table's visible column (NULL if it has none). */
  private io.phantomdb.kernel.sql.expr.Expr defaultOf(TableDescriptor table, int visibleColumn) {
    String sql = table.visibleColumns().get(visibleColumn).defaultSql();
    try {
      RelRoot r = planner().plan(PhantomSqlParser.parseStatement("SELECT " + (sql == null ? "NULL" : "(" + sql + ")")));
      org.apache.calcite.rel.RelNode rel = r.rel;
      if (rel instanceof Project p) {
        return ExprCompiler.compile(p.getProjects().get(0));
      }
      org.apache.calcite.rel.core.Values v = (org.apache.calcite.rel.core.Values) rel;
      return ExprCompiler.compile(v.getTuples().get(0).get(0));
    } catch (io.phantomdb.sql.parser.PhantomSqlParseException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR, "stored DEFAULT cannot be parsed: " + sql, null, null, e);
    }
  }

  /** Compiles a table's CHECK constraints over its visible columns by planning a SELECT of them. */
  private List<ModifyOperator.Check> checks(TableDescriptor table) {
    if (table.checks().isEmpty()) {
      return List.of();
    }
    SchemaDescriptor schema = (SchemaDescriptor) catalog.byId(table.schemaId()).orElseThrow();
    List<ModifyOperator.Check> out = new ArrayList<>();
    for (CheckDescriptor c : table.checks()) {
      String sql = "SELECT (" + c.sql() + ") FROM \"" + schema.name() + "\".\"" + table.name() + "\"";
      try {
        RelRoot r = planner().plan(PhantomSqlParser.parseStatement(sql));
        Project p = (Project) r.rel;
        var expr = ExprCompiler.compile(p.getProjects().get(0));
        RowFunction fn = (row, ctx) -> expr.eval(row, ctx.eval());
        out.add(new ModifyOperator.Check(c.name(), fn));
      } catch (io.phantomdb.sql.parser.PhantomSqlParseException e) {
        throw new SqlException(SqlState.INTERNAL_ERROR, "stored check constraint " + c.name() + " cannot be parsed", null, null, e);
      }
    }
    return out;
  }

  /** The statement's output columns, with PostgreSQL's name for unnamed expressions. */
  private static List<ColumnInfo> columns(RelRoot root) {
    return columns(root, null);
  }

  /**
   * The output columns; an unnamed expression gets PostgreSQL's name from its select item
   * ({@code count}, {@code upper}, {@code int4} for a cast, else {@code ?column?}).
   *
   * @param items the top-level select items as parsed, one per column, or null if unknown
   */
  private static List<ColumnInfo> columns(RelRoot root, List<SqlNode> items) {
    List<ColumnInfo> out = new ArrayList<>();
    List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
    boolean byItem = items != null && items.size() == root.fields.size();
    for (Map.Entry<Integer, String> f : root.fields) {
      RelDataTypeField field = fields.get(out.size());
      DataType type = CalciteTypes.toDataType(field.getType());
      String name = f.getValue();
      if (name.matches("EXPR\\$\\d+")) {
        name = byItem ? io.phantomdb.kernel.sql.plan.PgColumnNames.of(items.get(out.size()), type) : "?column?";
      }
      out.add(new ColumnInfo(name, type));
    }
    return out;
  }

  /**
   * The select items of a plain SELECT (under its ORDER BY / LIMIT), captured before validation
   * rewrites them; null when there is a {@code *} or it is not a plain SELECT (set operations,
   * VALUES).
   */
  private static List<SqlNode> selectItems(SqlNode node) {
    SqlNode q = node instanceof org.apache.calcite.sql.SqlOrderBy o ? o.query : node;
    if (!(q instanceof org.apache.calcite.sql.SqlSelect select) || select.getSelectList() == null) {
      return null;
    }
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof org.apache.calcite.sql.SqlIdentifier id && id.isStar()) {
        return null;
      }
      items.add(item);
    }
    return items;
  }

  /** The projection RelRoot asks for on top of the plan's output (often the identity). */
  private static Operator outputOf(RelRoot root, Operator op) {
    if (root.isRefTrivial()) {
      return op;
    }
    RowFunction[] fns = new RowFunction[root.fields.size()];
    int i = 0;
    for (Map.Entry<Integer, String> f : root.fields) {
      int index = f.getKey();
      fns[i++] = (row, ctx) -> row[index];
    }
    return new ProjectOperator(op, fns, "output");
  }
}
