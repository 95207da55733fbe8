package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS options an operator gets wrong stop the server before it listens, with one line naming
 * the option and the file: what {@code phantomdb start} prints as {@code protocol 'pgwire': ...}.
 */
class TlsOptionsTest {
  @TempDir static Path dir;
  static TestCertificates.Pair rsa;
  static TestCertificates.Pair ec;

  @BeforeAll
  static void makeCertificates() throws Exception {
    rsa = TestCertificates.create(dir, "rsa", "RSA");
    ec = TestCertificates.create(dir, "ec", "EC");
  }

  /** Reads the options as creating the server does; returns the error's message. */
  private static String error(Map<String, String> options) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> PgWireOptions.parse(options));
    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    assertThat(t.getMessage()).doesNotContain("\n");
    return t.getMessage();
  }

  private static Map<String, String> files(Object cert, Object key) {
    Map<String, String> m = new HashMap<>();
    m.put("tls.cert-file", cert.toString());
    m.put("tls.key-file", key.toString());
    return m;
  }

  @Test
  void aValidPairConfiguresTls() {
    assertThat(PgWireOptions.parse(files(rsa.certFile(), rsa.keyFile())).tls()).isNotNull();
    assertThat(PgWireOptions.parse(files(ec.certFile(), ec.keyFile())).tls().required()).isFalse();
    assertThat(PgWireOptions.parse(Map.of()).tls()).isNull();
    assertThat(new PgWireServerFactory().supportedOptions())
        .containsKeys("tls.cert-file", "tls.key-file", "tls.required");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThat(error(files(dir.resolve("nope.crt"), rsa.keyFile())))
        .isEqualTo("tls.cert-file: no such file: " + dir.resolve("nope.crt"));
    assertThat(error(files(rsa.certFile(), dir.resolve("nope.key"))))
        .isEqualTo("tls.key-file: no such file: " + dir.resolve("nope.key"));
    assertThat(error(files(rsa.certFile(), dir))).isEqualTo("tls.key-file: " + dir + " is a directory");
  }

  @Test
  void aKeyWithoutACertificateAndTheOtherWayRound() {
    assertThat(error(Map.of("tls.key-file", rsa.keyFile().toString())))
        .isEqualTo("tls.key-file is set but tls.cert-file is not: TLS needs both");
    assertThat(error(Map.of("tls.cert-file", rsa.certFile().toString())))
        .isEqualTo("tls.cert-file is set but tls.key-file is not: TLS needs both");
    assertThat(error(Map.of("tls.required", "true")))
        .isEqualTo("tls.required = true needs tls.cert-file and tls.key-file");
    Map<String, String> bad = files(rsa.certFile(), rsa.keyFile());
    bad.put("tls.required", "maybe");
    assertThat(error(bad)).isEqualTo("tls.required must be true or false: maybe");
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefused() {
    assertThat(error(files(rsa.certFile(), ec.keyFile())))
        .isEqualTo("tls.key-file " + ec.keyFile() + " is not the private key of the certificate in tls.cert-file "
            + rsa.certFile());
    assertThat(error(files(ec.certFile(), rsa.keyFile()))).contains("is not the private key of the certificate");
  }

  @Test
  void aKeyOfAnotherPairOfTheSameAlgorithmIsRefused() throws Exception {
    TestCertificates.Pair other = TestCertificates.create(dir, "other", "RSA");
    assertThat(error(files(rsa.certFile(), other.keyFile())))
        .isEqualTo("tls.key-file " + other.keyFile() + " is not the private key of the certificate in tls.cert-file "
            + rsa.certFile());
  }

  @Test
  void unreadableFilesAreNamed() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello\n");
    assertThat(error(files(garbage, rsa.keyFile())))
        .startsWith("tls.cert-file: " + garbage + " is not a PEM certificate");
    assertThat(error(files(rsa.certFile(), garbage)))
        .isEqualTo("tls.key-file: " + garbage + " is not a PKCS#8 PEM private key: no \"BEGIN PRIVATE KEY\" block");
    // the certificate given as the key, and the key as the certificate
    assertThat(error(files(rsa.keyFile(), rsa.keyFile()))).startsWith("tls.cert-file: ");
    assertThat(error(files(rsa.certFile(), rsa.certFile())))
        .startsWith("tls.key-file: " + rsa.certFile() + " is not a PKCS#8 PEM private key");
    Path pkcs1 = Files.writeString(dir.resolve("pkcs1.key"),
        "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    assertThat(error(files(rsa.certFile(), pkcs1))).contains("convert it: openssl pkcs8 -topk8 -nocrypt");
    Path corrupt = Files.writeString(dir.resolve("corrupt.key"),
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThat(error(files(rsa.certFile(), corrupt)))
        .isEqualTo("tls.key-file: " + corrupt + " has a private key this JDK cannot read");
  }
}
