package io.phantomdb.plugin.pgwire;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * TLS for {@code pgwire}: the server's key and certificate ({@code tls.key-file}, {@code
 * tls.cert-file}) and whether clients must use TLS ({@code tls.required}). With TLS configured an
 * SSLRequest is answered 'S' and the connection continues through an {@link SslHandler} (the JDK's
 * TLS provider).
 *
 * @param context the server's TLS context
 * @param required whether a client starting up in clear is refused (as a {@code hostssl}-only
 *     pg_hba.conf does)
 */
record TlsSettings(SslContext context, boolean required) {
  static final String CERT_FILE = "tls.cert-file";
  static final String KEY_FILE = "tls.key-file";
  static final String REQUIRED = "tls.required";

  /**
   * Reads the TLS options: the files are read and checked now, so that a bad one stops start-up.
   *
   * @return the settings, or null if TLS is not configured
   * @throws IllegalArgumentException one line naming the option: a missing, unreadable or
   *     malformed file, a key that is not the certificate's, a key without a certificate
   */
  static TlsSettings parse(Map<String, String> options) {
    String cert = blankToNull(options.get(CERT_FILE));
    String key = blankToNull(options.get(KEY_FILE));
    boolean required = bool(options.get(REQUIRED));
    if (cert == null && key == null) {
      if (required) {
        throw new IllegalArgumentException(REQUIRED + " = true needs " + CERT_FILE + " and " + KEY_FILE);
      }
      return null;
    }
    if (cert == null) {
      throw new IllegalArgumentException(KEY_FILE + " is set but " + CERT_FILE + " is not: TLS needs both");
    }
    if (key == null) {
      throw new IllegalArgumentException(CERT_FILE + " is set but " + KEY_FILE + " is not: TLS needs both");
    }
    Path certFile = Path.of(cert);
    Path keyFile = Path.of(key);
    X509Certificate[] chain = PemFiles.certificates(CERT_FILE, certFile);
    PrivateKey privateKey = PemFiles.privateKey(KEY_FILE, keyFile);
    PemFiles.checkPair(privateKey, chain[0], keyFile, certFile);
    try {
      SslContext context = SslContextBuilder.forServer(privateKey, chain).sslProvider(SslProvider.JDK).build();
      return new TlsSettings(context, required);
    } catch (SSLException | RuntimeException e) {
      throw new IllegalArgumentException("cannot use " + KEY_FILE + " " + keyFile + " and " + CERT_FILE + " "
          + certFile + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
    }
  }

  /** A new handler for one connection, to put first in its pipeline. */
  SslHandler newHandler(ByteBufAllocator alloc) {
    return context.newHandler(alloc);
  }

  private static boolean bool(String v) {
    if (v == null || v.isBlank()) {
      return false;
    }
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new IllegalArgumentException(REQUIRED + " must be true or false: " + v);
    };
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }
}
