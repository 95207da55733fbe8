package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.expr.ParameterValues;
import io.phantomdb.kernel.sql.type.DataType;
import java.util.List;

/** The prepared statements of an {@link EngineSession}. */
final class SessionPreparedStatement {
  private SessionPreparedStatement() {}

  /**
   * A statement that is not planned (DDL, SET, EXPLAIN, ...): it takes no parameters and runs
   * as its text each time.
   */
  static final class Utility implements PreparedStatement {
    private final EngineSession session;
    private final String sql;

    Utility(EngineSession session, String sql) {
      this.session = session;
      this.sql = sql;
    }

    @Override
    public List<DataType> parameterTypes() {
      return List.of();
    }

    @Override
    public List<ColumnInfo> columns() {
      return List.of();
    }

    @Override
    public StatementResult execute(Object... parameters) {
      checkCount(parameters, 0);
      return session.execute(sql);
    }

    @Override
    public void close() {
      // nothing held
    }
  }

  /** A query or DML statement with its plan, remade when the catalog changes. */
  static final class Planned implements PreparedStatement {
    private final EngineSession session;
    private final String sql;
    private final List<DataType> declared;
    private PlanCache.Plan plan;
    private Object planContext;

    Planned(EngineSession session, String sql, List<DataType> declared, PlanCache.Plan plan) {
      this.session = session;
      this.sql = sql;
      this.declared = declared;
      this.plan = plan;
      this.planContext = session.planContext();
    }

    @Override
    public List<DataType> parameterTypes() {
      return plan.parameterTypes();
    }

    @Override
    public List<ColumnInfo> columns() {
      return plan.columns();
    }

    @Override
    public StatementResult execute(Object... parameters) {
      List<DataType> types = plan.parameterTypes();
      checkCount(parameters, types.size());
      Object[] values = new Object[types.size()];
      try {
        for (int i = 0; i < values.length; i++) {
          values[i] = ParameterValues.convert(parameters[i], types.get(i), session.timeZone());
        }
      } catch (RuntimeException e) {
        session.preparedStatementFailed();
        throw SqlErrors.of(e);
      }
      if (!session.planContext().equals(planContext)) {
        try {
          replan();
        } catch (RuntimeException e) {
          session.preparedStatementFailed();
          throw e;
        }
      }
      return session.run(plan, values);
    }

    private void replan() {
      Object context = session.planContext();
      PlanCache.Plan fresh;
      try {
        fresh = session.plan(sql, null, declared);
      } catch (RuntimeException e) {
        throw SqlErrors.of(e);
      }
      if (!fresh.columns().equals(plan.columns()) || !fresh.parameterTypes().equals(plan.parameterTypes())) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cached plan must not change result type",
            null, "Prepare the statement again.", null);
      }
      plan = fresh;
      planContext = context;
    }

    @Override
    public void close() {
      // the plan stays in the engine's cache for others
    }
  }

  private static void checkCount(Object[] parameters, int expected) {
    int n = parameters == null ? 0 : parameters.length;
    if (n != expected) {
      throw new SqlException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + n
          + " parameters, but prepared statement requires " + expected);
    }
  }
}
