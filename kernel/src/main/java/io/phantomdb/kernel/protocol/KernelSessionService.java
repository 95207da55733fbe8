package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.spi.protocol.ProtocolSession;
import io.phantomdb.spi.protocol.Role;
import io.phantomdb.spi.protocol.SessionRequest;
import io.phantomdb.spi.protocol.SessionService;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kernel's {@link SessionService}: sessions of an {@link SqlEngine}, and the roles that may
 * log in. Until the kernel has roles ({@code CREATE ROLE}), there is exactly one, {@code
 * postgres}, a superuser without a password (only trust authentication lets it in).
 */
public final class KernelSessionService implements SessionService {
  /** The one role the kernel knows until it has CREATE ROLE. */
  public static final Role POSTGRES = new Role("postgres", true, true, Optional.empty());

  private final SqlEngine engine;
  private final Function<String, Optional<Role>> roles;

  /**
   * Sessions of an engine, with the built-in role {@code postgres}.
   *
   * @param engine the SQL engine
   */
  public KernelSessionService(SqlEngine engine) {
    this(engine, name -> name.equals(POSTGRES.name()) ? Optional.of(POSTGRES) : Optional.empty());
  }

  /**
   * Sessions of an engine with the roles a directory gives.
   *
   * @param engine the SQL engine
   * @param roles the role of a name, or empty
   */
  public KernelSessionService(SqlEngine engine, Function<String, Optional<Role>> roles) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.roles = Objects.requireNonNull(roles, "roles");
  }

  @Override
  public Optional<Role> role(String name) {
    return roles.apply(Objects.requireNonNull(name, "name"));
  }

  @Override
  public ProtocolSession open(SessionRequest request) {
    Session session;
    try {
      session = engine.newSession(request.database());
    } catch (RuntimeException e) {
      throw Errors.of(e);
    }
    try {
      for (Map.Entry<String, String> s : request.settings().entrySet()) {
        session.setStartupSetting(s.getKey(), startupValue(s.getKey(), s.getValue()));
      }
    } catch (RuntimeException e) {
      session.close();
      throw Errors.of(e);
    }
    return new KernelProtocolSession(session, request.backendPid());
  }

  /** PostgreSQL takes {@code client_encoding=auto} (psql sends it) as the locale's: UTF8 here. */
  private static String startupValue(String name, String value) {
    return name.equalsIgnoreCase("client_encoding") && value.equalsIgnoreCase("auto") ? "UTF8" : value;
  }
}
