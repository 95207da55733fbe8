package io.phantomdb.kernel.sql;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Optional;

/**
 * The roles a protocol server authenticates against ({@link SqlEngine#roles()}): what a client
 * that names a role when it connects may do. Reads the latest committed catalog; thread-safe.
 *
 * <p>A server checks, in order: the role exists and {@link Role#canLogin()} (else 28000 {@code
 * role "x" does not exist} / {@code role "x" is not permitted to log in}); the password against
 * {@link Role#passwordSecret()} (SCRAM-SHA-256 exchange for a {@code SCRAM-SHA-256$...} secret, MD5
 * for an {@code md5...} one; no secret means password authentication fails, as in PostgreSQL);
 * {@link Role#validUntil()}; then opens the session with {@link SqlEngine#newSession(String,
 * String)}.
 */
public interface Roles {

  /**
   * @param name a role name, exactly as the client sent it (case-sensitive)
   * @return the role, or empty if there is none of that name
   */
  Optional<Role> find(String name);

  /**
   * One role as authentication sees it.
   *
   * @param name its name
   * @param canLogin LOGIN: may be named when connecting
   * @param superuser SUPERUSER
   * @param passwordSecret the stored secret ({@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:
   *     <ServerKey>}, or {@code md5} + 32 hex digits when given so), or null when the role has no
   *     password
   * @param validUntil when the password stops being valid, or null for never
   * @param connectionLimit the most concurrent connections the role may have, -1 for no limit
   *     (the server enforces it)
   */
  record Role(String name, boolean canLogin, boolean superuser, @Nullable String passwordSecret,
      @Nullable Instant validUntil, int connectionLimit) {}
}
