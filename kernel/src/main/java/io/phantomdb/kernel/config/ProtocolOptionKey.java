package io.phantomdb.kernel.config;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key of the form {@code <protocol>.<option>}: an option of one protocol server, such as {@code
 * pgwire.port}. {@code host} and {@code port} are the kernel's (every server listens somewhere);
 * every other option is handed to the protocol without the prefix and checked against the options
 * it declares. The first part is any name except the kernel's own key prefixes.
 *
 * @param protocol the protocol name, such as {@code pgwire}
 * @param option the option, such as {@code port} or {@code auth.mode}
 */
public record ProtocolOptionKey(String protocol, String option) {
  /** How protocol option keys are written, for messages and documentation. */
  public static final String PATTERN = "<protocol>.<option>";
  /** The option every protocol has: the address to listen on. */
  public static final String HOST = "host";
  /** The option every protocol has: the TCP port. */
  public static final String PORT = "port";

  /** First parts that belong to the kernel's own keys, never to a protocol. */
  private static final Set<String> RESERVED = Set.of("storage", "data", "plugins", "protocols", "consensus");
  private static final Pattern KEY = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.([A-Za-z0-9][A-Za-z0-9._-]*)");

  /**
   * Recognizes a protocol option key.
   *
   * @param key a configuration key
   * @return the protocol and option, or empty if the key does not have the form
   */
  public static Optional<ProtocolOptionKey> parse(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches() || RESERVED.contains(m.group(1))) {
      return Optional.empty();
    }
    return Optional.of(new ProtocolOptionKey(m.group(1), m.group(2)));
  }

  /**
   * The full key.
   *
   * @return {@code <protocol>.<option>}
   */
  public String key() {
    return protocol + "." + option;
  }
}
