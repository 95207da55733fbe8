package io.phantomdb.kernel.consensus.local;

import io.phantomdb.spi.consensus.ConsensusException;
import io.phantomdb.spi.consensus.ConsensusProvider;
import io.phantomdb.spi.consensus.GroupContext;
import io.phantomdb.spi.consensus.ReplicationGroup;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in consensus provider {@code local}: every group has exactly this node, which always
 * leads it. Commands are applied in submission order by one committer thread per group, many per
 * {@code StateMachine.apply} call (group commit). It writes nothing to the group's data
 * directory: the state machine's storage is the log, and a reopened group numbers its next
 * command {@code lastApplied() + 1}. A command failed with {@link
 * io.phantomdb.spi.consensus.GroupClosedException} is never applied.
 *
 * <p>Options ({@link #supportedOptions()}): {@code queue-capacity} bounds the commands waiting
 * for the committer (a full queue blocks {@code submit}), {@code max-batch} bounds the commands
 * of one {@code apply} call.
 */
public final class LocalConsensusProvider implements ConsensusProvider {
  /** The provider's name. */
  public static final String NAME = "local";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "one node, group commit, no log of its own (built in)";
  }

  @Override
  public Map<String, String> supportedOptions() {
    return LocalOptions.DOCUMENTATION;
  }

  @Override
  public ReplicationGroup open(GroupContext context) {
    Objects.requireNonNull(context, "context");
    LocalOptions options = LocalOptions.parse(context);
    long lastApplied;
    try {
      lastApplied = context.stateMachine().lastApplied();
    } catch (RuntimeException e) {
      throw new ConsensusException("cannot open replication group '" + context.groupId()
          + "': its state machine cannot tell the last applied index (" + e + ")", e);
    }
    if (lastApplied < 0) {
      throw new ConsensusException("cannot open replication group '" + context.groupId()
          + "': its state machine reports a negative last applied index " + lastApplied);
    }
    return LocalReplicationGroup.start(context.groupId(), context.stateMachine(), options, lastApplied);
  }
}
