package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.DatabaseDescriptor;
import io.phantomdb.kernel.sql.ddl.DatabaseExecutor;
import io.phantomdb.kernel.sql.ddl.DdlExecutor;
import io.phantomdb.kernel.sql.plan.LiteralParameterizer;
import io.phantomdb.kernel.sql.plan.LiteralShape;
import io.phantomdb.kernel.sql.session.SearchPath;
import io.phantomdb.kernel.sql.session.SessionSettings;
import io.phantomdb.kernel.sql.session.SessionView;
import io.phantomdb.kernel.sql.session.SettingCommands;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PhantomTypeSystem;
import io.phantomdb.kernel.sql.stats.AnalyzeExecutor;
import io.phantomdb.kernel.sql.sequence.SessionSequences;
import io.phantomdb.kernel.sql.plan.DmlPlanner;
import io.phantomdb.sql.parser.PhantomSqlParseException;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.stmt.SqlAnalyze;
import io.phantomdb.sql.parser.stmt.SqlPgExplain;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * A session: parses each statement and sends it to DDL execution or to planning and execution.
 * Every statement commits on its own (transactions come with the transactions issue).
 *
 * <p>Plans of queries and DML are cached ({@link PlanCache}): by exact text, and by the text with
 * its literals turned into parameters ({@link LiteralParameterizer}), so statements that differ
 * only in their constants skip Calcite after the first.
 */
final class EngineSession implements Session {
  /** Types of literals turned into parameters (Calcite interns types, so any factory will do). */
  private static final RelDataTypeFactory LITERAL_TYPES = new JavaTypeFactoryImpl(PhantomTypeSystem.INSTANCE);

  private final SqlEngine engine;
  private final String database;
  private final String user;
  private int backendPid;
  private final SessionSettings settings;
  // the last SessionView and what it was made of (view(): one per statement otherwise)
  private SessionView lastView;
  private CatalogSnapshot lastViewCatalog;
  private int lastViewDatabase;
  private List<String> lastViewPath;
  private final SessionSequences sequences = new SessionSequences();
  private final SessionTransactions transactions;
  private boolean closed;
  /** Whether a statement runs (its result is open), and whether a client asked to cancel it. */
  private volatile boolean running;
  private final io.phantomdb.kernel.sql.exec.Cancellation cancellation;
  private final StatementClock clock = new StatementClock();

  EngineSession(SqlEngine engine, String database, String user, long id) {
    this.engine = engine;
    this.database = database;
    this.user = user;
    this.backendPid = (int) id;
    this.cancellation = new io.phantomdb.kernel.sql.exec.Cancellation(engine.locks());
    this.settings = new SessionSettings(engine.sessionDefaults());
    settings.setSessionUser(user, catalog().role(user).map(r -> r.superuser()).orElse(false));
    this.transactions = new SessionTransactions(engine, settings);
    settings.transactionParameters(transactions);
  }

  @Override
  public StatementResult execute(String sql) {
    checkOpen();
    startStatement();
    io.phantomdb.kernel.sql.exec.Cancellation previous = cancellation.enter();
    try {
      return guarded(executeStatement(sql));
    } catch (RuntimeException e) {
      statementEnded();
      transactions.statementFailed();
      throw clock.translate(e);
    } finally {
      io.phantomdb.kernel.sql.exec.Cancellation.leave(previous);
    }
  }

  /** A statement starts: a cancel asked for before it does not apply to it. */
  private void startStatement() {
    cancellation.reset();
    running = true;
    clock.start(settings.statementTimeoutMillis());
  }

  private void statementEnded() {
    running = false;
    cancellation.reset();
  }

  /**
   * Cancels the running statement, if any: its operators stop at their next check and a row lock
   * wait ends at once (57014).
   */
  @Override
  public void cancel() {
    if (running) {
      cancellation.request();
    }
  }

  /**
   * The result as the client reads it: a cancel stops it at the next row (57014), and in a
   * transaction block an error while reading its rows fails the block too.
   */
  private StatementResult guarded(StatementResult result) {
    return new StatementResult() {
      @Override
      public java.util.List<ColumnInfo> columns() {
        return result.columns();
      }

      @Override
      public Object[] next() {
        io.phantomdb.kernel.sql.exec.Cancellation previous = cancellation.enter();
        try {
          cancellation.check();
          clock.check();
          return result.next();
        } catch (RuntimeException e) {
          transactions.statementFailed();
          throw clock.translate(e);
        } finally {
          io.phantomdb.kernel.sql.exec.Cancellation.leave(previous);
        }
      }

      @Override
      public String commandTag() {
        return result.commandTag();
      }

      @Override
      public long rowCount() {
        return result.rowCount();
      }

      @Override
      public void close() {
        statementEnded();
        result.close();
      }
    };
  }

