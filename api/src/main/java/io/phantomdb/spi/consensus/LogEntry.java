package io.phantomdb.spi.consensus;

import io.phantomdb.spi.Experimental;
import java.util.Arrays;
import java.util.Objects;

/**
 * One committed command and its place in the group's order, as handed to {@link
 * StateMachine#apply(java.util.List)}.
 *
 * <p>Immutable as far as the record goes, but the command array is not copied: neither the
 * provider nor the state machine may modify it. Equality and the hash code compare the command's
 * contents.
 *
 * @param index the command's log index, at least 1 (see the package documentation)
 * @param command the command exactly as {@link ReplicationGroup#submit(byte[])} received it;
 *     possibly empty
 */
@Experimental
public record LogEntry(long index, byte[] command) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code index} is below 1
   * @throws NullPointerException if {@code command} is null
   */
  public LogEntry {
    if (index < 1) {
      throw new IllegalArgumentException("log indexes start at 1, got " + index);
    }
    Objects.requireNonNull(command, "command");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogEntry e && e.index == index && Arrays.equals(e.command, command);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(index) * 31 + Arrays.hashCode(command);
  }

  @Override
  public String toString() {
    return "LogEntry[index=" + index + ", command=" + command.length + " bytes]";
  }
}
