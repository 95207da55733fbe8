package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.protocol.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password authentication with pgjdbc: SCRAM-SHA-256 against a secret in PostgreSQL's {@code
 * rolpassword} format computed here from a password, md5 against an md5 secret, refusals.
 */
class AuthenticationTest {
  @TempDir Path dir;

  /** {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, as PostgreSQL stores it. */
  static String scramSecret(String password, byte[] salt, int iterations) throws Exception {
    SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    byte[] salted = f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    byte[] clientKey = hmac(salted, "Client Key");
    byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
    byte[] serverKey = hmac(salted, "Server Key");
    Base64.Encoder b = Base64.getEncoder();
    return "SCRAM-SHA-256$" + iterations + ":" + b.encodeToString(salt) + "$" + b.encodeToString(storedKey) + ":"
        + b.encodeToString(serverKey);
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  static String md5Secret(String password, String user) throws Exception {
    return "md5" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
        .digest((password + user).getBytes(StandardCharsets.UTF_8)));
  }

  private KernelServer server(String mode, Role role) {
    return new KernelServer(dir, Map.of("auth.mode", mode),
        name -> name.equals(role.name()) ? Optional.of(role) : Optional.empty());
  }

  private static Connection connect(KernelServer s, String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    return java.sql.DriverManager.getConnection(s.url(), p);
  }

  private static String stateOf(KernelServer s, String user, String password) {
    try (Connection c = connect(s, user, password)) {
      throw new AssertionError("logged in as " + user);
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  @Test
  void scramWithTheRightPasswordLogsIn() throws Exception {
    String secret = scramSecret("s3cret pässword", "0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 4096);
    try (KernelServer s = server("scram-sha-256", new Role("postgres", true, true, Optional.of(secret)))) {
      try (Connection c = connect(s, "postgres", "s3cret pässword"); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT 41 + 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
      assertThat(stateOf(s, "postgres", "wrong")).isEqualTo("28P01");
      assertThat(stateOf(s, "nobody", "s3cret pässword")).as("no role: the same answer").isEqualTo("28P01");
    }
  }

  @Test
  void aRoleWithoutPasswordCannotUseScram() throws Exception {
    try (KernelServer s = server("scram-sha-256", new Role("postgres", true, true, Optional.empty()))) {
      assertThat(stateOf(s, "postgres", "anything")).isEqualTo("28P01");
    }
  }

  @Test
  void md5WithAnMd5SecretAndScramWithAScramSecret() throws Exception {
    try (KernelServer s = server("md5", new Role("postgres", true, true, Optional.of(md5Secret("pw", "postgres"))))) {
      try (Connection c = connect(s, "postgres", "pw")) {
        assertThat(c.isValid(5)).isTrue();
      }
      assertThat(stateOf(s, "postgres", "nope")).isEqualTo("28P01");
    }
    String scram = scramSecret("pw", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 4096);
    try (KernelServer s = server("md5", new Role("postgres", true, true, Optional.of(scram)))) {
      try (Connection c = connect(s, "postgres", "pw")) { // PostgreSQL uses SCRAM for a SCRAM secret
        assertThat(c.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void trustLetsExistingRolesInOnly() throws Exception {
    try (KernelServer s = server("trust", new Role("postgres", true, true, Optional.empty()))) {
      try (Connection c = connect(s, "postgres", null)) {
        assertThat(c.isValid(5)).isTrue();
      }
      assertThat(stateOf(s, "ghost", null)).isEqualTo("28000");
    }
    try (KernelServer s = server("trust", new Role("postgres", false, false, Optional.empty()))) {
      assertThat(stateOf(s, "postgres", null)).as("NOLOGIN").isEqualTo("28000");
    }
  }

  @Test
  void localTrustIsTrustFromLoopback() throws Exception {
    String secret = scramSecret("pw", new byte[16], 4096);
    try (KernelServer s = server("local-trust", new Role("postgres", true, true, Optional.of(secret)))) {
      try (Connection c = connect(s, "postgres", null)) {
        assertThat(c.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void anUnknownDatabaseIsFatal3D000() throws Exception {
    try (KernelServer s = new KernelServer(dir)) {
      Properties p = new Properties();
      p.setProperty("user", "postgres");
      assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + s.port + "/nosuchdb", p))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("3D000");
    }
  }
}
