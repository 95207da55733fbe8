package io.phantomdb.spi.consensus;

/**
 * A replication group could not commit a command, or could not be opened. The message says what
 * failed and, where an operator can act, what to do. Subclasses name the conditions callers
 * handle differently: {@link GroupClosedException} and {@link NotLeaderException}.
 *
 * <p>When this exception (and not a subclass) fails a {@link ReplicationGroup#submit submit}
 * future, the command's outcome is unknown: it may have been applied. The kernel finds out from
 * the state machine after it reopens the group.
 */
public class ConsensusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed and what to do */
  public ConsensusException(String message) {
    super(message);
  }

  /**
   * @param message what failed and what to do
   * @param cause the underlying failure, such as the state machine's exception
   */
  public ConsensusException(String message, Throwable cause) {
    super(message, cause);
  }
}
