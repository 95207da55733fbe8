package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.plugin.pgwire.RawClient.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Responses arrive whole and in order whichever way {@code BackendWriter} sends them: straight
 * from the worker to the socket, or through Netty when the socket's buffer is full (a result
 * larger than it, read by a client that waits first) and after that until Netty has written it.
 */
class ResponseOrderTest {
  @TempDir Path dir;
  KernelServer server;

  @BeforeEach
  void start() {
    server = new KernelServer(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pipelinedQueriesAreAnsweredInOrder() throws IOException {
    try (RawClient c = new RawClient(server.port)) {
      c.login(Map.of());
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int i = 1; i <= 300; i++) {
        all.writeBytes(RawClient.query("SELECT " + i + " AS n"));
      }
      c.write(all.toByteArray()); // one write: the server reads many queries at once
      for (int i = 1; i <= 300; i++) {
        assertThat(c.read().type()).isEqualTo('T');
        Message row = c.read();
        assertThat(row.type()).isEqualTo('D');
        assertThat(firstValue(row)).isEqualTo(Integer.toString(i));
        assertThat(tag(c.read())).isEqualTo("SELECT 1");
        assertThat(c.read().type()).isEqualTo('Z');
      }
    }
  }

  @Test
  void aResultLargerThanTheSocketBufferThenSmallOnesStayInOrder() throws Exception {
    int rows = 40_000;
    String pad = "x".repeat(200);
    try (RawClient c = new RawClient(server.port)) {
      c.login(Map.of());
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(RawClient.query("SELECT g, '" + pad + "' AS pad FROM generate_series(1, " + rows + ") g"));
      for (int i = 1; i <= 5; i++) {
        all.writeBytes(RawClient.query("SELECT " + i + " AS n"));
      }
      c.write(all.toByteArray());
      Thread.sleep(300); // not a timing assertion: lets the server fill the socket and wait for writability
      assertThat(c.read().type()).isEqualTo('T');
      for (int i = 1; i <= rows; i++) {
        Message row = c.read();
        assertThat(row.type()).isEqualTo('D');
        assertThat(firstValue(row)).isEqualTo(Integer.toString(i));
      }
      assertThat(tag(c.read())).isEqualTo("SELECT " + rows);
      assertThat(c.read().type()).isEqualTo('Z');
      for (int i = 1; i <= 5; i++) {
        assertThat(c.read().type()).isEqualTo('T');
        assertThat(firstValue(c.read())).isEqualTo(Integer.toString(i));
        assertThat(tag(c.read())).isEqualTo("SELECT 1");
        assertThat(c.read().type()).isEqualTo('Z');
      }
      assertThat(c.queryError("SELECT 1")).isNull(); // the connection goes on
    }
  }

  /** The first column of a DataRow, as text. */
  private static String firstValue(Message row) {
    ByteBuffer b = ByteBuffer.wrap(row.body());
    b.getShort();
    int n = b.getInt();
    return new String(row.body(), 6, n, StandardCharsets.UTF_8);
  }

  /** A CommandComplete's tag. */
  private static String tag(Message m) {
    assertThat(m.type()).isEqualTo('C');
    return new String(m.body(), 0, m.body().length - 1, StandardCharsets.UTF_8);
  }
}
