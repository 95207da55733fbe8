package io.phantomdb.plugin.pgwire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of the {@code pgwire} server ({@code pgwire.<option>} in {@code phantomdb.conf}).
 *
 * @param authMode how clients authenticate
 * @param maxConnections how many clients may be connected at once
 * @param ioThreads Netty event-loop threads (framing only; statements run on per-connection workers)
 */
record PgWireOptions(AuthMode authMode, int maxConnections, int ioThreads) {
  /** Option key → one-line description with its default. */
  static final Map<String, String> SUPPORTED;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("auth.mode", "how clients authenticate: local-trust (default: trust from loopback addresses, "
        + "scram-sha-256 from others), trust, scram-sha-256 or md5");
    m.put("max-connections", "most clients connected at once; more get 53300 (default 100)");
    m.put("io-threads", "Netty event-loop threads that read and write sockets (default 2)");
    SUPPORTED = java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Reads and checks the options.
   *
   * @throws IllegalArgumentException naming the key for an unknown key or a bad value
   */
  static PgWireOptions parse(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!SUPPORTED.containsKey(key)) {
        throw new IllegalArgumentException("unknown option '" + key + "'; its options: "
            + String.join(", ", SUPPORTED.keySet()));
      }
    }
    AuthMode mode = AuthMode.parse(options.getOrDefault("auth.mode", "local-trust"));
    int max = positive(options, "max-connections", 100);
    int io = positive(options, "io-threads", 2);
    return new PgWireOptions(mode, max, io);
  }

  private static int positive(Map<String, String> options, String key, int dflt) {
    String v = options.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(key + " must be a positive integer: " + v);
  }
}
