package io.phantomdb.spi.consensus;

import io.phantomdb.spi.Experimental;
import java.util.concurrent.CompletableFuture;

/**
 * This node's member of one replication group: it orders the commands submitted to it, makes
 * them durable (and, with several nodes, replicated), and has the {@link StateMachine} apply them.
 *
 * <p>Obtained from {@link ConsensusProvider#open(GroupContext)}.
 *
 * <p><b>Semantics:</b>
 * <ol>
 *   <li>One total order: the group gives every command it commits the next log index (1, 2, 3,
 *       … with no gaps, across restarts) and the state machine applies each command once, in
 *       index order.
 *   <li>Submission order: of two commands submitted by one thread, if both are committed, the
 *       one submitted first has the lower index. Commands of different threads interleave in some
 *       order.
 *   <li>Acknowledgement: a {@link #submit} future completes with the command's index only after
 *       the state machine's {@link StateMachine#apply apply} call that holds the command has
 *       returned, so the command is durable, survives a crash of the process, and is visible in
 *       the state machine's state when the future completes.
 *   <li>Failure: a future that fails says why: {@link GroupClosedException} (the group was closed
 *       first), {@link NotLeaderException} (another node leads; not committed), or {@link
 *       ConsensusException} (the group stopped, for example because the state machine threw; the
 *       outcome is unknown until the group is reopened).
 * </ol>
 *
 * <p><b>Threading:</b> thread-safe; any number of threads may submit at once. {@link #submit} may
 * block its caller while the provider's queue of waiting commands is full (back-pressure), but
 * never waits for the command to commit. Futures may be completed on a thread of the provider:
 * a dependent action ({@code thenApply}, {@code whenComplete}, …) runs there and holds back every
 * later command of the group until it returns, so it must be short and must never wait for
 * another command of the same group. Use the {@code *Async} variants for anything longer.
 *
 * <p><b>Lifecycle:</b> open from {@link ConsensusProvider#open} until {@link #close()}. After
 * close, {@code submit} returns futures failed with {@link GroupClosedException} and {@link
 * #isLeader()} returns false. The group never closes the state machine.
 */
@Experimental
public interface ReplicationGroup extends AutoCloseable {

  /**
   * Submits a command for the group to commit.
   *
   * @param command the command, opaque to the group (the kernel's serialized write batch);
   *     possibly empty. Not copied: the caller must not modify it afterwards
   * @return a future completed with the command's log index once the command is durable and
   *     applied (see the class semantics), or failed with a {@link ConsensusException} — {@link
   *     GroupClosedException} if the group is or gets closed before the command reaches the state
   *     machine, {@link NotLeaderException} if this node does not lead the group, plain {@link
   *     ConsensusException} if the group stopped (the state machine threw; the cause is its
   *     exception) or the calling thread was interrupted while {@code submit} waited for room
   *     (then the command was not submitted, and the thread's interrupt flag is set again)
   * @throws NullPointerException if {@code command} is null
   */
  CompletableFuture<Long> submit(byte[] command);

  /**
   * Whether this node may currently commit commands: it leads the group and the group is open and
   * has not stopped. A follower returns false; a single-node group returns true from open until
   * it is closed or stops. Leadership can change right after the call returns, so this is a hint
   * for routing, not a promise about the next {@link #submit}.
   *
   * @return true if this node leads the open group
   */
  boolean isLeader();

  /**
   * Stops the group on this node. Idempotent; callable from any thread.
   *
   * <ol>
   *   <li>No new command is accepted: later {@code submit} calls, and calls blocked waiting for
   *       room, fail with {@link GroupClosedException}.
   *   <li>Commands not yet handed to the state machine fail with {@link GroupClosedException}.
   *   <li>A state machine call in progress is allowed to finish; the commands it applies complete
   *       normally.
   * </ol>
   *
   * <p>When close returns, every future the group returned is complete, the provider's threads
   * have ended, and the provider will not call the state machine again. (When close is called by
   * a dependent action running on the provider's own thread, that thread finishes the futures it
   * was completing and ends as soon as the action returns; the state machine is not called again.)
   * The caller may then close the state machine's storage.
   */
  @Override
  void close();
}
