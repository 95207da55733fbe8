package io.phantomdb.kernel.sql.role;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password secrets as PostgreSQL stores them with {@code password_encryption = scram-sha-256}
 * (RFC 5802 / RFC 7677): {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, base64,
 * where SaltedPassword = PBKDF2-HMAC-SHA-256(SASLprep(password), salt, iterations), ClientKey =
 * HMAC(SaltedPassword, "Client Key"), StoredKey = SHA-256(ClientKey), ServerKey =
 * HMAC(SaltedPassword, "Server Key"). A SCRAM server verifies a client's proof from these two keys
 * without knowing the password.
 *
 * <p>SASLprep (RFC 4013) is approximated: non-ASCII spaces become spaces, characters "commonly
 * mapped to nothing" are removed, then NFKC normalisation; prohibited and bidirectional characters
 * are not checked (PostgreSQL then uses the password's bytes as they are). For ASCII passwords,
 * by far the usual, this is exactly SASLprep. Thread-safe.
 */
public final class ScramSecret {
  /** PostgreSQL's iteration count ({@code scram_iterations}, 4096). */
  public static final int ITERATIONS = 4096;
  /** PostgreSQL's salt length in bytes. */
  public static final int SALT_LENGTH = 16;
  private static final String PREFIX = "SCRAM-SHA-256$";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ScramSecret() {}

  /**
   * @param password a password in clear text
   * @return its secret with a random salt
   */
  public static String of(String password) {
    byte[] salt = new byte[SALT_LENGTH];
    RANDOM.nextBytes(salt);
    return of(password, salt, ITERATIONS);
  }

  /**
   * @param password a password in clear text
   * @param salt the salt
   * @param iterations the PBKDF2 iteration count
   * @return the secret text
   */
  public static String of(String password, byte[] salt, int iterations) {
    byte[] salted = pbkdf2(saslPrep(password).getBytes(StandardCharsets.UTF_8), salt, iterations);
    byte[] storedKey = sha256(hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII)));
    byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":"
        + b64.encodeToString(serverKey);
  }

  /**
   * What PostgreSQL stores as given rather than hashing again: a SCRAM-SHA-256 secret or an MD5
   * one ({@code md5} and 32 hex digits).
   *
   * @param password a PASSWORD value
   * @return true if it is already a secret
   */
  public static boolean isSecret(String password) {
    return password.matches("md5[0-9a-f]{32}")
        || password.matches("SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");
  }

  /**
   * The password as SCRAM hashes it (see the class comment for what of RFC 4013 is done).
   *
   * @param password the password
   * @return it prepared
   */
  static String saslPrep(String password) {
    StringBuilder sb = new StringBuilder(password.length());
    for (int i = 0; i < password.length(); ) {
      int c = password.codePointAt(i);
      i += Character.charCount(c);
      if (c > 0x7f && Character.isSpaceChar(c)) {
        sb.append(' ');
      } else if (!mappedToNothing(c)) {
        sb.appendCodePoint(c);
      }
    }
    return Normalizer.normalize(sb, Normalizer.Form.NFKC);
  }

  /** RFC 3454 table B.1. */
  private static boolean mappedToNothing(int c) {
    return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D)
        || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
  }

  private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
    byte[] block = new byte[salt.length + 4];
    System.arraycopy(salt, 0, block, 0, salt.length);
    block[salt.length + 3] = 1; // INT(1): one 32-byte block is all SHA-256 needs
    byte[] u = hmac(password, block);
    byte[] result = u.clone();
    for (int i = 1; i < iterations; i++) {
      u = hmac(password, u);
      for (int j = 0; j < result.length; j++) {
        result[j] ^= u[j];
      }
    }
    return result;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // an empty key is legal in HMAC but not in SecretKeySpec: HMAC pads keys with zeros anyway
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
