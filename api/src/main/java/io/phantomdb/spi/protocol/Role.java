package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.Objects;
import java.util.Optional;

/**
 * A role as authentication needs it.
 *
 * @param name the role's name
 * @param canLogin whether it may log in (PostgreSQL's {@code rolcanlogin}); a server refuses a role
 *     that may not with 28000 {@code role "x" is not permitted to log in}
 * @param superuser whether it is a superuser ({@code is_superuser} reports it)
 * @param password the stored secret in PostgreSQL's {@code pg_authid.rolpassword} format: {@code
 *     SCRAM-SHA-256$<iterations>:<salt base64>$<StoredKey base64>:<ServerKey base64>} or {@code
 *     md5<32 hex digits>} (md5 of the password followed by the role name); empty for a role without
 *     a password, which only trust authentication lets in
 */
@Experimental
public record Role(String name, boolean canLogin, boolean superuser, Optional<String> password) {

  /** Checks the components. */
  public Role {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password");
  }
}
