package io.phantomdb.plugin.pgwire;

import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.Portal;
import io.phantomdb.spi.protocol.PreparedQuery;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.QueryResult;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended query protocol: Parse, Bind, Describe, Execute, Close with named and unnamed
 * statements and portals. After an error every message up to Sync is skipped. The statements up
 * to a Sync run in one implicit transaction ({@link ProtocolSession#sync}). Portals end at the
 * Sync that finds no transaction block open (a block keeps them, so a client can fetch from one
 * a few rows at a time); statements live until closed.
 */
final class ExtendedQuery {
  private final ProtocolSession session;
  private final BackendWriter writer;
  private final QueryHandler handler;
  private final Map<String, PreparedQuery> statements = new HashMap<>();
  private final Map<String, BoundPortal> portals = new HashMap<>();
  private boolean skipToSync;

  /** A portal with the result formats Bind asked for. */
  private static final class BoundPortal {
    final Portal portal;
    final short[] formats;
    boolean done;

    BoundPortal(Portal portal, short[] formats) {
      this.portal = portal;
      this.formats = formats;
    }
  }

  ExtendedQuery(ProtocolSession session, BackendWriter writer, QueryHandler handler) {
    this.session = session;
    this.writer = writer;
    this.handler = handler;
  }

  void handle(byte type, MessageReader r) {
    if (skipToSync) {
      return;
    }
    try {
      switch (type) {
        case 'P' -> parse(r);
        case 'B' -> bind(r);
        case 'D' -> describe(r);
        case 'E' -> execute(r);
        case 'C' -> close(r);
        default -> throw new IllegalArgumentException("not an extended-protocol message: " + (char) type);
      }
    } catch (SqlErrorException e) {
      handler.error(e);
      skipToSync = true;
    }
  }

  /**
   * Sync: the implicit transaction of the messages since the last Sync commits (or rolls back
   * after an error), the error state ends; outside a block, portals end.
   */
  void sync() {
    boolean failed = skipToSync;
    skipToSync = false;
    try {
      session.sync(failed);
    } catch (SqlErrorException e) {
      handler.error(e);
    }
    if (session.transactionStatus() == 'I') {
      portals.values().forEach(p -> p.portal.close());
      portals.clear();
    }
  }

  private void parse(MessageReader r) {
    String name = r.cstring();
    String sql = r.cstring();
    int n = r.count16();
    List<Integer> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(r.int32());
    }
    if (!name.isEmpty() && statements.containsKey(name)) {
      throw new SqlErrorException("42P05", "prepared statement \"" + name + "\" already exists");
    }
    PreparedQuery q = session.prepare(sql, types);
    PreparedQuery old = statements.put(name, q);
    if (old != null) {
      old.close();
    }
    writer.parseComplete();
  }

  private void bind(MessageReader r) {
    String portalName = r.cstring();
    String statementName = r.cstring();
    short[] paramFormats = formats(r);
    int n = r.count16();
    PreparedQuery q = statements.get(statementName);
    if (q == null) {
      throw new SqlErrorException("26000", "prepared statement \"" + statementName + "\" does not exist");
    }
    List<Integer> types = q.parameterTypes();
    if (n != types.size()) {
      throw new SqlErrorException("08P01", "bind message supplies " + n + " parameters, but prepared statement \""
          + statementName + "\" requires " + types.size());
    }
    if (paramFormats.length > 1 && paramFormats.length != n) {
      throw new SqlErrorException("08P01", "bind message has " + paramFormats.length
          + " parameter formats but " + n + " parameters");
    }
    List<Object> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int length = r.int32();
      if (length == -1) {
        values.add(null);
        continue;
      }
      byte[] bytes = r.bytes(length);
      values.add(Formats.of(paramFormats, i) == Formats.BINARY
          ? BinaryCodec.decode(types.get(i), bytes, i + 1)
          : new String(bytes, StandardCharsets.UTF_8));
    }
    short[] resultFormats = formats(r);
    if (!portalName.isEmpty() && portals.containsKey(portalName)) {
      throw new SqlErrorException("42P03", "cursor \"" + portalName + "\" already exists");
    }
    Portal p = q.bind(values);
    BoundPortal old = portals.put(portalName, new BoundPortal(p, resultFormats));
    if (old != null) {
      old.portal.close();
    }
    writer.bindComplete();
  }

  private static short[] formats(MessageReader r) {
    int n = r.count16();
    short[] f = new short[n];
    for (int i = 0; i < n; i++) {
      f[i] = (short) r.int16();
      if (f[i] != Formats.TEXT && f[i] != Formats.BINARY) {
        throw new SqlErrorException("08P01", "unsupported format code: " + f[i]);
      }
    }
    return f;
  }

  private void describe(MessageReader r) {
    byte kind = r.int8();
    String name = r.cstring();
    if (kind == 'S') {
      PreparedQuery q = statements.get(name);
      if (q == null) {
        throw new SqlErrorException("26000", "prepared statement \"" + name + "\" does not exist");
      }
      writer.parameterDescription(q.parameterTypes());
      describeColumns(q.columns(), null);
    } else if (kind == 'P') {
      describeColumns(portal(name).portal.columns(), portal(name).formats);
    } else {
      throw new ProtocolViolation("invalid DESCRIBE message subtype " + kind);
    }
  }

  private void describeColumns(List<Column> columns, short[] formats) {
    if (columns.isEmpty()) {
      writer.noData();
      return;
    }
    checkFormats(columns, formats);
    writer.rowDescription(columns, formats);
  }

  private static void checkFormats(List<Column> columns, short[] formats) {
    if (formats != null && formats.length > 1 && formats.length != columns.size()) {
      throw new SqlErrorException("08P01", "bind message has " + formats.length + " result formats but query has "
          + columns.size() + " columns");
    }
    for (int i = 0; i < columns.size(); i++) {
      if (Formats.of(formats, i) == Formats.BINARY && !BinaryCodec.supports(columns.get(i).typeOid())) {
        throw new SqlErrorException("42883", "no binary output function available for type with OID "
            + columns.get(i).typeOid());
      }
    }
  }

  private BoundPortal portal(String name) {
    BoundPortal p = portals.get(name);
    if (p == null) {
      throw new SqlErrorException("34000", "portal \"" + name + "\" does not exist");
    }
    return p;
  }

  private void execute(MessageReader r) {
    BoundPortal p = portal(r.cstring());
    int maxRows = r.int32();
    QueryResult result = p.portal.execute();
    if (result.isEmptyQuery()) {
      writer.emptyQueryResponse();
      return;
    }
    if (p.done) {
      writer.commandComplete(result.commandTag());
      return;
    }
    List<Column> columns = result.columns();
    checkFormats(columns, p.formats);
    int sent = 0;
    while (maxRows <= 0 || sent < maxRows) {
      if (!result.next()) {
        p.done = true;
        handler.notices();
        writer.commandComplete(result.commandTag());
        return;
      }
      handler.row(result, columns, p.formats);
      sent++;
    }
    writer.portalSuspended();
  }

  private void close(MessageReader r) {
    byte kind = r.int8();
    String name = r.cstring();
    if (kind == 'S') {
      PreparedQuery q = statements.remove(name);
      if (q != null) {
        q.close();
      }
    } else if (kind == 'P') {
      BoundPortal p = portals.remove(name);
      if (p != null) {
        p.portal.close();
      }
    } else {
      throw new ProtocolViolation("invalid CLOSE message subtype " + kind);
    }
    writer.closeComplete();
  }

  /** A simple Query drops the unnamed statement and portal, as PostgreSQL does. */
  void closeUnnamed() {
    PreparedQuery q = statements.remove("");
    if (q != null) {
      q.close();
    }
    BoundPortal p = portals.remove("");
    if (p != null) {
      p.portal.close();
    }
  }

  void closeAll() {
    portals.values().forEach(p -> p.portal.close());
    portals.clear();
    statements.values().forEach(PreparedQuery::close);
    statements.clear();
  }
}
