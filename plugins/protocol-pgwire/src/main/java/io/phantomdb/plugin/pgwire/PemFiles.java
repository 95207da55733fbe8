package io.phantomdb.plugin.pgwire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's certificate chain and private key from PEM files with the JDK alone, and
 * checks that they belong together. Every failure is an {@link IllegalArgumentException} whose
 * message is one line naming the option and the file.
 */
final class PemFiles {
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  /** Key algorithms a PKCS#8 key may be in (tried in order). */
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

  private PemFiles() {}

  /** The certificates of {@code file}, the server's first (PEM, "BEGIN CERTIFICATE" blocks). */
  static X509Certificate[] certificates(String key, Path file) {
    byte[] bytes = read(key, file);
    try {
      List<X509Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes)).stream()
          .map(c -> (X509Certificate) c).toList();
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(key + ": no certificate in " + file);
      }
      return certs.toArray(X509Certificate[]::new);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(key + ": " + file + " is not a PEM certificate (" + oneLine(e) + ")", e);
    }
  }

  /** The private key of {@code file}: an unencrypted PKCS#8 PEM block ("BEGIN PRIVATE KEY"). */
  static PrivateKey privateKey(String key, Path file) {
    String text = new String(read(key, file), StandardCharsets.US_ASCII);
    Matcher m = PRIVATE_KEY.matcher(text);
    if (!m.find()) {
      String hint = text.contains("BEGIN ENCRYPTED PRIVATE KEY")
          ? "it is encrypted; write it unencrypted (openssl pkcs8 -topk8 -nocrypt)"
          : text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")
              ? "it is in the traditional (PKCS#1/SEC1) form; convert it: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW"
              : "no \"BEGIN PRIVATE KEY\" block";
      throw new IllegalArgumentException(key + ": " + file + " is not a PKCS#8 PEM private key: " + hint);
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + file + " has a malformed private key (bad base64)", e);
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | RuntimeException e) {
        // not this algorithm (or not available): try the next
      }
    }
    throw new IllegalArgumentException(key + ": " + file + " has a private key this JDK cannot read");
  }

  /**
   * Checks that {@code key} is the private key of {@code cert}'s public key: signs random bytes
   * with one and verifies with the other.
   */
  static void checkPair(PrivateKey key, X509Certificate cert, Path keyFile, Path certFile) {
    PublicKey pub = cert.getPublicKey();
    if (!pub.getAlgorithm().equals(key.getAlgorithm())) {
      throw mismatch(keyFile, certFile);
    }
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "DSA" -> "SHA256withDSA";
      default -> key.getAlgorithm(); // Ed25519, Ed448, RSASSA-PSS (parameters from the key)
    };
    try {
      byte[] data = new byte[32];
      new SecureRandom().nextBytes(data);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(pub);
      verifier.update(data);
      if (!verifier.verify(signature)) {
        throw mismatch(keyFile, certFile);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("tls.key-file " + keyFile + " does not match tls.cert-file " + certFile
          + " (" + oneLine(e) + ")", e);
    }
  }

  private static IllegalArgumentException mismatch(Path keyFile, Path certFile) {
    return new IllegalArgumentException("tls.key-file " + keyFile
        + " is not the private key of the certificate in tls.cert-file " + certFile);
  }

  private static byte[] read(String key, Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException(key + ": " + file + " is a directory");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(key + ": no such file: " + file, e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(key + ": cannot read " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(key + ": cannot read " + file + ": " + oneLine(e), e);
    }
  }

  private static String oneLine(Exception e) {
    return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
  }
}
