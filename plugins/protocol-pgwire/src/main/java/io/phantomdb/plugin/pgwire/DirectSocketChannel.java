package io.phantomdb.plugin.pgwire;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.internal.SocketUtils;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Netty NIO client channel that also lends its socket to the connection's worker, so that a
 * response can be written straight from the worker thread instead of as a task for the event
 * loop (one wake-up of the loop per round trip less; see {@link BackendWriter#flush()}). Netty
 * keeps reading, closing and writing whatever the worker hands it; the worker writes directly
 * only while nothing it gave Netty is still unwritten, so bytes stay in order.
 */
final class DirectSocketChannel extends NioSocketChannel {
  DirectSocketChannel(Channel parent, SocketChannel socket) {
    super(parent, socket);
  }

  /** The non-blocking JDK socket under this channel. */
  SocketChannel socket() {
    return javaChannel();
  }

  /** The listening channel: accepts connections as {@link DirectSocketChannel}s. */
  static final class Server extends NioServerSocketChannel {
    private static final Logger LOG = Logger.getLogger(Server.class.getName());

    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
      SocketChannel ch = SocketUtils.accept(javaChannel());
      if (ch == null) {
        return 0;
      }
      try {
        buf.add(new DirectSocketChannel(this, ch));
        return 1;
      } catch (Throwable t) {
        LOG.log(Level.WARNING, "pgwire: cannot set up an accepted connection", t);
        try {
          ch.close();
        } catch (Throwable t2) {
          LOG.log(Level.FINE, "pgwire: closing a socket failed", t2);
        }
        return 0;
      }
    }
  }
}
