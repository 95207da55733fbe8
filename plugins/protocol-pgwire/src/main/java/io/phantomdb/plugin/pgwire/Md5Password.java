package io.phantomdb.plugin.pgwire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * PostgreSQL's md5 authentication: the client sends {@code "md5" + md5hex(md5hex(password + user)
 * + salt)}; the stored secret is {@code "md5" + md5hex(password + user)}.
 */
final class Md5Password {
  private Md5Password() {}

  /** Whether a stored secret is an md5 one. */
  static boolean isMd5Secret(String secret) {
    return secret != null && secret.length() == 35 && secret.startsWith("md5");
  }

  /** Whether the client's response matches the secret for this salt. */
  static boolean matches(String secret, byte[] salt, String response) {
    if (!isMd5Secret(secret)) {
      return false;
    }
    byte[] stored = secret.substring(3).getBytes(StandardCharsets.US_ASCII);
    byte[] salted = new byte[stored.length + salt.length];
    System.arraycopy(stored, 0, salted, 0, stored.length);
    System.arraycopy(salt, 0, salted, stored.length, salt.length);
    String expected = "md5" + HexFormat.of().formatHex(md5(salted));
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        response.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] md5(byte[] data) {
    try {
      return MessageDigest.getInstance("MD5").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
