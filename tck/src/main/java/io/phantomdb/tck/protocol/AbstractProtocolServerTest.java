package io.phantomdb.tck.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.protocol.ProtocolContext;
import io.phantomdb.spi.protocol.ProtocolServer;
import io.phantomdb.spi.protocol.ProtocolServerException;
import io.phantomdb.spi.protocol.ProtocolServerFactory;
import io.phantomdb.spi.protocol.SessionService;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle contract of {@link ProtocolServer}: start on port 0 gives the bound address, which
 * accepts connections; stop releases the port and closes connections; start is once only; stop is
 * idempotent; a busy port is a {@link ProtocolServerException}; unknown options are refused.
 *
 * <p>A protocol plugin extends this class and implements {@link #factory()} and {@link
 * #sessions()}. The suite needs no knowledge of the wire protocol.
 */
public abstract class AbstractProtocolServerTest {
  private static final String HOST = "127.0.0.1";

  /** @return the factory under test */
  protected abstract ProtocolServerFactory factory();

  /** @return the sessions the server serves (for these tests, never asked for a session) */
  protected abstract SessionService sessions();

  /** @return valid options for the server under test; none by default */
  protected Map<String, String> options() {
    return Map.of();
  }

  private ProtocolServer create(int port) {
    return factory().create(new ProtocolContext(HOST, port, options(), sessions()));
  }

  @Test
  void nameDefaultPortAndOptionsAreWellFormed() {
    ProtocolServerFactory f = factory();
    assertThat(f.name()).matches("[a-z0-9][a-z0-9-]*");
    assertThat(f.description()).isNotBlank();
    assertThat(f.defaultPort()).isBetween(1, 65535);
    assertThat(f.supportedOptions()).doesNotContainKeys("host", "port");
  }

  @Test
  void startOnPortZeroReturnsTheBoundAddressWhichAcceptsConnections() throws Exception {
    try (ProtocolServer server = create(0)) {
      assertThat(server.address()).isNull();
      InetSocketAddress bound = server.start();
      assertThat(bound.getPort()).isPositive();
      assertThat(server.address()).isEqualTo(bound);
      try (Socket s = new Socket(HOST, bound.getPort())) {
        assertThat(s.isConnected()).isTrue();
      }
    }
  }

  @Test
  void stopReleasesThePortAndIsIdempotent() throws Exception {
    ProtocolServer server = create(0);
    int port = server.start().getPort();
    server.stop(Duration.ofSeconds(5));
    assertThat(server.address()).isNull();
    server.stop(Duration.ZERO);
    server.close();
    try (ServerSocket again = new ServerSocket()) {
      again.setReuseAddress(true);
      again.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void stopClosesOpenConnections() throws Exception {
    ProtocolServer server = create(0);
    int port = server.start().getPort();
    try (Socket client = new Socket(HOST, port)) {
      client.setSoTimeout(60_000); // a guard against a hang, not a timing assertion
      server.stop(Duration.ofSeconds(5));
      InputStream in = client.getInputStream();
      int b;
      try {
        do {
          b = in.read(); // a protocol may say goodbye first; then the stream ends
        } while (b != -1);
      } catch (SocketException e) {
        b = -1; // reset by the server: closed too
      }
      assertThat(b).isEqualTo(-1);
    }
  }

  @Test
  void startIsOnceOnly() {
    ProtocolServer server = create(0);
    server.start();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    server.stop(Duration.ZERO);
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stopWithoutStartIsHarmless() {
    ProtocolServer server = create(0);
    server.stop(Duration.ZERO);
    assertThat(server.address()).isNull();
  }

  @Test
  void aBusyPortFailsTheStartWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      ProtocolServer server = create(taken.getLocalPort());
      assertThatThrownBy(server::start)
          .isInstanceOf(ProtocolServerException.class)
          .hasMessageContaining(Integer.toString(taken.getLocalPort()))
          .hasMessageNotContaining("\n");
      server.close();
    }
  }

  @Test
  void anUnknownOptionIsRefused() {
    assertThatThrownBy(() -> factory().create(
        new ProtocolContext(HOST, 0, Map.of("no-such-option-xyz", "1"), sessions())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-option-xyz");
  }
}