  private StatementResult executeStatement(String sql) {
    SqlNode control = TRANSACTION_CONTROL.get(sql);
    if (control != null) {
      // BEGIN / COMMIT by a text seen before (the extended protocol's implicit transaction sends
      // them around every statement): what a parse of it would run, without the plan lookups
      return transactions.execute(control);
    }
    if (transactions.status() == 'E') {
      SqlNode node = parse(sql);
      if (!SessionTransactions.handles(node)) {
        transactions.checkNotFailed();
      }
      return transactions.execute(node);
    }
    CatalogSnapshot catalog = catalog();
    int databaseId = databaseId();
    SessionView view = view(catalog, databaseId);
    PlanCache.Key exact = key(sql, List.of(), catalog, databaseId, view);
    PlanCache.Entry cached = engine.textPlans().get(exact);
    if (cached != null) {
      try {
        return runner(catalog, databaseId, view).execute(cached.plan(), cached.values());
      } catch (RuntimeException e) {
        throw SqlErrors.of(e);
      }
    }
    LiteralShape shape = LiteralShape.of(sql);
    PlanCache.Key shapeKey = shape == null ? null : key(shape.key(), List.of(), catalog, databaseId, view);
    PlanCache.Entry known = shapeKey == null ? null : engine.shapes().get(shapeKey);
    if (known != null) {
      try {
        return runner(catalog, databaseId, view).execute(known.plan(), shape.parameters(known.literalOrder()));
      } catch (RuntimeException e) {
        throw SqlErrors.of(e);
      }
    }
    SqlNode node = parse(sql);
    try {
      if (SessionTransactions.handles(node)) {
        return transactions.execute(node);
      }
      if (isPlanned(node)) {
        return planAndRun(sql, node, exact, shape == null ? null : new ShapeSeen(shape, shapeKey), catalog,
            databaseId, view);
      }
      return dispatch(node, view);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public PreparedStatement prepare(String sql, List<DataType> parameterTypes) {
    checkOpen();
    SqlNode node = parse(sql);
    try {
      if (!isPlanned(node)) {
        return new SessionPreparedStatement.Utility(this, sql);
      }
      List<DataType> declared = new ArrayList<>(parameterTypes); // may hold nulls
      return new SessionPreparedStatement.Planned(this, sql, declared, plan(sql, node, declared));
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  /**
   * The plan of a statement with declared parameter types, from the cache or made and cached.
   *
   * @param node the parsed statement, or null to parse {@code sql}
   */
  PlanCache.Plan plan(String sql, SqlNode node, List<DataType> declared) {
    CatalogSnapshot catalog = catalog();
    int databaseId = databaseId();
    SessionView view = view(catalog, databaseId);
    PlanCache.Key key = key(sql, declared, catalog, databaseId, view);
    PlanCache.Entry entry = engine.plans().get(key);
    if (entry != null) {
      return entry.plan();
    }
    PlanCache.Plan plan = runner(catalog, databaseId, view).plan(node != null ? node : parse(sql), declared);
    engine.plans().put(key, new PlanCache.Entry(plan, null));
    return plan;
  }

  /** Runs a plan made by {@link #plan} with parameter values already converted to their types. */
  StatementResult run(PlanCache.Plan plan, Object[] parameters) {
    checkOpen();
    transactions.checkNotFailed();
    startStatement();
    io.phantomdb.kernel.sql.exec.Cancellation previous = cancellation.enter();
    try {
      CatalogSnapshot catalog = catalog();
      int databaseId = databaseId();
      return guarded(runner(catalog, databaseId, view(catalog, databaseId)).execute(plan, parameters));
    } catch (RuntimeException e) {
      statementEnded();
      transactions.statementFailed();
      throw clock.translate(SqlErrors.of(e));
    } finally {
      io.phantomdb.kernel.sql.exec.Cancellation.leave(previous);
    }
  }

  /**
   * A prepared statement of this session failed before it ran (its parameter values do not
   * convert): inside a transaction block that fails the block, as in PostgreSQL.
   */
  void preparedStatementFailed() {
    transactions.statementFailed();
  }

  @Override
  public void statementFailed() {
    transactions.statementFailed();
  }

  /**
   * @return what a plan made now depends on besides its text: the catalog version, the search
   *     path and the time zone (a prepared statement replans when it changes)
   */
  Object planContext() {
    CatalogSnapshot catalog = catalog();
    SessionView view = view(catalog, databaseId());
    return List.of(catalog.version(), view.searchPath(), view.timeZone());
  }

  private SessionView view(CatalogSnapshot catalog, int databaseId) {
    List<String> path = settings.searchPath();
    SessionView last = lastView;
    if (last != null && catalog == lastViewCatalog && databaseId == lastViewDatabase && path == lastViewPath) {
      return last; // nothing it is made of changed: the same settings list, catalog and database
    }
    SessionView view = new SessionView(database, SearchPath.effective(path, catalog, databaseId, user), settings,
        backendPid, catalog, databaseId);
    lastView = view;
    lastViewCatalog = catalog;
    lastViewDatabase = databaseId;
    lastViewPath = path;
    return view;
  }

  private static PlanCache.Key key(String sql, List<DataType> types, CatalogSnapshot catalog, int databaseId,
      SessionView view) {
    return new PlanCache.Key(sql, types, catalog.version(), databaseId, view.searchPath(), view.timeZone());
  }

  /** A statement's literal shape and its cache key, to be trusted once a parse confirms it. */
  private record ShapeSeen(LiteralShape shape, PlanCache.Key key) {}

  private StatementResult planAndRun(String sql, SqlNode node, PlanCache.Key exact, ShapeSeen seen,
      CatalogSnapshot catalog, int databaseId, SessionView view) {
    StatementRunner runner = runner(catalog, databaseId, view);
    io.phantomdb.kernel.sql.plan.BulkValues bulk = io.phantomdb.kernel.sql.plan.BulkValues.of(node, sql);
    if (bulk != null) {
      StatementResult result = runBulk(runner, bulk, node, catalog, databaseId, view);
      if (result != null) {
        return result;
      }
      node = parse(sql); // planned as it is, below
      runner = runner(catalog, databaseId, view);
    }
    LiteralParameterizer.Result p;
    try {
      p = LiteralParameterizer.parameterize(node, sql, LITERAL_TYPES);
    } catch (LiteralParameterizer.NodeChangedException e) {
      p = null;
      node = parse(sql);
    }
    if (p != null) {
      PlanCache.Key shape = key(p.key(), List.of(), catalog, databaseId, view);
      PlanCache.Entry entry = engine.plans().get(shape);
      boolean fresh = entry == null;
      if (fresh) {
        try {
          entry = new PlanCache.Entry(runner.planWithTypes(p.statement(), p.types()), null);
        } catch (RuntimeException | AssertionError e) {
          entry = PlanCache.Entry.NOT_PARAMETERIZABLE; // plan it with its literals, below
        }
        engine.plans().put(shape, entry);
      }
      if (entry.plan() != null) {
        StatementResult result = fresh ? firstRun(runner, entry.plan(), p.values(), shape) : runner.execute(entry.plan(), p.values());
        if (result != null) {
          engine.textPlans().put(exact, new PlanCache.Entry(entry.plan(), p.values()));
          int[] order = seen == null ? null : seen.shape().matches(p);
          if (order != null) {
            engine.shapes().put(seen.key(), new PlanCache.Entry(entry.plan(), null, order));
          }
          return result;
        }
      }
      node = parse(sql);
      runner = runner(catalog, databaseId, view);
    }
    PlanCache.Plan plan = runner.plan(node, List.of());
    if (!plan.parameterTypes().isEmpty()) {
      throw new SqlException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $1", null,
          "Parameters need a prepared statement (the extended query protocol).", null);
    }
    engine.textPlans().put(exact, new PlanCache.Entry(plan, null));
    return runner.execute(plan, new Object[0]);
  }

  /**
   * Runs a many-row INSERT ... VALUES of literals as its single-row plan of parameters, planned
   * once per text outside the rows ({@link io.phantomdb.kernel.sql.plan.BulkValues}).
   *
   * @return the result, or null to plan the statement with its literals instead (the single-row
   *     plan failed, has another shape, does not fit the literals, or refused them with an error
   *     the literal plan might not have: 42xxx, 0A000, XX000); {@code node} may have been changed
   */
  private StatementResult runBulk(StatementRunner runner, io.phantomdb.kernel.sql.plan.BulkValues bulk, SqlNode node,
      CatalogSnapshot catalog, int databaseId, SessionView view) {
    PlanCache.Key key = key(bulk.key(), List.of(), catalog, databaseId, view);
    PlanCache.Entry entry = engine.plans().get(key);
    if (entry == null) {
      try {
        List<org.apache.calcite.rel.type.RelDataType> types = new ArrayList<>();
        for (int i = 0; i < bulk.parameterCount(); i++) {
          types.add(null); // assigned: the column's type
        }
        PlanCache.Plan plan = runner.planWithTypes(bulk.singleRow(node), types);
        entry = plan.dml() != null && io.phantomdb.kernel.sql.plan.ModifyPlanner.isParameterRow(plan.dml())
            ? new PlanCache.Entry(plan, null) : PlanCache.Entry.NOT_PARAMETERIZABLE;
      } catch (RuntimeException | AssertionError e) {
        entry = PlanCache.Entry.NOT_PARAMETERIZABLE;
      }
      engine.plans().put(key, entry);
    }
    if (entry.plan() == null || !bulk.fits(entry.plan().parameterTypes())) {
      return null;
    }
    try {
      return runner.executeRows(entry.plan(), bulk.rows());
    } catch (RuntimeException e) {
      String state = SqlErrors.of(e).sqlState();
      if (state.startsWith("42") || state.startsWith("0A") || state.startsWith("XX")) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Runs a just-made parameterized plan. If building it fails with an error its literal version
   * might not have (42xxx, 0A000, XX000: our operators refusing a parameter where a literal
   * works), the shape is marked not parameterizable and null is returned to plan the literals.
   * Data errors (22xxx, 23xxx, ...) are the statement's own and are thrown.
   */
  private StatementResult firstRun(StatementRunner runner, PlanCache.Plan plan, Object[] values, PlanCache.Key shape) {
    try {
      return runner.execute(plan, values);
    } catch (RuntimeException e) {
      String state = SqlErrors.of(e).sqlState();
      if (state.startsWith("42") || state.startsWith("0A") || state.startsWith("XX")) {
        engine.plans().put(shape, PlanCache.Entry.NOT_PARAMETERIZABLE);
        return null;
      }
      throw e;
    }
  }

  private StatementRunner runner(CatalogSnapshot catalog, int databaseId, SessionView view) {
    return new StatementRunner(engine, catalog, databaseId, view).sequences(sequences)
        .transaction(transactions.current()).readOnly(transactions.readOnly());
  }

  private static boolean isPlanned(SqlNode node) {
    return !(node instanceof SqlDdl) && !SettingCommands.handles(node) && !DatabaseExecutor.handles(node) && !(node instanceof SqlPgExplain)
        && (node.getKind().belongsTo(SqlKind.QUERY) || DmlPlanner.isDml(node)
            || node instanceof io.phantomdb.sql.parser.dml.SqlLockingQuery);
  }

  /**
   * Transaction control statements by text ({@code BEGIN}, {@code COMMIT}: the extended protocol's
   * implicit transaction sends them around every statement); their nodes are only read.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, SqlNode> TRANSACTION_CONTROL =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int TRANSACTION_CONTROL_TEXTS = 64;

  private static SqlNode parse(String sql) {
    SqlNode known = TRANSACTION_CONTROL.get(sql);
    if (known != null) {
      return known;
    }
    try {
      SqlNode node = PhantomSqlParser.parseStatement(sql);
      if (SessionTransactions.handles(node) && TRANSACTION_CONTROL.size() < TRANSACTION_CONTROL_TEXTS) {
        TRANSACTION_CONTROL.put(sql, node);
      }
      return node;
    } catch (PhantomSqlParseException e) {
      String first = sql.stripLeading().split("[\\s(;]", 2)[0].toUpperCase(java.util.Locale.ROOT);
      if (first.equals("GRANT") || first.equals("REVOKE")) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, first + " is not supported",
            "PhantomDB has no privileges yet: every role may use every object.", null, e);
      }
      throw new SqlException(SqlState.SYNTAX_ERROR, e.pgMessage(), null, null, e);
    }
  }

  private StatementResult dispatch(SqlNode node, SessionView view) {
    if (transactions.readOnly() && (node instanceof SqlDdl || DatabaseExecutor.handles(node))) {
      throw StatementRunner.readOnlyError(commandName(node));
    }
    if (transactions.current() != null && (node instanceof SqlDdl || DatabaseExecutor.handles(node))) {
      throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION, node.getKind().name().replace('_', ' ')
          + " cannot run inside a transaction block", null,
          "Run DDL outside BEGIN ... COMMIT: PhantomDB does not make it part of a transaction yet.", null);
    }
    if (SettingCommands.handles(node)) {
      return new SettingCommands(settings).execute(node);
    }
    if (io.phantomdb.kernel.sql.role.RoleExecutor.handles(node)) {
      return new io.phantomdb.kernel.sql.role.RoleExecutor(engine.catalog(), user, settings.timeZone()).execute(node);
    }
    if (DatabaseExecutor.handles(node)) {
      return new DatabaseExecutor(engine.catalog(), engine.data(), engine.ddlLock(), database,
          engine.sessionsLock(), db -> engine.otherSessions(db, this)).execute(node);
    }
    if (node instanceof io.phantomdb.sql.parser.stmt.SqlVacuum vacuum) {
      if (transactions.current() != null) {
        throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION, "VACUUM cannot run inside a transaction block");
      }
      return VacuumCommand.execute(engine, vacuum, catalog(), databaseId(), view.searchPath(), analyze -> {
        try (io.phantomdb.kernel.txn.ActiveSnapshots.Registration pin = engine.snapshots().pin()) {
          dispatchReading(analyze, view);
        }
      });
    }
    if (node instanceof SqlDdl || node instanceof SqlAnalyze) {
      // DDL and ANALYZE read at the latest commit, which may move on while they run: pin it
      try (io.phantomdb.kernel.txn.ActiveSnapshots.Registration pin = engine.snapshots().pin()) {
        return dispatchReading(node, view);
      }
    }
    if (node instanceof SqlPgExplain explain) {
      return runner(catalog(), databaseId(), view).explain(explain);
    }
    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
        "statement " + node.getKind().lowerName + " is not supported yet");
  }

  private StatementResult dispatchReading(SqlNode node, SessionView view) {
    if (node instanceof SqlDdl) {
      return new DdlExecutor(engine.storage(), engine.data(), engine.catalog(), engine.ddlLock(),
          databaseId(), view.searchPath(), engine::layout, engine::readTs)
          .withWrites(new EngineDdlWrites(engine)).sequences(engine.sequences()).execute(node);
    }
    return new AnalyzeExecutor(engine.storage(), engine.data(), engine.catalog(), databaseId(), view.searchPath(),
        engine::layout, engine::readTs).execute((SqlAnalyze) node);
  }

  /** A DDL statement as PostgreSQL names it in errors: {@code CREATE TABLE}, {@code DROP INDEX}, ... */
  private static String commandName(SqlNode node) {
    SqlKind kind = node.getKind();
    if (kind != SqlKind.OTHER && kind != SqlKind.OTHER_DDL) {
      return kind.name().replace('_', ' ');
    }
    String name = node.getClass().getSimpleName().replaceFirst("^Sql", "");
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
  }

  private void checkOpen() {
    if (closed) {
      throw new SqlException(SqlState.INVALID_TRANSACTION_STATE, "the session is closed");
    }
  }

  private CatalogSnapshot catalog() {
    return engine.catalog().current();
  }

  private int databaseId() {
    DatabaseDescriptor db = catalog().database(database).orElseThrow(() ->
        new SqlException(SqlState.INVALID_CATALOG_NAME, "database \"" + database + "\" does not exist"));
    return db.id();
  }

  @Override
  public char transactionStatus() {
    return transactions.status();
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public int backendPid() {
    return backendPid;
  }

  @Override
  public void setBackendPid(int pid) {
    this.backendPid = pid;
  }

  @Override
  public String setting(String name) {
    return settings.get(name);
  }

  @Override
  public void setStartupSetting(String name, String value) {
    settings.setAsDefault(name, value);
  }

  @Override
  public Map<String, String> changedReportedSettings() {
    return settings.changedReported();
  }

  @Override
  public ZoneId timeZone() {
    return settings.timeZone();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      transactions.close();
      engine.closed(this);
    }
  }
}
