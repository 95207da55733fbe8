package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.QueryResult;
import java.time.ZoneId;
import java.util.List;

/** A kernel {@link StatementResult} as the protocol SPI's cursor. */
final class KernelQueryResult implements QueryResult {
  private final StatementResult result;
  private final List<ColumnInfo> kernelColumns;
  private List<Column> columns; // made on first use: an Execute after a Describe may never ask
  private final ZoneId zone;
  private final Runnable onFailure;
  private Object[] row;
  private boolean closed;

  /**
   * @param result the kernel's result, owned by this from now on
   * @param zone the session time zone, for timestamptz text
   * @param onFailure called when reading a row fails (before the error is thrown)
   */
  KernelQueryResult(StatementResult result, ZoneId zone, Runnable onFailure) {
    this.result = result;
    this.kernelColumns = result.columns();
    this.zone = zone;
    this.onFailure = onFailure;
  }

  @Override
  public List<Column> columns() {
    if (columns == null) {
      List<Column> out = new java.util.ArrayList<>(kernelColumns.size());
      for (var c : kernelColumns) {
        out.add(PgTypes.column(c));
      }
      columns = java.util.Collections.unmodifiableList(out);
    }
    return columns;
  }

  @Override
  public boolean next() {
    if (closed) {
      throw new IllegalStateException("the result is closed");
    }
    try {
      row = result.next();
    } catch (RuntimeException e) {
      row = null;
      onFailure.run();
      throw Errors.of(e);
    }
    return row != null;
  }

  @Override
  public String text(int column) {
    Object v = current()[column];
    return v == null ? null : TextCodec.format(v, kernelColumns.get(column).type(), zone);
  }

  @Override
  public Object value(int column) {
    Object v = current()[column];
    if (v instanceof io.phantomdb.kernel.sql.type.PgArray) {
      return text(column); // the SPI has no array class: an array is its text, sent in text format
    }
    return PgTypes.toSpi(v);
  }

  private Object[] current() {
    if (row == null) {
      throw new IllegalStateException("no current row");
    }
    return row;
  }

  @Override
  public String commandTag() {
    return result.commandTag();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      result.close();
    }
  }
}
