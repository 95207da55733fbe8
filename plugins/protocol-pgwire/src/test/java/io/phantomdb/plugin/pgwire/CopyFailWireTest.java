package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY's messages on the wire: CopyInResponse, CopyFail → 57014, CopyData after an error ignored. */
class CopyFailWireTest {
  @TempDir Path dir;
  KernelServer server;
  Socket socket;
  DataInputStream in;
  DataOutputStream out;

  @BeforeEach
  void start() throws IOException {
    server = new KernelServer(dir.resolve("data"));
    socket = new Socket("127.0.0.1", server.port);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
    byte[] params = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.UTF_8);
    out.writeInt(8 + params.length);
    out.writeInt(196608);
    out.write(params);
    out.flush();
    readUntil('Z');
  }

  @AfterEach
  void stop() throws IOException {
    socket.close();
    server.close();
  }

  private void send(char type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    out.writeByte(type);
    out.writeInt(4 + b.length);
    out.write(b);
    out.flush();
  }

  /** The types of the messages up to and including {@code last}; an ErrorResponse's fields too. */
  private List<String> readUntil(char last) throws IOException {
    List<String> seen = new ArrayList<>();
    while (true) {
      char type = (char) in.readUnsignedByte();
      byte[] body = new byte[in.readInt() - 4];
      in.readFully(body);
      if (type == 'E') {
        for (String f : new String(body, StandardCharsets.UTF_8).split("\0")) {
          if (!f.isEmpty() && "CMW".indexOf(f.charAt(0)) >= 0) {
            seen.add(f);
          }
        }
      }
      seen.add(String.valueOf(type));
      if (type == last) {
        return seen;
      }
    }
  }

  @Test
  void copyFailEndsTheCopyWith57014AndLaterCopyDataIsIgnored() throws IOException {
    send('Q', "CREATE TABLE t (a INTEGER, b TEXT)\0");
    readUntil('Z');
    send('Q', "COPY t FROM STDIN\0");
    assertThat(readUntil('G')).containsExactly("G");
    send('d', "1\tone\n");
    send('f', "client gave up\0");
    assertThat(readUntil('Z')).containsExactly("C57014", "MCOPY from stdin failed: client gave up", "E", "Z");
    send('Q', "COPY t FROM STDIN\0");
    readUntil('G');
    send('d', "1\tone\nx\ttwo\n");
    assertThat(readUntil('Z')).containsExactly("C22P02", "Minvalid input syntax for type integer: \"x\"",
        "WCOPY t, line 2, column a: \"x\"", "E", "Z");
    send('d', "2\tthree\n"); // still coming from the client: ignored
    send('c', "");
    send('Q', "SELECT count(*) FROM t\0");
    assertThat(readUntil('Z')).containsExactly("T", "D", "C", "Z");
  }

  @Test
  void copyOutSendsOneCopyDataPerRow() throws IOException {
    send('Q', "CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, NULL)\0");
    readUntil('Z');
    send('Q', "COPY t TO STDOUT; SELECT 1\0");
    assertThat(readUntil('Z')).containsExactly("H", "d", "d", "c", "C", "T", "D", "C", "Z");
  }
}
