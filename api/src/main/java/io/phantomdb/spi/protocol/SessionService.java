package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.Optional;

/**
 * The kernel's side of the protocol SPI: who may log in, and sessions for those who did.
 * Implemented by the kernel, called by protocol servers.
 *
 * <p><b>Threading:</b> thread-safe; every connection calls it from its own thread.
 */
@Experimental
public interface SessionService {

  /**
   * The role a client names at start-up, for authentication.
   *
   * @param name the role name, exactly as the client sent it (case matters, as in PostgreSQL)
   * @return the role, or empty if there is none with that name (PostgreSQL answers 28000 {@code
   *     role "x" does not exist} for that; a server should not tell a password failure from a
   *     missing role to the client)
   */
  Optional<Role> role(String name);

  /**
   * Opens a session for an authenticated client.
   *
   * @param request who, on which database, with which start-up settings
   * @return the session, owned by the caller, who closes it when the connection ends
   * @throws SqlErrorException 3D000 if the database does not exist, 28000 if the role may not log
   *     in, 42704 / 22023 / 0A000 for a start-up setting that is unknown or has a bad value; the
   *     server reports it as a FATAL error and closes the connection
   */
  ProtocolSession open(SessionRequest request);
}
