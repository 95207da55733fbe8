package io.phantomdb.plugin.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into {@link PgMessage}s. Until the StartupMessage, messages have no type
 * byte (StartupMessage, SSLRequest, GSSENCRequest, CancelRequest: a length, then a code); after
 * it, every message is a type byte, a length and a body. Runs on Netty's event loop.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  /** PostgreSQL refuses start-up packets longer than this. */
  private static final int MAX_STARTUP = 10_000;

  private final int maxMessage;
  private boolean startupPhase = true;
  /** After a malformed frame nothing more is read: the connection is ending. */
  private boolean failed;

  /** @param maxMessage the longest message accepted after start-up, its length word included */
  FrameDecoder(int maxMessage) {
    this.maxMessage = maxMessage;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      decodeFrame(in, out);
    } catch (ProtocolViolation e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  private void decodeFrame(ByteBuf in, List<Object> out) {
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
}
