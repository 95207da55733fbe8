package io.phantomdb.plugin.pgwire;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed server certificates made at test time with the JDK's {@code keytool} (for {@code
 * CN=localhost}, with subject alternative names {@code localhost} and {@code 127.0.0.1}), written as
 * the PEM files an operator gives {@code pgwire.tls.cert-file} and {@code pgwire.tls.key-file}.
 */
final class TestCertificates {
  private static final char[] PASSWORD = "changeit".toCharArray();

  /** The two files of one certificate. */
  record Pair(Path certFile, Path keyFile) {}

  private TestCertificates() {}

  /**
   * Makes a key pair and a self-signed certificate for it.
   *
   * @param dir where the files go
   * @param name the files' base name
   * @param keyAlgorithm {@code RSA} or {@code EC}
   */
  static Pair create(Path dir, String name, String keyAlgorithm) throws Exception {
    Path store = dir.resolve(name + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> cmd = List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", keyAlgorithm,
        "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-keystore", store.toString(), "-storetype", "PKCS12",
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD);
    }
    PrivateKey key = (PrivateKey) ks.getKey("server", PASSWORD);
    Certificate cert = ks.getCertificate("server");
    Path certFile = Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE", cert.getEncoded()));
    Path keyFile = Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
    return new Pair(certFile, keyFile);
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
