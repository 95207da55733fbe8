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
  private volatile boolean closed;

  KernelProtocolSession(Session session, int backendPid) {
    this.session = session;
    this.backendPid = backendPid;
  }

  @Override
  public SimpleQuery simpleQuery(String sql) {
    Objects.requireNonNull(sql, "sql");
    checkOpen();
    return new KernelSimpleQuery(session, sql);
  }

  @Override
  public PreparedQuery prepare(String sql, List<Integer> parameterTypes) {
    Objects.requireNonNull(sql, "sql");
    checkOpen();
    return new KernelPreparedQuery(session, sql, parameterTypes);
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
    return List.of(); // the kernel raises no notices yet
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
