package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.spi.protocol.Notice;
import io.phantomdb.spi.protocol.PreparedQuery;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.SimpleQuery;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A kernel {@link Session} as the protocol SPI's session. */
final class KernelProtocolSession implements ProtocolSession {
  private final Session session;
  private final int backendPid;
  private final List<Notice> notices = new java.util.ArrayList<>();
  private volatile boolean closed;

  KernelProtocolSession(Session session, int backendPid) {
    this.session = session;
    this.backendPid = backendPid;
  }

  @Override
  public SimpleQuery simpleQuery(String sql) {
    Objects.requireNonNull(sql, "sql");
    checkOpen();
    return new KernelSimpleQuery(session, sql, notices);
  }

  @Override
  public PreparedQuery prepare(String sql, List<Integer> parameterTypes) {
    Objects.requireNonNull(sql, "sql");
    checkOpen();
    return new KernelPreparedQuery(session, sql, parameterTypes, notices);
  }

  @Override
  public char transactionStatus() {
    return session.transactionStatus();
  }

  @Override
  public Map<String, String> changedReportedSettings() {
    return session.changedReportedSettings();
  }

  @Override
  public List<Notice> drainNotices() {
    if (notices.isEmpty()) {
      return List.of();
    }
    List<Notice> out = List.copyOf(notices);
    notices.clear();
    return out;
  }

  @Override
  public void cancel() {
    if (!closed) {
      session.cancel();
    }
  }

  @Override
  public int backendPid() {
    return backendPid;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the session is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.close();
    }
  }
}
