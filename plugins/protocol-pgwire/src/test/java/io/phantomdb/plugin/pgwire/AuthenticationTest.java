package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password authentication with pgjdbc against the kernel's roles ({@code CREATE ROLE}):
 * SCRAM-SHA-256 for a password the kernel hashed, md5 for an md5 secret given as such, LOGIN,
 * VALID UNTIL, CONNECTION LIMIT, and the refusals with PostgreSQL 15's SQLSTATEs and messages.
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

  private KernelServer server(String mode) {
    return new KernelServer(dir, Map.of("auth.mode", mode));
  }

  private static Connection connect(KernelServer s, String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    return java.sql.DriverManager.getConnection(s.url(), p);
  }

  /** The SQLSTATE and message a login fails with. */
  private static String refusal(KernelServer s, String user, String password) {
    try (Connection c = connect(s, user, password)) {
      throw new AssertionError("logged in as " + user);
    } catch (SQLException e) {
      return e.getSQLState() + " " + ((org.postgresql.util.PSQLException) e).getServerErrorMessage().getMessage();
    }
  }

  private static String currentUsers(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user, session_user")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1) + "," + rs.getString(2);
    }
  }

  @Test
  void scramLogsInAsACreatedRole() throws Exception {
    try (KernelServer s = server("scram-sha-256")) {
      s.sql("CREATE ROLE alice LOGIN PASSWORD 'secret'", "CREATE ROLE nopass LOGIN");
      try (Connection c = connect(s, "alice", "secret")) {
        assertThat(currentUsers(c)).isEqualTo("alice,alice");
      }
      assertThat(refusal(s, "alice", "wrong")).isEqualTo("28P01 password authentication failed for user \"alice\"");
      assertThat(refusal(s, "nobody", "secret")).as("no role: the same answer, as PostgreSQL")
          .isEqualTo("28P01 password authentication failed for user \"nobody\"");
      assertThat(refusal(s, "nopass", "anything")).isEqualTo("28P01 password authentication failed for user \"nopass\"");
    }
  }

  @Test
  void aScramSecretGivenAsThePasswordIsKept() throws Exception {
    String secret = scramSecret("s3cret pässword", "0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 4096);
    try (KernelServer s = server("scram-sha-256")) {
      s.sql("CREATE ROLE eve LOGIN PASSWORD '" + secret + "'");
      try (Connection c = connect(s, "eve", "s3cret pässword")) {
        assertThat(currentUsers(c)).isEqualTo("eve,eve");
      }
      assertThat(refusal(s, "eve", secret)).startsWith("28P01");
    }
  }

  @Test
  void md5WithAnMd5SecretAndScramWithAScramSecret() throws Exception {
    try (KernelServer s = server("md5")) {
      s.sql("CREATE ROLE bob LOGIN PASSWORD '" + md5Secret("pw", "bob") + "'",
          "CREATE ROLE alice LOGIN PASSWORD 'secret'");
      try (Connection c = connect(s, "bob", "pw")) {
        assertThat(currentUsers(c)).isEqualTo("bob,bob");
      }
      assertThat(refusal(s, "bob", "nope")).isEqualTo("28P01 password authentication failed for user \"bob\"");
      try (Connection c = connect(s, "alice", "secret")) { // PostgreSQL uses SCRAM for a SCRAM secret
        assertThat(currentUsers(c)).isEqualTo("alice,alice");
      }
    }
  }

  @Test
  void aRoleWithoutLoginIsRefusedAfterItsPassword() throws Exception {
    try (KernelServer s = server("scram-sha-256")) {
      s.sql("CREATE ROLE carol NOLOGIN PASSWORD 'pw'");
      assertThat(refusal(s, "carol", "pw")).isEqualTo("28000 role \"carol\" is not permitted to log in");
      assertThat(refusal(s, "carol", "bad")).isEqualTo("28P01 password authentication failed for user \"carol\"");
    }
  }

  @Test
  void anExpiredPasswordFailsAsAWrongOne() throws Exception {
    try (KernelServer s = server("scram-sha-256")) {
      s.sql("CREATE ROLE olden LOGIN PASSWORD 'pw' VALID UNTIL '2001-01-01'",
          "CREATE ROLE young LOGIN PASSWORD 'pw' VALID UNTIL '2999-01-01'");
      assertThat(refusal(s, "olden", "pw")).isEqualTo("28P01 password authentication failed for user \"olden\"");
      try (Connection c = connect(s, "young", "pw")) {
        assertThat(currentUsers(c)).isEqualTo("young,young");
      }
    }
    try (KernelServer s = server("trust")) { // the same data directory: the roles are kept
      try (Connection c = connect(s, "olden", null)) { // VALID UNTIL is about passwords only
        assertThat(currentUsers(c)).isEqualTo("olden,olden");
      }
    }
  }

  @Test
  void theConnectionLimitCountsTheRolesSessions() throws Exception {
    try (KernelServer s = server("trust")) {
      s.sql("CREATE ROLE dave LOGIN CONNECTION LIMIT 1", "CREATE ROLE boss SUPERUSER LOGIN CONNECTION LIMIT 0",
          "CREATE ROLE nobody2 LOGIN CONNECTION LIMIT 0");
      try (Connection c = connect(s, "dave", null)) {
        assertThat(currentUsers(c)).isEqualTo("dave,dave");
        assertThat(refusal(s, "dave", null)).isEqualTo("53300 too many connections for role \"dave\"");
        try (Connection other = connect(s, "postgres", null)) {
          assertThat(other.isValid(5)).as("other roles are not counted").isTrue();
        }
      }
      assertThat(refusal(s, "nobody2", null)).isEqualTo("53300 too many connections for role \"nobody2\"");
      try (Connection c = connect(s, "boss", null)) {
        assertThat(currentUsers(c)).as("superusers are exempt").isEqualTo("boss,boss");
      }
    }
  }

  @Test
  void trustLetsExistingRolesInOnly() throws Exception {
    try (KernelServer s = server("trust")) {
      s.sql("CREATE ROLE carol NOLOGIN");
      try (Connection c = connect(s, "postgres", null)) {
        assertThat(currentUsers(c)).isEqualTo("postgres,postgres");
      }
      assertThat(refusal(s, "ghost", null)).isEqualTo("28000 role \"ghost\" does not exist");
      assertThat(refusal(s, "carol", null)).isEqualTo("28000 role \"carol\" is not permitted to log in");
    }
  }

  @Test
  void localTrustIsTrustFromLoopback() throws Exception {
    try (KernelServer s = server("local-trust")) {
      s.sql("CREATE ROLE alice LOGIN PASSWORD 'secret'");
      try (Connection c = connect(s, "alice", null)) {
        assertThat(currentUsers(c)).isEqualTo("alice,alice");
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
          .extracting(e -> ((SQLException) e).getSQLState() + " " + e.getMessage())
          .isEqualTo("3D000 FATAL: database \"nosuchdb\" does not exist");
    }
  }

  /** psql's exit code, then its output and errors, for a run with PGPASSWORD. */
  private String psql(KernelServer s, String user, String password, String sql) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(s.port),
        "-U", user, "-d", "postgres", "--no-align", "--tuples-only", "-c", sql);
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("psql ends").isTrue();
    return p.exitValue() + " " + out;
  }

  @Test
  void psqlLogsInWithPgpassword() throws Exception {
    try (KernelServer s = server("scram-sha-256")) {
      s.sql("CREATE ROLE alice LOGIN PASSWORD 'secret'");
      assertThat(psql(s, "alice", "secret", "SELECT current_user")).isEqualTo("0 alice\n");
      assertThat(psql(s, "alice", "wrong", "SELECT 1"))
          .startsWith("2 ").contains("FATAL:  password authentication failed for user \"alice\"");
    }
    try (KernelServer s = server("md5")) {
      s.sql("CREATE ROLE bob LOGIN PASSWORD '" + md5Secret("pw", "bob") + "'");
      assertThat(psql(s, "bob", "pw", "SELECT session_user")).isEqualTo("0 bob\n");
    }
  }
}
