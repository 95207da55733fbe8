/**
 * The consensus SPI: how a committed transaction's writes are ordered, made durable and applied.
 * The kernel submits each commit as an opaque command (the transaction's serialized write batch)
 * to a {@link io.phantomdb.spi.consensus.ReplicationGroup replication group}; the group gives it
 * the next index of one total order, persists it, and hands it to the kernel's {@link
 * io.phantomdb.spi.consensus.StateMachine state machine}, which applies it to storage.
 *
 * <h2>Entry points</h2>
 * <ol>
 *   <li>{@link io.phantomdb.spi.consensus.ConsensusProvider} — stateless, found by {@code
 *       name()} through {@code META-INF/services}; opens a group from a {@link
 *       io.phantomdb.spi.consensus.GroupContext}. The kernel has {@code local} (one node); a
 *       Raft provider is a plugin.
 *   <li>{@link io.phantomdb.spi.consensus.ReplicationGroup} — one open group on this node: {@code
 *       submit(command)} returns a future of the command's log index.
 *   <li>{@link io.phantomdb.spi.consensus.StateMachine} — implemented by the kernel, called by the
 *       provider with batches of {@link io.phantomdb.spi.consensus.LogEntry entries}.
 * </ol>
 *
 * <h2>Indexes</h2>
 * Every command a group commits gets an index: 1 for the first, then one more for each command,
 * with no gaps, for the life of the group (across restarts). The state machine records the last
 * index it applied ({@link io.phantomdb.spi.consensus.StateMachine#lastApplied()}); that is where
 * a reopened group resumes.
 *
 * <h2>Group commit</h2>
 * A provider may hand the state machine many entries in one {@code apply} call, and the state
 * machine makes them durable together (one synced storage batch), so one {@code fsync} covers
 * many transactions. That is the point of the batch-shaped {@code apply}.
 *
 * <h2>Errors</h2>
 * All failures are unchecked except the snapshot streams' {@link java.io.IOException}: a {@link
 * io.phantomdb.spi.consensus.ConsensusException} or one of its subclasses completes a failed
 * {@code submit} future or is thrown by {@code open}; {@link java.lang.IllegalArgumentException}
 * for arguments the contract forbids; {@link java.lang.NullPointerException} for null arguments.
 *
 * <h2>Stability</h2>
 * The whole package is {@link io.phantomdb.spi.Experimental experimental}: the Raft provider may
 * still reshape it.
 *
 * <h2>Conformance</h2>
 * Every provider must pass the abstract suites in the {@code tck} module's {@code
 * io.phantomdb.tck.consensus}; see {@code docs/plugin-authors.md}, "Consensus SPI".
 */
@Experimental
package io.phantomdb.spi.consensus;

import io.phantomdb.spi.Experimental;
