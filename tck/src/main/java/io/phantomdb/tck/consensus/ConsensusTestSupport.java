package io.phantomdb.tck.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.consensus.ReplicationGroup;
import io.phantomdb.spi.consensus.StateMachine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the consensus suites share: the one hook {@link #openGroup(Path, StateMachine)}, a {@link
 * RecordingStateMachine} and a group opened on a fresh directory before each test, closed after
 * it (when the state machine is checked for contract breaches), and small helpers.
 */
public abstract class ConsensusTestSupport {

  /** A fresh directory per test, removed afterwards. */
  @TempDir protected Path tempDir;

  /** The reference state machine the group applies to, open during each test. */
  protected RecordingStateMachine stateMachine;

  /** The group under test, open during each test. */
  protected ReplicationGroup group;

  /**
   * The one hook: opens a group of the provider under test, with the settings the suite should
   * run with, as a single-node group (this node leads it). Called again with the same directory
   * and state machine to reopen a closed group.
   *
   * @param directory the group's data directory on this node; may not exist yet
   * @param stateMachine the state machine that applies the group's commands
   * @return the open group
   */
  protected abstract ReplicationGroup openGroup(Path directory, StateMachine stateMachine);

  @BeforeEach
  void openStateMachineAndGroup() {
    stateMachine = RecordingStateMachine.open(stateDirectory());
    group = openGroup(groupDirectory(), stateMachine);
  }

  @AfterEach
  void closeGroupAndStateMachine() {
    try {
      if (group != null) {
        group.close();
        group = null;
      }
      stateMachine.fence();
      assertThat(stateMachine.violations()).as("consensus contract violations").isEmpty();
    } finally {
      stateMachine.close();
    }
  }

  /** @return the directory of the state machine's storage */
  protected Path stateDirectory() {
    return tempDir.resolve("state");
  }

  /** @return the group's data directory */
  protected Path groupDirectory() {
    return tempDir.resolve("group");
  }

  /** Closes the group and opens it again on the same directory and state machine. */
  protected void reopenGroup() {
    group.close();
    group = null;
    stateMachine.unfence();
    group = openGroup(groupDirectory(), stateMachine);
  }

  /**
   * Closes the group and the state machine, as a shutdown would, then opens both again from
   * their directories.
   */
  protected void restart() {
    group.close();
    group = null;
    stateMachine.fence();
    assertThat(stateMachine.violations()).as("consensus contract violations").isEmpty();
    stateMachine.close();
    stateMachine = RecordingStateMachine.open(stateDirectory());
    group = openGroup(groupDirectory(), stateMachine);
  }

  /** Submits a command and waits for its index. */
  protected long commit(String command) {
    return group.submit(b(command)).join();
  }

  /** @return the UTF-8 bytes of {@code s} */
  protected static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** @return {@code bytes} decoded as UTF-8, or null */
  protected static String s(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Waits for a future that must fail.
   *
   * @param future the future
   * @return the exception it failed with
   */
  protected static Throwable failureOf(CompletableFuture<?> future) {
    Object value;
    try {
      value = future.join();
    } catch (CompletionException e) {
      return e.getCause();
    } catch (CancellationException e) {
      return e;
    }
    throw new AssertionError("expected the future to fail; it completed with " + value);
  }
}
