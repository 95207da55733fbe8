package io.phantomdb.plugin.pgwire;

import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.Role;
import io.phantomdb.spi.protocol.SessionRequest;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The start-up phase of a connection: SSLRequest without TLS configured and GSSENCRequest
 * (answered 'N'; with TLS, {@link FrameDecoder} answers SSLRequest and starts TLS), CancelRequest,
 * StartupMessage (refused in clear under {@code tls.required}), authentication (trust,
 * SCRAM-SHA-256, md5), and opening the kernel session (ParameterStatus, BackendKeyData,
 * ReadyForQuery).
 */
final class Login {
  private static final int SSL_REQUEST = 80877103;
  private static final int GSSENC_REQUEST = 80877104;
  private static final int CANCEL_REQUEST = 80877102;
  private static final SecureRandom RANDOM = new SecureRandom();

  private enum State { STARTUP, SASL_INITIAL, SASL_FINAL, MD5 }

  private final Connection connection;
  private final PgWireServer server;
  private State state = State.STARTUP;
  private String user;
  private String database;
  private Map<String, String> settings;
  private Optional<Role> role;
  private ScramSha256 scram;
  private byte[] md5Salt;
  /** An SSLRequest / GSSENCRequest was answered: another is a bad protocol version, as in PostgreSQL. */
  private boolean sslDone;
  private boolean gssDone;

  Login(Connection connection, PgWireServer server) {
    this.connection = connection;
    this.server = server;
  }

  void handle(PgMessage m) {
    MessageReader r = new MessageReader(m.payload());
    if (state == State.STARTUP) {
      if (m.type() != 0) {
        throw new ProtocolViolation("expected a startup message");
      }
      startup(r);
      return;
    }
    if (m.type() != 'p') {
      throw new ProtocolViolation("expected password response, got message type " + (char) m.type());
    }
    switch (state) {
      case SASL_INITIAL -> saslInitial(r);
      case SASL_FINAL -> saslFinal(m.payload());
      case MD5 -> md5(r);
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void startup(MessageReader r) {
    int code = r.int32();
    BackendWriter w = connection.writer();
    boolean tls = connection.tls();
    if ((code == SSL_REQUEST && !sslDone && !tls) || (code == GSSENC_REQUEST && !gssDone && !tls)) {
      sslDone |= code == SSL_REQUEST;
      gssDone |= code == GSSENC_REQUEST;
      w.refuseEncryption();
      w.flush();
      return;
    }
    if (code == CANCEL_REQUEST) {
      server.cancel(r.int32(), r.int32());
      connection.close();
      return;
    }
    if (code >>> 16 != 3) {
      throw new SqlErrorException("0A000", "unsupported frontend protocol " + (code >>> 16) + "." + (code & 0xFFFF)
          + ": server supports 3.0 to 3.0");
    }
    Map<String, String> params = new LinkedHashMap<>();
    while (true) {
      String name = r.cstring();
      if (name.isEmpty()) {
        break;
      }
      params.put(name, r.cstring());
    }
    user = params.remove("user");
    if (user == null || user.isEmpty()) {
      throw new SqlErrorException("28000", "no PostgreSQL user name specified in startup packet");
    }
    database = params.remove("database");
    if (database == null || database.isEmpty()) {
      database = user;
    }
    TlsSettings tlsSettings = server.options().tls();
    if (tlsSettings != null && tlsSettings.required() && !tls) {
      throw new SqlErrorException("28000", "no pg_hba.conf entry for host \"" + connection.remoteHost() + "\", user \""
          + user + "\", database \"" + database + "\", no encryption");
    }
    String options = params.remove("options");
    String replication = params.remove("replication");
    if (replication != null && !StartupOptions.isFalse(replication)) {
      throw new SqlErrorException("0A000", "replication connections are not supported");
    }
    params.keySet().removeIf(k -> k.startsWith("_pq_."));
    // as PostgreSQL's process_startup_options: the options' -c settings first, then the packet's
    // own parameters, so that TimeZone=x in the packet wins over options=-c TimeZone=y
    Map<String, String> ordered = new LinkedHashMap<>();
    if (options != null) {
      ordered.putAll(StartupOptions.parse(options));
    }
    params.keySet().forEach(ordered::remove);
    ordered.putAll(params);
    settings = ordered;
    if (!server.admit(connection)) {
      throw new SqlErrorException("53300", "sorry, too many clients already");
    }
    role = server.sessions().role(user);
    authenticate(server.options().authMode().forClient(connection.channel().remoteAddress()));
  }

  private void authenticate(AuthMode mode) {
    BackendWriter w = connection.writer();
    String secret = role.flatMap(Role::password).orElse(null);
    if (mode == AuthMode.TRUST) {
      finish();
    } else if (mode == AuthMode.MD5 && (secret == null || Md5Password.isMd5Secret(secret))) {
      md5Salt = new byte[4];
      RANDOM.nextBytes(md5Salt);
      w.authenticationMd5(md5Salt);
      w.flush();
      state = State.MD5;
    } else {
      scram = new ScramSha256(ScramSha256.Secret.parse(secret));
      w.authenticationSasl(ScramSha256.MECHANISM);
      w.flush();
      state = State.SASL_INITIAL;
    }
  }

  private void saslInitial(MessageReader r) {
    String mechanism = r.cstring();
    if (!mechanism.equals(ScramSha256.MECHANISM)) {
      throw new ProtocolViolation("client selected an invalid SASL authentication mechanism");
    }
    int length = r.int32();
    String data = length < 0 ? "" : new String(r.bytes(length), StandardCharsets.UTF_8);
    BackendWriter w = connection.writer();
    w.authenticationSaslData(11, scram.clientFirst(data));
    w.flush();
    state = State.SASL_FINAL;
  }

  private void saslFinal(byte[] payload) {
    String serverFinal = scram.clientFinal(new String(payload, StandardCharsets.UTF_8));
    if (serverFinal == null) {
      throw passwordFailed();
    }
    connection.writer().authenticationSaslData(12, serverFinal);
    finish();
  }

  private void md5(MessageReader r) {
    String response = r.cstring();
    if (!Md5Password.matches(role.flatMap(Role::password).orElse(null), md5Salt, response)) {
      throw passwordFailed();
    }
    finish();
  }

  private SqlErrorException passwordFailed() {
    return new SqlErrorException("28P01", "password authentication failed for user \"" + user + "\"");
  }

  /** Authenticated: checks the role, opens the session and tells the client it is ready. */
  private void finish() {
    if (role.isEmpty()) {
      throw new SqlErrorException("28000", "role \"" + user + "\" does not exist");
    }
    if (!role.get().canLogin()) {
      throw new SqlErrorException("28000", "role \"" + user + "\" is not permitted to log in");
    }
    BackendWriter w = connection.writer();
    w.authenticationOk();
    int pid = server.newPid();
    int secret = RANDOM.nextInt();
    String remote = String.valueOf(connection.channel().remoteAddress()).replaceFirst("^/", "");
    ProtocolSession session = server.sessions().open(new SessionRequest(user, database, settings, pid, remote));
    connection.loggedIn(session, pid, secret);
    w.parameterStatus(session.changedReportedSettings());
    w.backendKeyData(pid, secret);
    w.readyForQuery(session.transactionStatus());
    w.flush();
    connection.readyForQuery(session.transactionStatus());
  }
}
