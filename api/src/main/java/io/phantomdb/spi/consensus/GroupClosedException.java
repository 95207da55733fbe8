package io.phantomdb.spi.consensus;

/**
 * Fails a {@link ReplicationGroup#submit submit} future when the group was closed before the
 * command was handed to the state machine: submitted after {@link ReplicationGroup#close()}, or
 * still waiting when it was called.
 *
 * <p>This node's state machine will not apply the command before {@code close} returns. Whether
 * the group commits it anyway is provider-specific (a provider with a log of its own may already
 * have written it there and apply it after the group is reopened); {@link ConsensusProvider}
 * implementations document which. With {@code local} the command is never applied.
 */
public class GroupClosedException extends ConsensusException {
  private static final long serialVersionUID = 1L;

  /** @param message which group was closed */
  public GroupClosedException(String message) {
    super(message);
  }
}
