package io.phantomdb.plugin.pgwire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.phantomdb.spi.protocol.ProtocolContext;
import io.phantomdb.spi.protocol.ProtocolServer;
import io.phantomdb.spi.protocol.ProtocolServerException;
import io.phantomdb.spi.protocol.SessionService;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code pgwire} server: a Netty server socket whose connections each get a {@link
 * Connection}. Keeps the connections for cancel requests, the connection limit and shutdown.
 */
final class PgWireServer implements ProtocolServer {
  private final ProtocolContext context;
  private final PgWireOptions options;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final Set<Connection> admitted = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Connection> byPid = new ConcurrentHashMap<>();
  private final AtomicInteger connectionNumbers = new AtomicInteger();
  /** Process ids for BackendKeyData: distinct per server, starting somewhere unpredictable. */
  private final AtomicInteger pids = new AtomicInteger(10_000 + new java.security.SecureRandom().nextInt(1 << 20));
  private EventLoopGroup boss;
  private EventLoopGroup io;
  private volatile Channel serverChannel;
  private volatile InetSocketAddress address;
  private boolean started;
  private volatile boolean stopped;

  PgWireServer(ProtocolContext context, PgWireOptions options) {
    this.context = context;
    this.options = options;
  }

  @Override
  public synchronized InetSocketAddress start() {
    if (started || stopped) {
      throw new IllegalStateException(stopped ? "the server is stopped" : "the server is already started");
    }
    started = true;
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("pgwire-accept", true));
    io = new NioEventLoopGroup(options.ioThreads(), new DefaultThreadFactory("pgwire-io", true));
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, io)
        .channelFactory((io.netty.channel.ChannelFactory<DirectSocketChannel.Server>) DirectSocketChannel.Server::new)
        .option(ChannelOption.SO_BACKLOG, 256)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (stopped) {
              ch.close();
              return;
            }
            ch.pipeline().addLast(new FrameDecoder(options.maxMessageSize(), options.tls()), new ConnectionHandler(PgWireServer.this));
          }
        });
    String where = context.host() + ":" + context.port();
    try {
      serverChannel = b.bind(context.host(), context.port()).sync().channel();
    } catch (Exception e) {
      shutdownLoops();
      String reason = e instanceof BindException || e.getCause() instanceof BindException
          ? (String.valueOf(e.getMessage()).toLowerCase().contains("in use") ? "address already in use" : e.getMessage())
          : String.valueOf(e.getMessage());
      throw new ProtocolServerException("cannot listen on " + where + ": " + reason, e);
    }
    address = (InetSocketAddress) serverChannel.localAddress();
    return address;
  }

  @Override
  public InetSocketAddress address() {
    return stopped ? null : address;
  }

  SessionService sessions() {
    return context.sessions();
  }

  PgWireOptions options() {
    return options;
  }

  /** A channel became active: its connection. */
  Connection connected(Channel ch) {
    Connection c = new Connection(this, ch, connectionNumbers.incrementAndGet());
    connections.add(c);
    if (stopped) {
      ch.close();
    }
    return c;
  }

  /** A client sent its StartupMessage: whether the connection limit lets it in. */
  boolean admit(Connection c) {
    synchronized (admitted) {
      if (admitted.size() >= options.maxConnections()) {
        return false;
      }
      admitted.add(c);
      return true;
    }
  }

  int newPid() {
    return pids.incrementAndGet();
  }

  /** Called by a connection once logged in, and once closed. */
  void disconnected(Connection c) {
    connections.remove(c);
    admitted.remove(c);
    byPid.remove(c.pid(), c);
  }

  void registerPid(Connection c) {
    byPid.put(c.pid(), c);
  }

  /** A CancelRequest: cancels the statement of the connection with that key, if any. */
  void cancel(int pid, int secret) {
    Connection c = byPid.get(pid);
    if (c != null) {
      c.cancel(secret);
    }
  }

  @Override
  public void stop(Duration grace) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    List<Connection> open = new ArrayList<>(connections);
    for (Connection c : open) {
      c.stop(deadline);
    }
    shutdownLoops();
    address = null;
  }

  private void shutdownLoops() {
    for (EventLoopGroup g : new EventLoopGroup[] {boss, io}) {
      if (g != null) {
        g.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      }
    }
  }
}
