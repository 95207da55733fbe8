package io.phantomdb.plugin.pgwire;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;

/** How clients prove who they are ({@code pgwire.auth.mode}). */
enum AuthMode {
  /** Anyone may log in as any existing role that can log in, without a password. */
  TRUST("trust"),
  /** A SCRAM-SHA-256 exchange against the role's stored secret. */
  SCRAM_SHA_256("scram-sha-256"),
  /** md5 against an md5 secret; roles with a SCRAM secret use SCRAM-SHA-256, as PostgreSQL does. */
  MD5("md5"),
  /** {@link #TRUST} for clients on a loopback address, {@link #SCRAM_SHA_256} for the others. */
  LOCAL_TRUST("local-trust");

  private final String text;

  AuthMode(String text) {
    this.text = text;
  }

  /** @return the option value naming this mode */
  String text() {
    return text;
  }

  /** Parses an option value. */
  static AuthMode parse(String value) {
    for (AuthMode m : values()) {
      if (m.text.equals(value.toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException("auth.mode must be one of trust, scram-sha-256, md5, local-trust: " + value);
  }

  /** The mode that applies to a client at this address. */
  AuthMode forClient(SocketAddress client) {
    if (this != LOCAL_TRUST) {
      return this;
    }
    boolean loopback = client instanceof InetSocketAddress a && a.getAddress() != null
        && isLoopback(a.getAddress());
    return loopback ? TRUST : SCRAM_SHA_256;
  }

  private static boolean isLoopback(InetAddress a) {
    return a.isLoopbackAddress();
  }
}
