package io.phantomdb.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.distribution.Bundle.Run;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/phantomdb start} from the unpacked full bundle: psql connects and runs DDL, DML and a
 * query; SIGTERM stops it with exit 0; a restart serves the same data; a busy port and a data
 * directory in use stop a second server with one line; with {@code pgwire.tls.*} psql connects
 * over TLS, and a missing key file is one line.
 */
class ServerIT {
  @TempDir static Path unpacked;
  static Path home;

  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    home = Bundle.unpack(Bundle.tarball(null), unpacked);
  }

  private Run psql(int port, String... commands) throws Exception {
    return psqlSsl(port, "prefer", commands);
  }

  private Run psqlSsl(int port, String sslmode, String... commands) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(port),
        "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "--no-align", "--tuples-only"));
    for (String c : commands) {
      cmd.add("-c");
      cmd.add(c);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    pb.environment().put("PGSSLMODE", sslmode);
    Path out = Files.createTempFile(work, "psql-out", ".txt");
    Path err = Files.createTempFile(work, "psql-err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void psqlUsesTheServerAndTheDataSurvivesARestart() throws Exception {
    Path data = work.resolve("data");
    int port = StartedServer.freePort();
    try (StartedServer server = new StartedServer(home, work, data, port)) {
      assertThat(server.ready).isEqualTo("PhantomDB " + Bundle.VERSION + " ready at postgresql://127.0.0.1:" + port + "/");
      Run r = psql(port, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)",
          "INSERT INTO t VALUES (1, 'one'), (2, 'two')", "SELECT id, name FROM t ORDER BY id");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("CREATE TABLE\nINSERT 0 2\n1|one\n2|two\n");
      Run failed = psql(port, "INSERT INTO t VALUES (1, 'again')");
      assertThat(failed.code()).isNotZero();
      assertThat(failed.err()).contains("ERROR:  duplicate key value violates unique constraint \"t_pkey\"");
      assertThat(server.stop()).as(server.stderr()).isZero();
      Bundle.assertNoStackTrace(new Run(0, "", server.stderr()));
    }
    try (StartedServer again = new StartedServer(home, work, data, port)) {
      Run r = psql(port, "SELECT count(*) FROM t");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("2\n");
      assertThat(again.stop()).isZero();
    }
  }

  @Test
  void aBusyPortOrADataDirectoryInUseIsOneLine() throws Exception {
    int port = StartedServer.freePort();
    try (ServerSocket taken = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Run r = Bundle.run(home, work, "start", "--data-dir", work.resolve("a").toString(), "--pg-port",
          Integer.toString(port));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.errLines()).containsExactly(
          "phantomdb: pgwire: cannot listen on 127.0.0.1:" + port + ": address already in use");
    }
    Path data = work.resolve("b");
    try (StartedServer server = new StartedServer(home, work, data, StartedServer.freePort())) {
      Run r = Bundle.run(home, work, "start", "--data-dir", data.toString(), "--pg-port", Integer.toString(StartedServer.freePort()));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.errLines()).singleElement().asString()
          .startsWith("phantomdb: data directory " + data.toRealPath() + " is in use by another PhantomDB process (pid ");
      Run sql = Bundle.run(home, work, "sql", "--data-dir", data.toString(), "-c", "SELECT 1");
      assertThat(sql.code()).isEqualTo(1);
      assertThat(sql.errLines()).singleElement().asString().contains("is in use by another PhantomDB process");
      assertThat(server.stop()).isZero();
    }
  }

  @Test
  void psqlConnectsOverTlsWithTheConfiguredCertificate() throws Exception {
    Path[] files = selfSigned();
    String cert = "pgwire.tls.cert-file=" + files[0];
    String key = "pgwire.tls.key-file=" + files[1];
    int port = StartedServer.freePort();
    try (StartedServer server = new StartedServer(home, work, work.resolve("data"), port, "--set", cert, "--set", key,
        "--set", "pgwire.tls.required=true")) {
      Run r = psqlSsl(port, "require", "\\conninfo", "SELECT 'over tls'");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("SSL connection (protocol: TLSv1.").contains("over tls");
      Run clear = psqlSsl(port, "disable", "SELECT 1");
      assertThat(clear.code()).isNotZero();
      assertThat(clear.err()).contains("FATAL:  no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", "
          + "database \"postgres\", no encryption");
      assertThat(server.stop()).isZero();
    }
    Run r = Bundle.run(home, work, "start", "--data-dir", work.resolve("data").toString(), "--pg-port",
        Integer.toString(StartedServer.freePort()), "--set", cert, "--set", "pgwire.tls.key-file=" + work.resolve("nope.key"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly(
        "phantomdb: protocol 'pgwire': tls.key-file: no such file: " + work.resolve("nope.key"));
  }

  /** A self-signed certificate for localhost and its PKCS#8 key, as PEM files (JDK keytool). */
  private Path[] selfSigned() throws Exception {
    Path store = work.resolve("server.p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-dname", "CN=localhost", "-validity", "2",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("keytool").isTrue();
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (java.io.InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    java.util.Base64.Encoder b64 = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'});
    Path cert = Files.writeString(work.resolve("server.crt"), "-----BEGIN CERTIFICATE-----\n"
        + b64.encodeToString(ks.getCertificate("server").getEncoded()) + "\n-----END CERTIFICATE-----\n");
    Path key = Files.writeString(work.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\n"
        + b64.encodeToString(ks.getKey("server", "changeit".toCharArray()).getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    return new Path[] {cert, key};
  }
}
