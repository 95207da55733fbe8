package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.Map;

/**
 * Entry point of a wire protocol implementation: creates {@link ProtocolServer}s.
 *
 * <p>Implementations are listed in {@code
 * META-INF/services/io.phantomdb.spi.protocol.ProtocolServerFactory} (inside a plugin zip, or on
 * the class path for tests) and must have a public no-argument constructor. The kernel chooses
 * one by {@link #name()} ({@code protocols = pgwire} in {@code phantomdb.conf}).
 *
 * <p><b>Threading and lifecycle:</b> factories are stateless and thread-safe. Every server a
 * factory creates belongs to the caller, who starts and stops it.
 */
@Experimental
public interface ProtocolServerFactory {

  /**
   * The stable name the kernel uses to choose this protocol, such as {@code pgwire}: lower case
   * letters, digits and {@code -}, unique among installed protocols, never changed once released.
   * Configuration keys of this protocol start with {@code <name>.}.
   *
   * @return the name; never null
   */
  String name();

  /**
   * A one-line human description shown by {@code phantomdb plugins}.
   *
   * @return a short description; never null
   */
  default String description() {
    return name();
  }

  /**
   * The protocol-specific option keys this server understands, each mapped to a one-line
   * description that names its default. Keys are written without the {@code <name>.} prefix they
   * carry in {@code phantomdb.conf}, and never include {@code host} and {@code port}, which every
   * server has ({@link ProtocolContext}). {@link #create} rejects keys not listed here.
   *
   * @return the options, in display order; never null, possibly empty
   */
  default Map<String, String> supportedOptions() {
    return Map.of();
  }

  /**
   * The port a server listens on when the configuration names none (5432 for PostgreSQL's
   * protocol; PhantomDB's {@code pgwire} uses 5433 so it can run beside a PostgreSQL).
   *
   * @return a port number, 1..65535
   */
  int defaultPort();

  /**
   * Creates a server. It does not listen until {@link ProtocolServer#start()}.
   *
   * @param context where to listen, the options, and the kernel's sessions; never null
   * @return the server, owned by the caller
   * @throws IllegalArgumentException if an option is unknown or has a value that cannot be used;
   *     the message names the key and what is expected
   */
  ProtocolServer create(ProtocolContext context);
}
