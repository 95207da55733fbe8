package io.phantomdb.spi.consensus;

import io.phantomdb.spi.Experimental;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Applies a replication group's committed commands to this node's state. Implemented by the
 * kernel (over its storage engine) and called by the {@link ConsensusProvider}'s group; a plugin
 * implements it only in tests.
 *
 * <p><b>Semantics:</b>
 * <ol>
 *   <li>Durable progress: {@link #lastApplied()} is the index of the last entry applied, stored
 *       with the state itself (for example in the same storage batch), so after a crash the state
 *       holds exactly the entries up to {@code lastApplied()}, each whole.
 *   <li>Idempotent replay: entries at or below {@code lastApplied()} have been applied already;
 *       {@link #apply} skips them. A provider with its own log replays such entries after a
 *       restart.
 *   <li>Determinism: applying the same entries to the same state gives the same state on every
 *       node (no clocks, no randomness, no node-local facts).
 *   <li>Every command is consumed: a command the state machine cannot use (malformed, or refused
 *       by a check it repeats at apply time) still takes its index and is applied as a no-op.
 *       Throwing is reserved for failures of the node itself.
 * </ol>
 *
 * <p><b>Threading:</b> the provider calls {@link #apply}, {@link #takeSnapshot} and {@link
 * #restore} from one thread at a time, never two of them at once. {@link #lastApplied()} may be
 * called from any thread at any time. The state machine must never wait, inside these calls, for
 * a command submitted to a group it serves (that would deadlock the group).
 *
 * <p><b>Lifecycle:</b> owned by the kernel, which creates it before opening the group and closes
 * its storage only after {@link ReplicationGroup#close()} has returned; no call arrives after
 * that.
 */
@Experimental
public interface StateMachine {

  /**
   * Applies committed entries, in order, and makes them durable before returning.
   *
   * <p>The list is non-empty and its indexes increase by exactly 1 from one entry to the next.
   * Entries at or below {@link #lastApplied()} are skipped; the first entry above it has index
   * {@code lastApplied() + 1} (providers never leave a gap). When the call returns, every entry
   * is applied and on stable storage, and {@code lastApplied()} returns the last entry's index.
   * Providers hand several entries at once to share one {@code fsync} among them (group commit):
   * the state machine should write them as one synced storage batch.
   *
   * @param entries the entries; the list and the command arrays must not be modified or kept
   *     beyond the call (copy what must outlive it)
   * @throws RuntimeException only if this node cannot apply them (storage full, I/O error,
   *     corruption); a prefix of the entries may then be applied, as {@code lastApplied()} tells.
   *     The provider fails the commands and stops the group (see {@link ReplicationGroup})
   */
  void apply(List<LogEntry> entries);

  /**
   * The index of the last entry applied durably, 0 if none. Never decreases, except through
   * {@link #restore}.
   *
   * @return the index; the group resumes after it when opened
   * @throws RuntimeException if the state cannot be read; {@link ConsensusProvider#open} then
   *     fails with {@link ConsensusException}
   */
  long lastApplied();

  /**
   * Writes a self-contained image of the whole state as of {@link #lastApplied()}, from which
   * {@link #restore} on another node rebuilds the same state. For providers that bring a lagging
   * or new member up to date by snapshot (Raft); {@code local} never calls it. The stream is not
   * closed.
   *
   * @param out where the image goes
   * @return the index the image covers, {@code lastApplied()} when the image was taken
   * @throws IOException if writing to {@code out} fails
   */
  long takeSnapshot(OutputStream out) throws IOException;

  /**
   * Replaces the whole state with an image written by {@link #takeSnapshot}, possibly on another
   * node, durably; afterwards {@link #lastApplied()} returns the index the image covers. {@code
   * local} never calls it. The stream is read to the end of the image and not closed.
   *
   * @param in the image
   * @throws IOException if reading fails or the image is malformed or truncated; the state is
   *     then unchanged
   */
  void restore(InputStream in) throws IOException;
}
