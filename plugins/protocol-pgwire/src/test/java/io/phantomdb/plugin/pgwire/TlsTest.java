package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS over real sockets: pgjdbc and psql with {@code sslmode=require} / {@code verify-full}
 * against a server with {@code tls.cert-file} and {@code tls.key-file}, a bare TLS client that
 * checks the handshake, {@code tls.required}, and a server without TLS refusing {@code
 * sslmode=require} clients as a PostgreSQL without SSL does.
 */
class TlsTest {
  @TempDir static Path certs;
  static TestCertificates.Pair rsa;
  static TestCertificates.Pair ec;

  @TempDir Path dir;
  KernelServer server;

  @BeforeAll
  static void makeCertificates() throws Exception {
    rsa = TestCertificates.create(certs, "rsa", "RSA");
    ec = TestCertificates.create(certs, "ec", "EC");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(TestCertificates.Pair pair, Map<String, String> extra) {
    Map<String, String> options = new HashMap<>(extra);
    options.put("tls.cert-file", pair.certFile().toString());
    options.put("tls.key-file", pair.keyFile().toString());
    server = new KernelServer(dir.resolve("data"), options);
  }

  private Connection connect(String... props) throws SQLException {
    Properties p = new Properties();
    for (int i = 0; i < props.length; i += 2) {
      p.setProperty(props[i], props[i + 1]);
    }
    return server.connect(p);
  }

  @Test
  void pgjdbcWithSslmodeRequireRunsQueries() throws Exception {
    start(rsa, Map.of());
    try (Connection c = connect("sslmode", "require"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
      s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
      try (ResultSet rs = s.executeQuery("SELECT v FROM t ORDER BY id")) {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
          values.add(rs.getString(1));
        }
        assertThat(values).containsExactly("one", "two");
      }
      // larger than one TLS record (16 kB), both ways
      String big = "x".repeat(100_000);
      try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT length(?), ?")) {
        ps.setString(1, big);
        ps.setString(2, big);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(100_000);
          assertThat(rs.getString(2)).isEqualTo(big);
        }
      }
    }
  }

  @Test
  void pgjdbcVerifyFullTrustsOnlyTheConfiguredCertificate() throws Exception {
    start(ec, Map.of());
    try (Connection c = connect("sslmode", "verify-full", "sslrootcert", ec.certFile().toString());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
    // the same client trusting another certificate refuses this server: the handshake is real
    assertThatThrownBy(() -> connect("sslmode", "verify-full", "sslrootcert", rsa.certFile().toString()).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("SSL");
  }

  @Test
  void theConnectionIsTlsAfterSslRequest() throws Exception {
    start(rsa, Map.of());
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress("127.0.0.1", server.port), 10_000);
      plain.setSoTimeout(30_000);
      plain.getOutputStream().write(ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
      assertThat(plain.getInputStream().read()).isEqualTo('S');
      SSLSocket tls = (SSLSocket) trusting(rsa.certFile()).getSocketFactory()
          .createSocket(plain, "localhost", server.port, true);
      tls.startHandshake();
      assertThat(tls.getSession().getProtocol()).startsWith("TLSv1.");
      assertThat(tls.getSession().getPeerCertificates()[0]).isEqualTo(certificate(rsa.certFile()));
      OutputStream out = tls.getOutputStream();
      DataInputStream in = new DataInputStream(tls.getInputStream());
      out.write(RawClient.startupPacket(Map.of("user", "postgres", "database", "postgres")));
      out.flush();
      assertThat(readUntilReady(in)).startsWith("R").endsWith("Z");
      out.write(RawClient.query("SELECT 1"));
      out.flush();
      assertThat(readUntilReady(in)).isEqualTo("TDCZ");
    }
  }

  @Test
  void aClearStartupStillWorksUnlessTlsIsRequired() throws Exception {
    start(rsa, Map.of());
    try (Connection c = connect("sslmode", "disable"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void requiredTlsRefusesAClearStartupAsAHostsslOnlyPgHba() throws Exception {
    start(rsa, Map.of("tls.required", "true"));
    assertThatThrownBy(() -> connect("sslmode", "disable").close())
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"))
        .hasMessageContaining("no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", database \"postgres\", "
            + "no encryption");
    try (Connection c = connect("sslmode", "require"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
    try (Connection c = connect(); Statement s = c.createStatement(); // pgjdbc's default: prefer
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void cancelWorksWhenTlsIsRequired() throws Exception {
    start(rsa, Map.of("tls.required", "true"));
    java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (Connection holder = connect("sslmode", "require"); Connection waiter = connect("sslmode", "require");
        Statement sh = holder.createStatement(); Statement sw = waiter.createStatement()) {
      sh.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      sh.execute("INSERT INTO t VALUES (1, 0)");
      holder.setAutoCommit(false);
      sh.executeUpdate("UPDATE t SET v = 1 WHERE id = 1");
      java.util.concurrent.Future<?> blocked = thread.submit(() -> sw.executeUpdate("UPDATE t SET v = 2 WHERE id = 1"));
      while (server.engine.locks().snapshot().stream().allMatch(io.phantomdb.kernel.txn.lock.LockInfo::granted)) {
        assertThat(blocked.isDone()).as("the update waits for the row lock").isFalse();
        Thread.sleep(5);
      }
      sw.cancel();
      assertThatThrownBy(blocked::get).hasCauseInstanceOf(SQLException.class)
          .hasMessageContaining("canceling statement due to user request");
      holder.commit();
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void unencryptedDataAfterSslRequestIsAProtocolViolation() throws Exception {
    start(rsa, Map.of());
    try (RawClient client = new RawClient(server.port)) {
      byte[] startup = RawClient.startupPacket(Map.of("user", "postgres"));
      client.write(ByteBuffer.allocate(8 + startup.length).putInt(8).putInt(80877103).put(startup).array());
      RawClient.Message m = client.read();
      assertThat(m.type()).isEqualTo('E');
      assertThat(m.sqlState()).isEqualTo("08P01");
      assertThat(m.field('M')).isEqualTo("received unencrypted data after SSL request");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void aClientThatDoesNotHandshakeAfterSIsDisconnected() throws Exception {
    start(rsa, Map.of());
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.port), 10_000);
      s.setSoTimeout(30_000);
      s.getOutputStream().write(ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
      InputStream in = s.getInputStream();
      assertThat(in.read()).isEqualTo('S');
      s.getOutputStream().write(RawClient.startupPacket(Map.of("user", "postgres"))); // not a TLS record
      int next;
      try {
        next = in.read();
      } catch (java.net.SocketException reset) {
        next = -1;
      }
      assertThat(next).as("the server closes the connection").isEqualTo(-1);
    }
    try (Connection c = connect("sslmode", "require"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void withoutTlsSslmodeRequireFailsAsAgainstAPostgresqlWithoutSsl() throws Exception {
    server = new KernelServer(dir.resolve("data"));
    assertThatThrownBy(() -> connect("sslmode", "require").close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("The server does not support SSL");
    PsqlRun r = psql("require", "-c", "SELECT 1");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("server does not support SSL, but SSL was required");
  }

  @Test
  void withoutTlsASecondSslRequestIsAnUnsupportedProtocolAsInPostgresql() throws Exception {
    server = new KernelServer(dir.resolve("data"));
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.port), 10_000);
      s.setSoTimeout(30_000);
      byte[] sslRequest = ByteBuffer.allocate(8).putInt(8).putInt(80877103).array();
      s.getOutputStream().write(sslRequest);
      DataInputStream in = new DataInputStream(s.getInputStream());
      assertThat(in.readUnsignedByte()).isEqualTo('N');
      s.getOutputStream().write(ByteBuffer.allocate(8).putInt(8).putInt(80877104).array()); // GSSENCRequest
      assertThat(in.readUnsignedByte()).isEqualTo('N');
      s.getOutputStream().write(sslRequest);
      assertThat(in.readUnsignedByte()).isEqualTo('E');
      byte[] body = new byte[in.readInt() - 4];
      in.readFully(body);
      RawClient.Message error = new RawClient.Message('E', body);
      assertThat(error.sqlState()).isEqualTo("0A000");
      assertThat(error.field('M')).isEqualTo("unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0");
    }
  }

  @Test
  void psqlWithSslmodeRequireReportsAnSslConnection() throws Exception {
    start(rsa, Map.of("tls.required", "true"));
    PsqlRun r = psql("require", "-c", "\\conninfo", "-c", "SELECT 'over tls'");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("SSL connection (protocol: TLSv1.").contains("over tls");
    PsqlRun clear = psql("disable", "-c", "SELECT 1");
    assertThat(clear.code()).isNotZero();
    assertThat(clear.err()).contains("FATAL:  no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", "
        + "database \"postgres\", no encryption");
  }

  /** What a psql run did. */
  record PsqlRun(int code, String out, String err) {}

  private PsqlRun psql(String sslmode, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(server.port),
        "-U", "postgres", "-d", "postgres"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    pb.environment().put("PGSSLMODE", sslmode);
    pb.environment().put("PGGSSENCMODE", "disable");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("psql ends").isTrue();
    return new PsqlRun(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** @return the type bytes of the messages read up to and including ReadyForQuery */
  private static String readUntilReady(DataInputStream in) throws Exception {
    StringBuilder types = new StringBuilder();
    while (true) {
      char type = (char) in.readUnsignedByte();
      in.readFully(new byte[in.readInt() - 4]);
      if (type != 'S' && type != 'K') { // ParameterStatus, BackendKeyData: not interesting here
        types.append(type);
      }
      if (type == 'Z' || type == 'E') {
        return types.toString();
      }
    }
  }

  private static X509Certificate certificate(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static SSLContext trusting(Path certFile) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("server", certificate(certFile));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
