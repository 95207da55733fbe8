package io.phantomdb.kernel.protocol;

import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.Portal;
import io.phantomdb.spi.protocol.QueryResult;
import java.util.List;

/** A bound {@link KernelPreparedQuery}: runs at the first execute, then hands out the same result. */
final class KernelPortal implements Portal {
  private final KernelPreparedQuery query;
  private final Object[] values;
  private QueryResult result;
  private boolean closed;

  KernelPortal(KernelPreparedQuery query, Object[] values) {
    this.query = query;
    this.values = values;
  }

  @Override
  public List<Column> columns() {
    if (result == null && query.statement() != null && StatementTexts.columnsAtRunTime(query.statement())) {
      return execute().columns();
    }
    return result != null ? result.columns() : query.columns();
  }

  @Override
  public QueryResult execute() {
    if (closed) {
      throw new IllegalStateException("the portal is closed");
    }
    if (result == null) {
      result = query.statement() == null ? EmptyQueryResult.INSTANCE : query.run(this, values, () -> { });
    }
    return result;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (result != null) {
        result.close();
      }
    }
  }
}
