package io.phantomdb.plugin.pgwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.phantomdb.spi.protocol.Column;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes backend messages into a buffer and sends it: at {@link #flush()} (Sync, Flush,
 * ReadyForQuery) or when it grows past {@link #FLUSH_AT} bytes. Sending waits while the channel
 * is not writable (the client reads slower than rows come), so a large result never piles up in
 * memory. Used by the connection's worker thread only.
 */
final class BackendWriter {
  /** Buffered bytes that make the writer send without waiting for a flush point. */
  static final int FLUSH_AT = 64 * 1024;

  private final Channel channel;
  private final Object writable = new Object();
  /** Buffers handed to Netty and not yet written by it: the worker writes directly only at 0. */
  private final AtomicInteger queued = new AtomicInteger();
  /** The socket to write to from the worker, or null (not a DirectSocketChannel, or TLS). */
  private SocketChannel direct;
  private ByteBuf buf;
  private int lengthAt = -1;

  BackendWriter(Channel channel) {
    this.channel = channel;
    this.direct = channel instanceof DirectSocketChannel d ? d.socket() : null;
    this.buf = channel.alloc().buffer(1024);
  }

  /** Called on the event loop when the channel's writability or activity changes. */
  void writabilityChanged() {
    synchronized (writable) {
      writable.notifyAll();
    }
  }

  /**
   * Sends what is buffered and waits until the channel takes more. On a plain (not TLS) {@link
   * DirectSocketChannel} with nothing of ours still queued in Netty, the bytes go straight to the
   * socket from this thread: a response costs one {@code write} and no wake-up of the event loop.
   * What the socket does not take at once (its buffer is full) goes through Netty as before, and
   * so does everything after it until Netty has written it all, so bytes stay in order and a slow
   * client still makes the channel unwritable.
   */
  void flush() {
    if (buf.isReadable()) {
      if (!writeDirect()) {
        ByteBuf out = buf;
        buf = channel.alloc().buffer(1024);
        queued.incrementAndGet();
        channel.writeAndFlush(out).addListener(f -> queued.decrementAndGet());
      }
    }
    awaitWritable();
  }

  /** Writes the buffer to the socket from this thread if allowed; true if all of it went. */
  private boolean writeDirect() {
    if (direct == null || queued.get() != 0 || !buf.isDirect() || buf.nioBufferCount() != 1) {
      return false;
    }
    if (channel.pipeline().get(SslHandler.class) != null) {
      direct = null; // TLS: every byte must go through the SslHandler from now on
      return false;
    }
    ByteBuffer nio = buf.nioBuffer();
    int start = nio.position();
    try {
      while (nio.hasRemaining() && direct.write(nio) > 0) {
        // a non-blocking socket: write takes what fits in its buffer
      }
    } catch (IOException e) {
      // the client is gone: Netty sends the rest, fails and closes the channel as before
    }
    buf.skipBytes(nio.position() - start);
    if (buf.isReadable()) {
      return false;
    }
    if (buf.capacity() > 16 * 1024) { // a big result grew it: do not keep that much per connection
      buf.release();
      buf = channel.alloc().buffer(1024);
    } else {
      buf.clear();
    }
    return true;
  }

  private void maybeFlush() {
    if (buf.readableBytes() >= FLUSH_AT) {
      flush();
    }
  }

  private void awaitWritable() {
    synchronized (writable) {
      while (!channel.isWritable()) {
        if (!channel.isActive()) {
          throw new ClientGone();
        }
        try {
          writable.wait(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ClientGone();
        }
      }
    }
  }

  /** Releases the buffer (the connection is over). */
  void release() {
    buf.release();
  }

  // ---- framing ----

  private void begin(char type) {
    buf.writeByte(type);
    lengthAt = buf.writerIndex();
    buf.writeInt(0);
  }

  private void end() {
    buf.setInt(lengthAt, buf.writerIndex() - lengthAt);
    lengthAt = -1;
    maybeFlush();
  }

  private void cstring(String s) {
    buf.writeCharSequence(s, StandardCharsets.UTF_8);
    buf.writeByte(0);
  }

  // ---- messages ----

  /** The single byte answering SSLRequest or GSSENCRequest: not supported. */
  void refuseEncryption() {
    buf.writeByte('N');
  }

  void authenticationOk() {
    authentication(0);
  }

  void authentication(int code) {
    begin('R');
    buf.writeInt(code);
    end();
  }

  void authenticationMd5(byte[] salt) {
    begin('R');
    buf.writeInt(5);
    buf.writeBytes(salt);
    end();
  }

  void authenticationSasl(String mechanism) {
    begin('R');
    buf.writeInt(10);
    cstring(mechanism);
    buf.writeByte(0);
    end();
  }

  void authenticationSaslData(int code, String data) {
    begin('R');
    buf.writeInt(code);
    buf.writeCharSequence(data, StandardCharsets.UTF_8);
    end();
  }

  void parameterStatus(Map<String, String> settings) {
    for (Map.Entry<String, String> e : settings.entrySet()) {
      begin('S');
      cstring(e.getKey());
      cstring(e.getValue());
      end();
    }
  }

  void backendKeyData(int pid, int secret) {
    begin('K');
    buf.writeInt(pid);
    buf.writeInt(secret);
    end();
  }

  void readyForQuery(char status) {
    begin('Z');
    buf.writeByte(status);
    end();
  }

  /** RowDescription; {@code formats} as Bind gave them (empty: all text; one: for all). */
  void rowDescription(List<Column> columns, short[] formats) {
    begin('T');
    buf.writeShort(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      cstring(c.name());
      buf.writeInt(c.tableOid());
      buf.writeShort(c.columnNumber());
      buf.writeInt(c.typeOid());
      buf.writeShort(c.typeSize());
      buf.writeInt(c.typeModifier());
      buf.writeShort(Formats.of(formats, i));
    }
    end();
  }

  void noData() {
    begin('n');
    end();
  }

  void parameterDescription(List<Integer> oids) {
    begin('t');
    buf.writeShort(oids.size());
    for (int oid : oids) {
      buf.writeInt(oid);
    }
    end();
  }

  /** Starts a DataRow of {@code n} columns; add each with {@link #value}, then {@link #endRow}. */
  void beginRow(int n) {
    begin('D');
    buf.writeShort(n);
  }

  /** One column of a DataRow: null or its bytes. */
  void value(byte[] v) {
    if (v == null) {
      buf.writeInt(-1);
    } else {
      buf.writeInt(v.length);
      buf.writeBytes(v);
    }
  }

  /** One text column of a DataRow. */
  void textValue(String v) {
    if (v == null) {
      buf.writeInt(-1);
      return;
    }
    int at = buf.writerIndex();
    buf.writeInt(0);
    int n = buf.writeCharSequence(v, StandardCharsets.UTF_8);
    buf.setInt(at, n);
  }

  void endRow() {
    end();
  }

  void commandComplete(String tag) {
    begin('C');
    cstring(tag);
    end();
  }

  /**
   * CopyInResponse ({@code G}) or CopyOutResponse ({@code H}): textual format, every column text.
   *
   * @param in true for COPY FROM STDIN
   * @param columns the number of columns
   */
  void copyResponse(boolean in, int columns) {
    begin(in ? 'G' : 'H');
    buf.writeByte(0);
    buf.writeShort(columns);
    for (int i = 0; i < columns; i++) {
      buf.writeShort(0);
    }
    end();
  }

  /** CopyData with one line of COPY TO output. */
  void copyData(String line) {
    begin('d');
    buf.writeCharSequence(line, StandardCharsets.UTF_8);
    end();
  }

  /** CopyDone: the end of COPY TO output. */
  void copyDone() {
    begin('c');
    end();
  }

  void emptyQueryResponse() {
    begin('I');
    end();
  }

  void parseComplete() {
    begin('1');
    end();
  }

  void bindComplete() {
    begin('2');
    end();
  }

  void closeComplete() {
    begin('3');
    end();
  }

  void portalSuspended() {
    begin('s');
    end();
  }

  /**
   * ErrorResponse ({@code 'E'}) or NoticeResponse ({@code 'N'}).
   *
   * @param severity ERROR, FATAL, WARNING, NOTICE ...
   * @param position 1-based position in the statement, or 0
   */
  void errorOrNotice(char type, String severity, String sqlState, String message, String detail, String hint,
      int position) {
    errorOrNotice(type, severity, sqlState, message, detail, hint, position, null);
  }

  /** ErrorResponse or NoticeResponse with a context ({@code W}: PostgreSQL's CONTEXT line), or null. */
  void errorOrNotice(char type, String severity, String sqlState, String message, String detail, String hint,
      int position, String where) {
    begin(type);
    field('S', severity);
    field('V', severity);
    field('C', sqlState);
    field('M', message);
    if (detail != null) {
      field('D', detail);
    }
    if (hint != null) {
      field('H', hint);
    }
    if (position > 0) {
      field('P', Integer.toString(position));
    }
    if (where != null) {
      field('W', where);
    }
    buf.writeByte(0);
    end();
  }

  private void field(char code, String value) {
    buf.writeByte(code);
    cstring(value);
  }

  /** The worker found the client gone while sending: the connection is over. */
  static final class ClientGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClientGone() {
      super("the client closed the connection", null, false, false);
    }
  }
}
