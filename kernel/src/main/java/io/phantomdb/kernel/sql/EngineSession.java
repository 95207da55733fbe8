package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.DatabaseDescriptor;
import io.phantomdb.kernel.sql.ddl.DdlExecutor;
import io.phantomdb.kernel.sql.plan.DmlPlanner;
import io.phantomdb.sql.parser.PhantomSqlParseException;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.stmt.SqlPgExplain;
import java.util.List;
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
  private final List<String> searchPath = List.of("public");
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
    PlanCache.Key key = new PlanCache.Key(sql, catalog.version(), databaseId, searchPath);
    PlanCache.Plan cached = engine.plans().get(key);
    if (cached != null) {
      try {
        return new StatementRunner(engine, catalog, databaseId, searchPath).execute(cached);
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
      return dispatch(node, key);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  private StatementResult dispatch(SqlNode node, PlanCache.Key key) {
    if (node instanceof SqlDdl) {
      return new DdlExecutor(engine.storage(), engine.data(), engine.catalog(), engine.writeLock(),
          databaseId(), searchPath, engine::layout, engine::readTs).execute(node);
    }
    if (node instanceof SqlPgExplain explain) {
      return new StatementRunner(engine, catalog(), databaseId(), searchPath).explain(explain);
    }
    if (node.getKind().belongsTo(SqlKind.QUERY) || DmlPlanner.isDml(node)) {
      StatementRunner runner = new StatementRunner(engine, catalog(), databaseId(), searchPath);
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
  public void close() {
    closed = true;
  }
}
