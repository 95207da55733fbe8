package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ProtocolServer} is created with.
 *
 * @param host the host name or address to listen on, such as {@code 127.0.0.1} (the default: local
 *     clients only), {@code 0.0.0.0} (every IPv4 interface) or {@code ::}
 * @param port the TCP port, 0..65535; 0 picks a free port ({@link ProtocolServer#start()} returns
 *     it)
 * @param options the protocol's own options ({@code <name>.<option>} in {@code phantomdb.conf},
 *     given here without the prefix), checked by the kernel against {@link
 *     ProtocolServerFactory#supportedOptions()}; unmodifiable
 * @param sessions the kernel's sessions, for every connection the server accepts
 */
@Experimental
public record ProtocolContext(String host, int port, Map<String, String> options, SessionService sessions) {

  /** Checks and copies the components. */
  public ProtocolContext {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(sessions, "sessions");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    options = Map.copyOf(options);
  }
}
