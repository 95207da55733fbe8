package io.phantomdb.plugin.pgwire;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A bare PostgreSQL protocol client over a real socket for tests that send what no driver would:
 * messages are written and read as bytes.
 */
final class RawClient implements AutoCloseable {
  /** One backend message: its type byte and body. */
  record Message(char type, byte[] body) {
    /** @return the SQLSTATE of an ErrorResponse or NoticeResponse, else null */
    String sqlState() {
      return field('C');
    }

    /** @return the severity (non-localized) of an ErrorResponse */
    String severity() {
      return field('V');
    }

    /** @return a field of an ErrorResponse or NoticeResponse, or null */
    String field(char code) {
      if (type != 'E' && type != 'N') {
        return null;
      }
      int i = 0;
      while (i < body.length && body[i] != 0) {
        char c = (char) body[i++];
        int end = i;
        while (body[end] != 0) {
          end++;
        }
        if (c == code) {
          return new String(body, i, end - i, StandardCharsets.UTF_8);
        }
        i = end + 1;
      }
      return null;
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawClient(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(30_000);
    socket.setTcpNoDelay(true);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** @return the StartupMessage (protocol 3.0) for these parameters */
  static byte[] startupPacket(Map<String, String> params) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(ByteBuffer.allocate(4).putInt(196608).array());
    params.forEach((k, v) -> {
      body.writeBytes(k.getBytes(StandardCharsets.UTF_8));
      body.write(0);
      body.writeBytes(v.getBytes(StandardCharsets.UTF_8));
      body.write(0);
    });
    body.write(0);
    byte[] b = body.toByteArray();
    return ByteBuffer.allocate(b.length + 4).putInt(b.length + 4).put(b).array();
  }

  /** @return a message: type byte, length, body */
  static byte[] message(char type, byte[] body) {
    return ByteBuffer.allocate(body.length + 5).put((byte) type).putInt(body.length + 4).put(body).array();
  }

  /** @return a simple Query message */
  static byte[] query(String sql) {
    byte[] s = sql.getBytes(StandardCharsets.UTF_8);
    return message('Q', ByteBuffer.allocate(s.length + 1).put(s).put((byte) 0).array());
  }

  /**
   * Logs in as {@code postgres} (trust) with extra start-up parameters.
   *
   * @return the last message: ReadyForQuery, or the ErrorResponse that refused the login
   */
  Message login(Map<String, String> params) throws IOException {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("user", "postgres");
    all.put("database", "postgres");
    all.putAll(params);
    write(startupPacket(all));
    return readUntilReady();
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** @return the next message, or null at the end of the stream */
  Message read() throws IOException {
    int type;
    try {
      type = in.read();
    } catch (java.net.SocketException e) {
      return null; // reset by the server
    }
    if (type < 0) {
      return null;
    }
    try {
      int length = in.readInt();
      byte[] body = new byte[length - 4];
      in.readFully(body);
      return new Message((char) type, body);
    } catch (EOFException | java.net.SocketException e) {
      return null;
    }
  }

  /** @return ReadyForQuery, the first ErrorResponse with severity FATAL, or null at EOF */
  Message readUntilReady() throws IOException {
    Message m;
    while ((m = read()) != null) {
      if (m.type() == 'Z' || m.type() == 'E' && "FATAL".equals(m.severity())) {
        return m;
      }
    }
    return null;
  }

  /** @return the first ErrorResponse before ReadyForQuery, or null if none */
  Message queryError(String sql) throws IOException {
    write(query(sql));
    Message error = null;
    Message m;
    while ((m = read()) != null && m.type() != 'Z') {
      if (m.type() == 'E' && error == null) {
        error = m;
      }
    }
    return error;
  }

  /** @return whether the server closed the connection (reads until the end of the stream) */
  boolean closedByServer() throws IOException {
    while (read() != null) {
      // drain
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
