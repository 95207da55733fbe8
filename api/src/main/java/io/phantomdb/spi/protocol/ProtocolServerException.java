package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;

/**
 * A protocol server cannot start: its address cannot be bound. The message is one line an
 * operator can act on, such as {@code cannot listen on 127.0.0.1:5433: address already in use}.
 */
@Experimental
public class ProtocolServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why, in one line
   * @param cause the underlying failure, or null
   */
  public ProtocolServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
