package io.phantomdb.plugin.pgwire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The Netty end of a {@link Connection}: hands decoded messages to its worker and tells it when
 * the channel's writability changes or the client goes. Runs on the event loop; never blocks.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private final PgWireServer server;
  private Connection connection;

  ConnectionHandler(PgWireServer server) {
    this.server = server;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    connection = server.connected(ctx.channel());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (connection != null && msg instanceof PgMessage m) {
      connection.received(m);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (connection != null) {
      connection.writer().writabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (connection != null) {
      connection.writer().writabilityChanged();
      connection.clientClosed();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (connection != null && cause.getCause() instanceof ProtocolViolation v) {
      connection.protocolViolation(v); // from the decoder: a malformed frame
    } else {
      ctx.close(); // an I/O error: the client is gone
    }
  }
}
