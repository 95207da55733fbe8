package io.phantomdb.plugin.pgwire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 / 7677, as PostgreSQL does it: no
 * channel binding, the user name in the client's message ignored), against a secret in {@code
 * rolpassword} format {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}.
 *
 * <p>With no usable secret (no role, no password, an md5 secret) the exchange goes on with a
 * made-up salt and fails at the end, so a client cannot tell a missing role from a wrong password.
 */
final class ScramSha256 {
  static final String MECHANISM = "SCRAM-SHA-256";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A parsed secret. */
  record Secret(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    /** Parses a {@code rolpassword} value; null if it is not a SCRAM-SHA-256 secret. */
    static Secret parse(String s) {
      if (s == null || !s.startsWith(MECHANISM + "$")) {
        return null;
      }
      try {
        String[] parts = s.substring(MECHANISM.length() + 1).split("\\$");
        String[] iterSalt = parts[0].split(":");
        String[] keys = parts[1].split(":");
        Base64.Decoder d = Base64.getDecoder();
        return new Secret(Integer.parseInt(iterSalt[0]), d.decode(iterSalt[1]), d.decode(keys[0]), d.decode(keys[1]));
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  private final Secret secret;
  private final boolean usable;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;
  private String gs2Header;

  /** @param secret the role's secret, or null if it has none usable */
  ScramSha256(Secret secret) {
    this.usable = secret != null;
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    this.secret = secret != null ? secret : new Secret(4096, salt, new byte[32], new byte[32]);
  }

  /**
   * Takes the client-first-message and returns the server-first-message.
   *
   * @throws ProtocolViolation if the message is malformed or asks for channel binding
   */
  String clientFirst(String message) {
    if (message.startsWith("p=")) {
      throw new ProtocolViolation("channel binding is not supported");
    }
    if (!message.startsWith("n,") && !message.startsWith("y,")) {
      throw new ProtocolViolation("malformed SCRAM message");
    }
    int second = message.indexOf(',', 2);
    if (second < 0) {
      throw new ProtocolViolation("malformed SCRAM message");
    }
    gs2Header = message.substring(0, second + 1);
    clientFirstBare = message.substring(second + 1);
    String clientNonce = attribute(clientFirstBare, 'r');
    byte[] random = new byte[18];
    RANDOM.nextBytes(random);
    nonce = clientNonce + Base64.getEncoder().encodeToString(random);
    serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(secret.salt()) + ",i=" + secret.iterations();
    return serverFirst;
  }

  /**
   * Takes the client-final-message and checks the proof.
   *
   * @return the server-final-message ({@code v=<signature>}) if the password was right, else null
   */
  String clientFinal(String message) {
    int proofAt = message.lastIndexOf(",p=");
    if (proofAt < 0 || clientFirstBare == null) {
      throw new ProtocolViolation("malformed SCRAM message");
    }
    String withoutProof = message.substring(0, proofAt);
    String channelBinding = attribute(withoutProof, 'c');
    if (!channelBinding.equals(Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8)))) {
      return null;
    }
    if (!attribute(withoutProof, 'r').equals(nonce)) {
      return null;
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      throw new ProtocolViolation("malformed SCRAM proof");
    }
    String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] clientSignature = hmac(secret.storedKey(), authMessage);
    if (proof.length != clientSignature.length) {
      return null;
    }
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
    }
    if (!usable || !MessageDigest.isEqual(sha256(clientKey), secret.storedKey())) {
      return null;
    }
    return "v=" + Base64.getEncoder().encodeToString(hmac(secret.serverKey(), authMessage));
  }

  private static String attribute(String message, char name) {
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
        return part.substring(2);
      }
    }
    throw new ProtocolViolation("malformed SCRAM message: no " + name + "= attribute");
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
