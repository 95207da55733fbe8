package io.phantomdb.plugin.pgwire;

import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.CopyIn;
import io.phantomdb.spi.protocol.CopyOut;
import io.phantomdb.spi.protocol.Notice;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.QueryResult;
import io.phantomdb.spi.protocol.SimpleQuery;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.util.List;

/**
 * The messages of a logged-in connection: simple Query, the extended protocol ({@link
 * ExtendedQuery}), Sync, Flush, Terminate, and COPY: a simple query's {@code COPY ... FROM STDIN}
 * answers CopyInResponse and waits (the rest of the query string with it) for CopyData, then
 * CopyDone or CopyFail; an error ends the query at once (ErrorResponse, ReadyForQuery) and the
 * CopyData still coming is ignored, as in PostgreSQL. {@code COPY ... TO STDOUT} answers
 * CopyOutResponse, one CopyData per line, CopyDone. Runs on the connection's worker.
 */
final class QueryHandler {
  private final Connection connection;
  private final ProtocolSession session;
  private final BackendWriter writer;
  private final ExtendedQuery extended;
  /** The simple query running (across messages while a COPY FROM STDIN waits for data). */
  private SimpleQuery query;
  private QueryResult copyResult;
  private CopyIn copyIn;

  QueryHandler(Connection connection, ProtocolSession session) {
    this.connection = connection;
    this.session = session;
    this.writer = connection.writer();
    this.extended = new ExtendedQuery(session, writer, this);
  }

  void handle(PgMessage m) {
    MessageReader r = new MessageReader(m.payload());
    if (copyIn != null) {
      copyMessage(m, r);
      return;
    }
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
    try {
      query = session.simpleQuery(sql);
    } catch (SqlErrorException e) {
      error(e);
      readyForQuery();
      return;
    }
    if (query.isEmpty()) {
      writer.emptyQueryResponse();
    }
    continueQuery();
  }

  /** Runs the query's statements from the next one on, until the end or a COPY FROM STDIN. */
  private void continueQuery() {
    SqlErrorException failure = null;
    try {
      QueryResult result;
      while ((result = query.next()) != null) {
        CopyIn in = result.copyIn();
        if (in != null) {
          copyResult = result;
          copyIn = in;
          writer.copyResponse(true, in.columnCount());
          writer.flush();
          return;
        }
        try (QueryResult r = result) {
          sendAll(r);
        }
        notices();
      }
    } catch (SqlErrorException e) {
      failure = e;
    }
    endQuery(failure);
  }

  /** The query is over (after a failure, if not null): ErrorResponse if so, then ReadyForQuery. */
  private void endQuery(SqlErrorException failure) {
    SimpleQuery q = query;
    query = null;
    closeCopy();
    try {
      q.close();
    } catch (SqlErrorException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      error(failure);
    }
    readyForQuery();
  }

  private void closeCopy() {
    copyIn = null;
    if (copyResult != null) {
      QueryResult r = copyResult;
      copyResult = null;
      r.close();
    }
  }

  /** A message while COPY FROM STDIN waits for data. */
  private void copyMessage(PgMessage m, MessageReader r) {
    try {
      switch (m.type()) {
        case 'd' -> copyIn.data(m.payload(), 0, m.payload().length);
        case 'c' -> {
          String tag = copyIn.done();
          closeCopy();
          writer.commandComplete(tag);
          notices();
          continueQuery();
        }
        case 'f' -> copyIn.fail(r.cstring());
        case 'H', 'S' -> { } // ignored during COPY, as PostgreSQL does
        case 'X' -> connection.close();
        default -> {
          try {
            copyIn.fail("unexpected message");
          } catch (SqlErrorException ignored) {
            // replaced by the protocol error
          }
          throw new SqlErrorException("08P01",
              String.format("unexpected message type 0x%02X during COPY from stdin", m.type() & 0xFF));
        }
      }
    } catch (SqlErrorException e) {
      endQuery(e);
    }
  }

  /** RowDescription, every row in text, CommandComplete. */
  private void sendAll(QueryResult r) {
    if (r.isEmptyQuery()) {
      writer.emptyQueryResponse();
      return;
    }
    CopyOut out = r.copyOut();
    if (out != null) {
      writer.copyResponse(false, out.columnCount());
      String line;
      while ((line = out.nextLine()) != null) {
        writer.copyData(line);
      }
      writer.copyDone();
      writer.commandComplete(r.commandTag());
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
    writer.errorOrNotice('E', "ERROR", e.sqlState(), e.getMessage(), e.detail(), e.hint(), e.position(),
        e.where());
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
    if (query != null) {
      closeCopy();
      SimpleQuery q = query;
      query = null;
      try {
        q.close();
      } catch (SqlErrorException e) {
        // the connection is over
      }
    }
    extended.closeAll();
  }
}
