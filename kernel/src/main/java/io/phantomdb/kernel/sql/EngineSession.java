package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.DatabaseDescriptor;
import io.phantomdb.kernel.sql.ddl.DatabaseExecutor;
import io.phantomdb.kernel.sql.ddl.DdlExecutor;
import io.phantomdb.kernel.sql.session.SearchPath;
import io.phantomdb.kernel.sql.session.SessionSettings;
import io.phantomdb.kernel.sql.session.SessionView;
import io.phantomdb.kernel.sql.session.SettingCommands;
import io.phantomdb.sql.parser.PhantomSqlParseException;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.stmt.SqlPgExplain;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * A session: parses each statement and sends it to DDL execution or to planning and execution.
 * Every statement commits on its own (transactions come with the transactions issue).
 */
final class EngineSession implements Session {
  private final SqlEngine engine;
  private final String database;
  private final SessionSettings settings = new SessionSettings();
  private boolean closed;

  EngineSession(SqlEngine engine, String database) {
    this.engine = engine;
    this.database = database;
  }

  @Override
  public StatementResult execute(String sql) {
    if (closed) {
      throw new SqlException(SqlState.INVALID_TRANSACTION_STATE, "the session is closed");
    }
    CatalogSnapshot catalog = catalog();
    int databaseId = databaseId();
    SessionView view = new SessionView(database, SearchPath.effective(settings.searchPath(), catalog, databaseId),
        settings);
    PlanCache.Key key = new PlanCache.Key(sql, catalog.version(), databaseId, view.searchPath(), view.timeZone());
    PlanCache.Plan cached = engine.plans().get(key);
    if (cached != null) {
      try {
        return new StatementRunner(engine, catalog, databaseId, view).execute(cached);
      } catch (RuntimeException e) {
        throw SqlErrors.of(e);
      }
    }
    SqlNode node;
    try {
      node = PhantomSqlParser.parseStatement(sql);
    } catch (PhantomSqlParseException e) {
      throw new SqlException(SqlState.SYNTAX_ERROR, e.pgMessage(), null, null, e);
    }
    try {
      return dispatch(node, key, view);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  private StatementResult dispatch(SqlNode node, PlanCache.Key key, SessionView view) {
    if (SettingCommands.handles(node)) {
      return new SettingCommands(settings).execute(node);
    }
    if (DatabaseExecutor.handles(node)) {
      return new DatabaseExecutor(engine.catalog(), engine.data(), engine.writeLock(), database,
          engine.sessionsLock(), db -> engine.otherSessions(db, this)).execute(node);
    }
    if (node instanceof SqlDdl) {
      return new DdlExecutor(engine.storage(), engine.data(), engine.catalog(), engine.writeLock(),
          databaseId(), view.searchPath(), engine::layout, engine::readTs).execute(node);
    }
    if (node instanceof SqlPgExplain explain) {
      return new StatementRunner(engine, catalog(), databaseId(), view).explain(explain);
    }
    if (node.getKind().belongsTo(SqlKind.QUERY) || node.getKind().belongsTo(SqlKind.DML)) {
      StatementRunner runner = new StatementRunner(engine, catalog(), databaseId(), view);
      PlanCache.Plan plan = runner.plan(node);
      engine.plans().put(key, plan);
      return runner.execute(plan);
    }
    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
        "statement " + node.getKind().lowerName + " is not supported yet");
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
  public String database() {
    return database;
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
      engine.closed(this);
    }
  }
}
