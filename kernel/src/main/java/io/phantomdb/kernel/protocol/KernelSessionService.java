package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.Roles;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.Role;
import io.phantomdb.spi.protocol.SessionRequest;
import io.phantomdb.spi.protocol.SessionService;
import io.phantomdb.spi.protocol.SqlErrorException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The kernel's {@link SessionService}: sessions of an {@link SqlEngine}, and its roles ({@code
 * CREATE ROLE}, {@link SqlEngine#roles()}) as authentication sees them.
 *
 * <p>As in PostgreSQL: a role whose {@code VALID UNTIL} has passed is given to the server without
 * its password, so password authentication fails (28P01) while trust still lets it in; a session
 * opens as the role ({@code current_user}, {@code session_user}), and fails with 53300 {@code too
 * many connections for role "x"} beyond the role's {@code CONNECTION LIMIT} (superusers are
 * exempt).
 */
public final class KernelSessionService implements SessionService {
  private final SqlEngine engine;
  private final Clock clock;

  /**
   * Sessions of an engine, as its roles.
   *
   * @param engine the SQL engine
   */
  public KernelSessionService(SqlEngine engine) {
    this(engine, Clock.systemUTC());
  }

  /**
   * Sessions of an engine, with the clock {@code VALID UNTIL} is checked against.
   *
   * @param engine the SQL engine
   * @param clock the clock
   */
  public KernelSessionService(SqlEngine engine, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Role> role(String name) {
    return engine.roles().find(Objects.requireNonNull(name, "name")).map(this::toRole);
  }

  private Role toRole(Roles.Role r) {
    boolean expired = r.validUntil() != null && clock.instant().isAfter(r.validUntil());
    Optional<String> secret = expired ? Optional.empty() : Optional.ofNullable(r.passwordSecret());
    return new Role(r.name(), r.canLogin(), r.superuser(), secret);
  }

  @Override
  public ProtocolSession open(SessionRequest request) {
    Session session;
    try {
      session = engine.newSession(request.user(), request.database());
    } catch (RuntimeException e) {
      throw Errors.of(e);
    }
    try {
      checkConnectionLimit(request.user());
      session.setBackendPid(request.backendPid());
      for (Map.Entry<String, String> s : request.settings().entrySet()) {
        session.setStartupSetting(s.getKey(), startupValue(s.getKey(), s.getValue()));
      }
    } catch (RuntimeException e) {
      session.close();
      throw Errors.of(e);
    }
    return new KernelProtocolSession(session, request.backendPid());
  }

  /** After the session counts: more sessions than the limit, as PostgreSQL counts them, fail. */
  private void checkConnectionLimit(String user) {
    Optional<Roles.Role> role = engine.roles().find(user);
    if (role.isEmpty() || role.get().superuser() || role.get().connectionLimit() < 0) {
      return;
    }
    if (engine.sessionsOf(user) > role.get().connectionLimit()) {
      throw new SqlErrorException("53300", "too many connections for role \"" + user + "\"");
    }
  }

  /** PostgreSQL takes {@code client_encoding=auto} (psql sends it) as the locale's: UTF8 here. */
  private static String startupValue(String name, String value) {
    return name.equalsIgnoreCase("client_encoding") && value.equalsIgnoreCase("auto") ? "UTF8" : value;
  }
}
