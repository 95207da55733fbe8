package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A listening server of one wire protocol, made by {@link ProtocolServerFactory#create}.
 *
 * <p><b>Lifecycle:</b> created → {@link #start()} (listening) → {@link #stop(Duration)} (stopped;
 * the port is released) → {@link #close()}. {@code start} is called at most once; {@code stop}
 * and {@code close} are idempotent and may be called without a start. A stopped server does not
 * start again.
 *
 * <p><b>Threading:</b> all methods are thread-safe; {@code stop} may be called from a shutdown hook
 * while connections are being served.
 */
@Experimental
public interface ProtocolServer extends AutoCloseable {

  /**
   * Binds the configured host and port and starts accepting connections. Returns once it
   * accepts: a client connecting after this returns is served.
   *
   * @return the bound address (with the real port when the context asked for port 0)
   * @throws ProtocolServerException if the address cannot be bound (the port is in use, the host
   *     is not local, permission denied); the message names the address and the reason, in one line
   * @throws IllegalStateException if already started or stopped
   */
  InetSocketAddress start();

  /**
   * The bound address.
   *
   * @return the address {@link #start()} returned, or null before a start and after a stop
   */
  InetSocketAddress address();

  /**
   * Stops gracefully: stops accepting at once, lets statements in progress finish for up to
   * {@code grace}, then cancels what still runs and closes every connection (their sessions are
   * closed, which rolls back open transactions; clients get PostgreSQL's 57P01 "terminating
   * connection due to administrator command" where the protocol can say so). Returns once the
   * port is released and every session is closed.
   *
   * @param grace how long in-flight statements may take; {@link Duration#ZERO} aborts them at once
   */
  void stop(Duration grace);

  /** {@link #stop(Duration) Stops} with no grace period, if not stopped already. */
  @Override
  default void close() {
    stop(Duration.ZERO);
  }
}
