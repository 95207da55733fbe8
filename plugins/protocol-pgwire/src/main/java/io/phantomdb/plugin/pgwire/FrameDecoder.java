package io.phantomdb.plugin.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into {@link PgMessage}s. Until the StartupMessage, messages have no type
 * byte (StartupMessage, SSLRequest, GSSENCRequest, CancelRequest: a length, then a code); after
 * it, every message is a type byte, a length and a body. Runs on Netty's event loop.
 *
 * <p>With TLS configured, the first SSLRequest is answered here, on the event loop, so that no
 * byte is read between the answer and the TLS handshake: 'S' goes out in clear, then an {@code
 * SslHandler} is put first in the pipeline and everything after it is decrypted before it gets
 * here. Without TLS, SSLRequest is passed on like the other start-up packets (and answered 'N').
 */
final class FrameDecoder extends ByteToMessageDecoder {
  /** PostgreSQL refuses start-up packets longer than this. */
  private static final int MAX_STARTUP = 10_000;
  private static final int SSL_REQUEST = 80877103;

  private final int maxMessage;
  private final TlsSettings tls;
  private boolean tlsStarted;
  private boolean startupPhase = true;
  /** After a malformed frame nothing more is read: the connection is ending. */
  private boolean failed;

  /**
   * @param maxMessage the longest message accepted after start-up, its length word included
   * @param tls TLS to start on an SSLRequest, or null to pass SSLRequest on
   */
  FrameDecoder(int maxMessage, TlsSettings tls) {
    this.maxMessage = maxMessage;
    this.tls = tls;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      decodeFrame(ctx, in, out);
    } catch (ProtocolViolation e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  private void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (startupPhase) {
      if (in.readableBytes() < 4) {
        return;
      }
      int length = in.getInt(in.readerIndex());
      if (length < 8 || length > MAX_STARTUP) {
        throw new ProtocolViolation("invalid length of startup packet");
      }
      if (in.readableBytes() < length) {
        return;
      }
      in.skipBytes(4);
      byte[] payload = new byte[length - 4];
      in.readBytes(payload);
      int code = ((payload[0] & 0xFF) << 24) | ((payload[1] & 0xFF) << 16) | ((payload[2] & 0xFF) << 8)
          | (payload[3] & 0xFF);
      if (code == SSL_REQUEST && length == 8 && tls != null && !tlsStarted) {
        startTls(ctx, in);
        return;
      }
      if (code >>> 16 < 1000) { // a protocol version: StartupMessage; what follows has type bytes
        startupPhase = false;
      }
      out.add(new PgMessage((byte) 0, payload));
      return;
    }
    if (in.readableBytes() < 5) {
      return;
    }
    byte type = in.getByte(in.readerIndex());
    int length = in.getInt(in.readerIndex() + 1);
    if (length < 4 || length > maxMessage) {
      throw new ProtocolViolation("invalid message length");
    }
    if (in.readableBytes() < length + 1) {
      return;
    }
    in.skipBytes(5);
    byte[] payload = new byte[length - 4];
    in.readBytes(payload);
    out.add(new PgMessage(type, payload));
  }

  private void startTls(ChannelHandlerContext ctx, ByteBuf in) {
    if (in.isReadable()) { // the client did not wait for the answer: not a TLS handshake
      throw new ProtocolViolation("received unencrypted data after SSL request");
    }
    tlsStarted = true;
    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'S'})); // in clear: nothing is before us yet
    ctx.pipeline().addFirst("tls", tls.newHandler(ctx.alloc()));
  }
}
