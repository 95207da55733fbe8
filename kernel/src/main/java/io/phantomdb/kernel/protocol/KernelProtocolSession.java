package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.spi.protocol.Notice;
import io.phantomdb.spi.protocol.PreparedQuery;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.SimpleQuery;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A kernel {@link Session} as the protocol SPI's session. */
final class KernelProtocolSession implements ProtocolSession {
  private final Session session;
  private final int backendPid;
  private final List<Notice> notices = new java.util.ArrayList<>();
  private volatile boolean closed;
  /** Whether the statements since the last Sync run in an implicit block (BEGIN sent by us). */
  private boolean implicitBlock;
  private final List<KernelPortal> implicitPortals = new java.util.ArrayList<>();

  KernelProtocolSession(Session session, int backendPid) {
    this.session = session;
    this.backendPid = backendPid;
  }

  @Override
  public SimpleQuery simpleQuery(String sql) {
    Objects.requireNonNull(sql, "sql");
    checkOpen();
    endImplicit(false); // a Query without a Sync before it: PostgreSQL commits too
    return new KernelSimpleQuery(session, sql, notices);
  }

  @Override
  public PreparedQuery prepare(String sql, List<Integer> parameterTypes) {
    Objects.requireNonNull(sql, "sql");
    checkOpen();
    if (CopyStatement.isCopy(sql)) {
      session.statementFailed();
      throw new SqlErrorException("0A000", "COPY is not supported in the extended query protocol", null,
          "Send COPY as a simple query.", 0, null);
    }
    return new KernelPreparedQuery(this, sql, parameterTypes);
  }

  /** The session's kernel session. */
  Session session() {
    return session;
  }

  /** The notices waiting for {@link #drainNotices()}. */
  List<Notice> notices() {
    return notices;
  }

  /**
   * Before an extended-protocol statement runs: opens the implicit transaction for a statement
   * that may run in a block when none is open, or commits it before one that may not.
   */
  void beforeExtended(boolean transactional) {
    if (implicitBlock && !transactional) {
      endImplicit(false);
    } else if (!implicitBlock && transactional && session.transactionStatus() == 'I') {
      run("BEGIN");
      implicitBlock = true;
    }
  }

  /** A portal that runs while the implicit transaction is open ends with it. */
  void bound(KernelPortal portal) {
    if (implicitBlock) {
      implicitPortals.add(portal);
    }
  }

  @Override
  public void sync(boolean failed) {
    checkOpen();
    endImplicit(failed);
  }

  private void endImplicit(boolean failed) {
    if (!implicitBlock) {
      return;
    }
    implicitBlock = false;
    implicitPortals.forEach(KernelPortal::close);
    implicitPortals.clear();
    run(failed || session.transactionStatus() == 'E' ? "ROLLBACK" : "COMMIT");
  }

  private void run(String sql) {
    try {
      session.execute(sql).close();
    } catch (RuntimeException e) {
      throw Errors.of(e);
    }
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
  public String setting(String name) {
    if (closed) {
      return null;
    }
    try {
      return session.setting(name);
    } catch (RuntimeException e) {
      return null; // not a setting this session knows
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
