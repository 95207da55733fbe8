package io.phantomdb.plugin.pgwire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of the {@code pgwire} server ({@code pgwire.<option>} in {@code phantomdb.conf}).
 *
 * @param authMode how clients authenticate
 * @param maxConnections how many clients may be connected at once
 * @param ioThreads Netty event-loop threads (framing only; statements run on per-connection workers)
 * @param maxMessageSize the longest message (type byte excluded, length word included) a client
 *     may send after start-up
 * @param tls TLS (answering SSLRequest 'S'), or null if not configured
 */
record PgWireOptions(AuthMode authMode, int maxConnections, int ioThreads, int maxMessageSize, TlsSettings tls) {
  /** PostgreSQL's limit for a message: 1 GB. */
  static final int DEFAULT_MAX_MESSAGE = 1 << 30;

  /** Option key → one-line description with its default. */
  static final Map<String, String> SUPPORTED;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("auth.mode", "how clients authenticate: local-trust (default: trust from loopback addresses, "
        + "scram-sha-256 from others), trust, scram-sha-256 or md5");
    m.put("max-connections", "most clients connected at once; more get 53300 (default 100)");
    m.put("max-message-size", "longest message a client may send, in bytes or with a unit kB, MB or GB; "
        + "longer ones get 08P01 and the connection ends (default 1GB, as PostgreSQL; start-up packets: 10000 bytes)");
    m.put("io-threads", "Netty event-loop threads that read and write sockets (default 2)");
    m.put(TlsSettings.CERT_FILE, "PEM file with the server's certificate (chain), for TLS (sslmode=require); "
        + "needs tls.key-file (default: none, SSLRequest is answered 'N')");
    m.put(TlsSettings.KEY_FILE, "PEM file with the certificate's private key, unencrypted PKCS#8 "
        + "(\"BEGIN PRIVATE KEY\")");
    m.put(TlsSettings.REQUIRED, "true: clients must use TLS; one starting up in clear gets 28000 "
        + "(default false)");
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
    int maxMessage = size(options, "max-message-size", DEFAULT_MAX_MESSAGE);
    return new PgWireOptions(mode, max, io, maxMessage, TlsSettings.parse(options));
  }

  /** A byte count: a whole number, optionally followed by B, kB, MB or GB (PostgreSQL's units). */
  private static int size(Map<String, String> options, String key, int dflt) {
    String v = options.get(key);
    if (v == null) {
      return dflt;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(B|kB|MB|GB)?").matcher(v.trim());
    if (m.matches()) {
      long unit = m.group(2) == null ? 1 : switch (m.group(2)) {
        case "kB" -> 1L << 10;
        case "MB" -> 1L << 20;
        case "GB" -> 1L << 30;
        default -> 1;
      };
      try {
        long n = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        if (n >= 64 && n <= DEFAULT_MAX_MESSAGE) {
          return (int) n;
        }
      } catch (ArithmeticException | NumberFormatException e) {
        // fall through
      }
    }
    throw new IllegalArgumentException(key + " must be a size from 64 bytes to 1GB (such as 8MB): " + v);
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
