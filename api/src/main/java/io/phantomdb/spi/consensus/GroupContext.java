package io.phantomdb.spi.consensus;

import io.phantomdb.spi.Experimental;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the kernel hands a {@link ConsensusProvider} when it opens a replication group: which
 * group, the state machine that applies its commands, the directory this node keeps the group's
 * files in, and the provider's options.
 *
 * <p>Immutable and thread-safe (the state machine it carries is the kernel's and is used as
 * {@link StateMachine} documents).
 *
 * @param groupId the group's identity, the same on every node of the group: 1 to 200 characters
 *     from {@code [A-Za-z0-9_.-]}, so a provider may use it as a file name
 * @param stateMachine applies the group's commands on this node; owned by the kernel, never
 *     closed by the provider
 * @param dataDirectory the directory this node's copy of the group owns exclusively (a log,
 *     snapshots, metadata); it may not exist yet. A provider with nothing to store leaves it
 *     untouched
 * @param options provider-specific options, keys without the {@code consensus.<name>.} prefix
 *     (see {@link ConsensusProvider#supportedOptions()}); values as written in the configuration
 */
@Experimental
public record GroupContext(
    String groupId, StateMachine stateMachine, Path dataDirectory, Map<String, String> options) {
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

  /**
   * Validates and copies the arguments.
   *
   * @throws IllegalArgumentException if {@code groupId} is not allowed
   * @throws NullPointerException if an argument is null
   */
  public GroupContext {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(stateMachine, "stateMachine");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    options = Map.copyOf(Objects.requireNonNull(options, "options"));
    if (!GROUP_ID.matcher(groupId).matches()) {
      throw new IllegalArgumentException(
          "group id '" + groupId + "' must be 1 to 200 characters from [A-Za-z0-9_.-]");
    }
  }

  /**
   * A context with no options: every provider default applies.
   *
   * @param groupId the group's identity
   * @param stateMachine the state machine
   * @param dataDirectory the group's directory on this node
   * @return the context
   */
  public static GroupContext of(String groupId, StateMachine stateMachine, Path dataDirectory) {
    return new GroupContext(groupId, stateMachine, dataDirectory, Map.of());
  }

  /**
   * Reads a string option.
   *
   * @param key the option key, without prefix
   * @param defaultValue returned when the option is not set
   * @return the value or the default
   */
  public String option(String key, String defaultValue) {
    return options.getOrDefault(key, defaultValue);
  }

  /**
   * Reads an integer option.
   *
   * @param key the option key, without prefix
   * @param defaultValue returned when the option is not set
   * @return the value or the default
   * @throws IllegalArgumentException if the value is not a decimal integer; the message names the
   *     key
   */
  public int intOption(String key, int defaultValue) {
    String v = options.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option '" + key + "' must be a whole number, got '" + v + "'");
    }
  }
}
