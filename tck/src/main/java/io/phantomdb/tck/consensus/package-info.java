/**
 * The consensus conformance kit. Every {@link io.phantomdb.spi.consensus.ConsensusProvider} must
 * pass {@link io.phantomdb.tck.consensus.AbstractConsensusProviderTest} and {@link
 * io.phantomdb.tck.consensus.AbstractConsensusDurabilityIT}. Each suite has one hook, {@code
 * openGroup(Path, StateMachine)}, which opens a single-node group of the provider; a provider's
 * test classes only implement it.
 *
 * <p>{@link io.phantomdb.tck.consensus.RecordingStateMachine} is the reference state machine the
 * suites drive: it stores applied commands by index in the {@code memory} storage engine, one
 * synced batch per {@code apply} call, and records every breach of the state machine contract it
 * sees (concurrent calls, gaps, calls after close).
 */
package io.phantomdb.tck.consensus;
