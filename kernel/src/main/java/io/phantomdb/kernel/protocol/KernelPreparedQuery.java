package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.PreparedStatement;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.Portal;
import io.phantomdb.spi.protocol.PreparedQuery;
import java.util.ArrayList;
import java.util.List;

/** A kernel {@link PreparedStatement} (or an empty statement) as the SPI's prepared query. */
final class KernelPreparedQuery implements PreparedQuery {
  private final Session session;
  private final String statement;
  /** Whether the statement is transaction control ({@link StatementTexts#allTransactional}). */
  private final boolean transactional;
  private final PreparedStatement prepared;
  private final List<Integer> parameterTypes;
  private final List<Column> columns;

  private final KernelProtocolSession owner;

  KernelPreparedQuery(KernelProtocolSession owner, String sql, List<Integer> declared) {
    this.owner = owner;
    this.session = owner.session();
    List<String> statements = StatementTexts.split(sql);
    if (statements.size() > 1) {
      throw new io.phantomdb.spi.protocol.SqlErrorException(SqlState.SYNTAX_ERROR,
          "cannot insert multiple commands into a prepared statement");
    }
    this.statement = statements.isEmpty() ? null : statements.get(0);
    this.transactional = statement != null && StatementTexts.allTransactional(List.of(statement));
    if (statement == null) {
      prepared = null;
      parameterTypes = List.of();
      columns = List.of();
      return;
    }
    List<DataType> types = new ArrayList<>();
    for (Integer oid : declared) {
      types.add(PgTypes.declared(oid));
    }
    try {
      prepared = session.prepare(statement, types);
      parameterTypes = prepared.parameterTypes().stream().map(PgTypes::oid).toList();
      columns = prepared.columns().stream().map(PgTypes::column).toList();
    } catch (RuntimeException e) {
      throw Errors.of(e);
    }
  }

  @Override
  public List<Integer> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  @Override
  public Portal bind(List<Object> values) {
    if (values.size() != parameterTypes.size()) {
      throw Errors.of(new SqlException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + values.size()
          + " parameters, but prepared statement requires " + parameterTypes.size()));
    }
    Object[] converted = new Object[values.size()];
    for (int i = 0; i < converted.length; i++) {
      converted[i] = PgTypes.fromSpi(values.get(i));
    }
    return new KernelPortal(this, converted);
  }

  /** @return the statement text, or null for an empty one */
  String statement() {
    return statement;
  }

  /** Runs the statement of a portal with its converted parameter values. */
  KernelQueryResult run(KernelPortal portal, Object[] values, Runnable onFailure) {
    owner.beforeExtended(transactional);
    owner.bound(portal);
    TransactionNotices.before(statement, session.transactionStatus(), owner.notices());
    try {
      return new KernelQueryResult(prepared.execute(values), session.timeZone(), onFailure);
    } catch (RuntimeException e) {
      throw Errors.of(e);
    }
  }

  @Override
  public void close() {
    if (prepared != null) {
      prepared.close();
    }
  }
}
