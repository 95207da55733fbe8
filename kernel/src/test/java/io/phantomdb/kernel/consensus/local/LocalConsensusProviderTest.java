package io.phantomdb.kernel.consensus.local;

import io.phantomdb.spi.consensus.GroupContext;
import io.phantomdb.spi.consensus.ReplicationGroup;
import io.phantomdb.spi.consensus.StateMachine;
import io.phantomdb.tck.consensus.AbstractConsensusProviderTest;
import java.nio.file.Path;

/** The {@code local} provider against {@link AbstractConsensusProviderTest}. */
class LocalConsensusProviderTest extends AbstractConsensusProviderTest {
  @Override
  protected ReplicationGroup openGroup(Path directory, StateMachine stateMachine) {
    return new LocalConsensusProvider().open(GroupContext.of("tck", stateMachine, directory));
  }
}
