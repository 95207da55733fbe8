package io.phantomdb.plugin.pgwire;

import io.netty.channel.Channel;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection. Its messages are handled in arrival order on its own worker thread, never
 * on Netty's event loop: start-up and authentication ({@link Login}), then queries ({@link
 * QueryHandler}) on the kernel session.
 */
final class Connection {
  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  private final PgWireServer server;
  private final Channel channel;
  private final BackendWriter writer;
  private final ExecutorService worker;
  private final Login login;
  private final IdleTimer idle;
  private volatile ProtocolSession session;
  private QueryHandler queries;
  private volatile int pid;
  private volatile int secret;
  private boolean closed;

  Connection(PgWireServer server, Channel channel, int number) {
    this.server = server;
    this.channel = channel;
    this.writer = new BackendWriter(channel);
    // A LinkedTransferQueue hands a message to the waiting worker without the locks of a
    // LinkedBlockingQueue (whose take wakes up, finds the put lock's signal still held and parks
    // again): fewer futex calls per round trip.
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedTransferQueue<>(), r -> {
      Thread t = new Thread(r, "pgwire-connection-" + number);
      t.setDaemon(true);
      return t;
    });
    this.login = new Login(this, server);
    this.idle = new IdleTimer(channel.eventLoop(),
        () -> submit(() -> fatal("57P05", "terminating connection due to idle-session timeout")),
        () -> submit(() -> fatal("25P03", "terminating connection due to idle-in-transaction timeout")));
  }

  Channel channel() {
    return channel;
  }

  /** Whether the connection is encrypted (TLS started after an SSLRequest). */
  boolean tls() {
    return channel.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null;
  }

  /** The client's IP address, as PostgreSQL's messages name it. */
  String remoteHost() {
    return channel.remoteAddress() instanceof java.net.InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress()
        : String.valueOf(channel.remoteAddress());
  }

  BackendWriter writer() {
    return writer;
  }

  /** From the event loop: a message to handle on the worker. */
  void received(PgMessage message) {
    idle.messageReceived();
    submit(() -> handle(message));
  }

  /**
   * From the event loop: the client closed the connection. A statement still running is
   * cancelled (it stops at its next row or lock wait), then the session closes.
   */
  void clientClosed() {
    ProtocolSession s = session;
    if (s != null) {
      s.cancel();
    }
    submit(this::close);
  }

  /**
   * Worker: ReadyForQuery was sent; arms {@code idle_session_timeout} or {@code
   * idle_in_transaction_session_timeout} as the session has them.
   */
  void readyForQuery(char status) {
    ProtocolSession s = session;
    if (s != null && !closed) {
      String name = status == 'I' ? "idle_session_timeout" : "idle_in_transaction_session_timeout";
      idle.ready(status, IdleTimer.millis(s.setting(name)));
    }
  }

  /** From the event loop: the decoder found a malformed frame. */
  void protocolViolation(ProtocolViolation v) {
    submit(() -> fatal("08P01", v.getMessage()));
  }

  private void submit(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      // the server is stopping this connection
    }
  }

  private void handle(PgMessage m) {
    idle.messageHandled();
    if (closed) {
      return;
    }
    try {
      if (queries == null) {
        login.handle(m);
      } else {
        queries.handle(m);
      }
    } catch (ProtocolViolation e) {
      fatal("08P01", e.getMessage());
    } catch (BackendWriter.ClientGone e) {
      close();
    } catch (SqlErrorException e) {
      fatal(e.sqlState(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "pgwire: connection failed", e);
      fatal("XX000", "internal error: " + e);
    }
  }

  /** Login succeeded: from now on messages are queries on this session. */
  void loggedIn(ProtocolSession s, int backendPid, int cancelSecret) {
    this.session = s;
    this.pid = backendPid;
    this.secret = cancelSecret;
    this.queries = new QueryHandler(this, s);
    server.registerPid(this);
  }

  /** Whether a CancelRequest with this key is for this connection; if so, cancels. */
  boolean cancel(int cancelSecret) {
    ProtocolSession s = session;
    if (s != null && cancelSecret == secret) {
      s.cancel();
      return true;
    }
    return false;
  }

  int pid() {
    return pid;
  }

  /** Sends a FATAL error and closes the connection. */
  void fatal(String sqlState, String message) {
    if (closed) {
      return;
    }
    try {
      writer.errorOrNotice('E', "FATAL", sqlState, message, null, null, 0);
      writer.flush();
    } catch (BackendWriter.ClientGone e) {
      // nothing to tell
    }
    close();
  }

  /** Ends the connection on the worker: closes the session and the channel. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (queries != null) {
      queries.closeAll();
    }
    ProtocolSession s = session;
    if (s != null) {
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "pgwire: closing a session failed", e);
      }
    }
    channel.close();
    writer.release();
    server.disconnected(this);
    worker.shutdown();
  }

  /**
   * Stops the connection for a server shutdown (from another thread): lets the work queued so
   * far finish for up to {@code graceNanos}, then cancels a statement still running, tells the
   * client 57P01 and closes.
   *
   * @return true if the worker ended
   */
  boolean stop(long deadlineNanos) {
    submit(() -> fatal("57P01", "terminating connection due to administrator command"));
    worker.shutdown();
    try {
      if (!worker.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        ProtocolSession s = session;
        if (s != null) {
          s.cancel();
        }
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.close();
          worker.shutdownNow();
          return worker.awaitTermination(5, TimeUnit.SECONDS);
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
