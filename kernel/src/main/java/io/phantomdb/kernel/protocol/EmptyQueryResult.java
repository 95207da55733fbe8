package io.phantomdb.kernel.protocol;

import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.QueryResult;
import java.util.List;

/** The result of an empty statement (EmptyQueryResponse). */
final class EmptyQueryResult implements QueryResult {
  static final EmptyQueryResult INSTANCE = new EmptyQueryResult();

  private EmptyQueryResult() {}

  @Override
  public List<Column> columns() {
    return List.of();
  }

  @Override
  public boolean isEmptyQuery() {
    return true;
  }

  @Override
  public boolean next() {
    return false;
  }

  @Override
  public String text(int column) {
    throw new IllegalStateException("no current row");
  }

  @Override
  public Object value(int column) {
    throw new IllegalStateException("no current row");
  }

  @Override
  public String commandTag() {
    return "";
  }

  @Override
  public void close() {
    // nothing held
  }
}
