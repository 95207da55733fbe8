package io.phantomdb.spi.consensus;

import io.phantomdb.spi.Experimental;
import java.util.Map;

/**
 * Entry point of a consensus implementation: opens {@link ReplicationGroup}s on this node.
 *
 * <p>Implementations are listed in {@code
 * META-INF/services/io.phantomdb.spi.consensus.ConsensusProvider} (inside a plugin zip, or on the
 * class path for built-ins and tests) and must have a public no-argument constructor. The kernel
 * chooses one by {@link #name()}. The kernel's built-in is {@code local}: one node, no log of its
 * own, group commit.
 *
 * <p><b>Threading and lifecycle:</b> providers are stateless and thread-safe; the kernel may
 * create several instances and call them from any thread. Every group a provider opens belongs to
 * the caller, who closes it.
 */
@Experimental
public interface ConsensusProvider {

  /**
   * The stable name the kernel uses to choose this provider, such as {@code local} or {@code
   * raft}: lower case letters, digits and {@code -}, unique among installed providers, never
   * changed once released.
   *
   * @return the name; never null
   */
  String name();

  /**
   * A one-line human description shown by {@code phantomdb plugins}.
   *
   * @return a short description; never null
   */
  default String description() {
    return name();
  }

  /**
   * The provider-specific option keys this provider understands, each mapped to a one-line
   * description that names its default. Keys are written without the {@code consensus.<name>.}
   * prefix they carry in {@code phantomdb.conf}; {@link #open} rejects keys not listed here.
   *
   * @return the options, in display order; never null, possibly empty
   */
  default Map<String, String> supportedOptions() {
    return Map.of();
  }

  /**
   * Opens this node's member of the group {@link GroupContext#groupId()}, creating its files in
   * {@link GroupContext#dataDirectory()} if there are none, and starts it.
   *
   * <p>The group resumes where the state machine left off: the next command it commits gets an
   * index above {@link StateMachine#lastApplied()}. A provider with a log of its own hands the
   * state machine, in order and before any newly submitted command, the entries it holds beyond
   * that index (committed before a crash but not yet applied); it may do so before or after
   * {@code open} returns.
   *
   * <p>A directory serves one open group at a time. A provider that keeps files there fails a
   * second open of the same directory, in this or another process, with {@link
   * ConsensusException}.
   *
   * @param context the group, its state machine, directory and options; never null
   * @return the open group, owned by the caller, who must {@link ReplicationGroup#close() close}
   *     it before it closes the state machine's storage
   * @throws IllegalArgumentException if an option is unknown or has a value that cannot be used;
   *     the message names the key and what is expected
   * @throws ConsensusException if the group cannot be opened (its files are unreadable or locked,
   *     the state machine failed to report {@code lastApplied()}); the message says which
   */
  ReplicationGroup open(GroupContext context);
}
