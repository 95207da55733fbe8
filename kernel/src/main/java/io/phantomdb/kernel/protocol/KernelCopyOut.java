package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.CopyOut;
import io.phantomdb.spi.protocol.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code COPY table [(columns)] TO STDOUT} and {@code COPY (query) TO STDOUT}: runs the query and
 * gives its rows as lines of text or CSV ({@link CopyCodec}), the header first if asked for.
 */
final class KernelCopyOut implements QueryResult, CopyOut {
  private final KernelQueryResult result;
  private final CopyCodec codec;
  private final boolean[] forceQuote;
  private boolean headerDue;
  private long rows;
  private boolean finished;

  KernelCopyOut(Session session, CopyStatement statement, Runnable onFailure) {
    this.codec = new CopyCodec(statement.format());
    try {
      this.result = new KernelQueryResult(session.execute(CopyOutQuery.sql(statement)), session.timeZone(),
          onFailure);
    } catch (RuntimeException e) {
      throw Errors.of(e);
    }
    List<Column> columns = result.columns();
    this.forceQuote = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      forceQuote[i] = CopyOutQuery.listed(statement.format().forceQuote(), columns.get(i).name());
    }
    this.headerDue = statement.format().header();
  }

  @Override
  public CopyOut copyOut() {
    return this;
  }

  @Override
  public int columnCount() {
    return forceQuote.length;
  }

  @Override
  public String nextLine() {
    List<String> values = new ArrayList<>(forceQuote.length);
    if (headerDue) {
      headerDue = false;
      result.columns().forEach(c -> values.add(c.name()));
      return codec.line(values, null);
    }
    if (finished || !result.next()) {
      finished = true;
      return null;
    }
    rows++;
    for (int i = 0; i < forceQuote.length; i++) {
      values.add(result.text(i));
    }
    return codec.line(values, forceQuote);
  }

  @Override
  public List<Column> columns() {
    return List.of();
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
    return "COPY " + rows;
  }

  @Override
  public void close() {
    result.close();
  }
}
