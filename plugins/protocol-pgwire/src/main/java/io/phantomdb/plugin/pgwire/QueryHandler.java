package io.phantomdb.plugin.pgwire;

import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.Notice;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.QueryResult;
import io.phantomdb.spi.protocol.SimpleQuery;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.util.List;

/**
 * The messages of a logged-in connection: simple Query, the extended protocol ({@link
 * ExtendedQuery}), Sync, Flush, Terminate. Runs on the connection's worker.
 */
final class QueryHandler {
  private final Connection connection;
  private final ProtocolSession session;
  private final BackendWriter writer;
  private final ExtendedQuery extended;

  QueryHandler(Connection connection, ProtocolSession session) {
    this.connection = connection;
    this.session = session;
    this.writer = connection.writer();
    this.extended = new ExtendedQuery(session, writer, this);
  }

  void handle(PgMessage m) {
    MessageReader r = new MessageReader(m.payload());
    switch (m.type()) {
      case 'Q' -> simpleQuery(r.cstring());
      case 'P', 'B', 'D', 'E', 'C' -> extended.handle(m.type(), r);
      case 'S' -> {
        extended.sync();
        readyForQuery();
      }
      case 'H' -> writer.flush();
      case 'X' -> connection.close();
      case 'F' -> {
        error(new SqlErrorException("0A000", "the function call protocol is not supported"));
        readyForQuery();
      }
      case 'd', 'c', 'f' -> { } // CopyData / CopyDone / CopyFail outside COPY: ignored, as PostgreSQL does
      default -> throw new ProtocolViolation("invalid frontend message type " + (m.type() & 0xFF));
    }
  }

  private void simpleQuery(String sql) {
    extended.closeUnnamed();
    try (SimpleQuery q = session.simpleQuery(sql)) {
      if (q.isEmpty()) {
        writer.emptyQueryResponse();
      } else {
        QueryResult result;
        while ((result = q.next()) != null) {
          try (QueryResult r = result) {
            sendAll(r);
          }
          notices();
        }
      }
    } catch (SqlErrorException e) {
      error(e);
    }
    readyForQuery();
  }

  /** RowDescription, every row in text, CommandComplete. */
  private void sendAll(QueryResult r) {
    if (r.isEmptyQuery()) {
      writer.emptyQueryResponse();
      return;
    }
    List<Column> columns = r.columns();
    if (!columns.isEmpty()) {
      writer.rowDescription(columns, null);
    }
    while (r.next()) {
      row(r, columns, null);
    }
    writer.commandComplete(r.commandTag());
  }

  /** One DataRow in the given formats (null: all text). */
  void row(QueryResult r, List<Column> columns, short[] formats) {
    int n = columns.size();
    writer.beginRow(n);
    for (int i = 0; i < n; i++) {
      if (Formats.of(formats, i) == Formats.BINARY) {
        Object v = r.value(i);
        writer.value(v == null ? null : BinaryCodec.encode(columns.get(i).typeOid(), v));
      } else {
        writer.textValue(r.text(i));
      }
    }
    writer.endRow();
  }

  /** ErrorResponse for a failed statement (notices it raised first). */
  void error(SqlErrorException e) {
    notices();
    writer.errorOrNotice('E', "ERROR", e.sqlState(), e.getMessage(), e.detail(), e.hint(), e.position());
  }

  void notices() {
    for (Notice n : session.drainNotices()) {
      writer.errorOrNotice('N', n.severity(), n.sqlState(), n.message(), n.detail(), n.hint(), 0);
    }
  }

  private void readyForQuery() {
    notices();
    writer.parameterStatus(session.changedReportedSettings());
    char status = session.transactionStatus();
    writer.readyForQuery(status);
    writer.flush();
    connection.readyForQuery(status);
  }

  /** Closes every statement and portal (the connection ends). */
  void closeAll() {
    extended.closeAll();
  }
}
