package io.phantomdb.spi.consensus;

/**
 * Fails a {@link ReplicationGroup#submit submit} future when this node does not lead the group
 * and the provider does not forward commands to the leader. The command was not committed; the
 * caller may submit it again on the leader. The message names the leader when the provider knows
 * it. Never raised by a single-node provider such as {@code local}.
 */
public class NotLeaderException extends ConsensusException {
  private static final long serialVersionUID = 1L;

  /** @param message which group, and the leader if known */
  public NotLeaderException(String message) {
    super(message);
  }
}
