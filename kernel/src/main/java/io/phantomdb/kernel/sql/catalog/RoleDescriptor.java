package io.phantomdb.kernel.sql.catalog;

import jakarta.annotation.Nullable;

/**
 * A role, as PostgreSQL's {@code pg_authid}: cluster-wide (not per database). Its id is its OID.
 *
 * @param id its id (the bootstrap superuser {@code postgres} has {@link #BOOTSTRAP_ID}, as in
 *     PostgreSQL)
 * @param name its name
 * @param superuser {@code SUPERUSER}
 * @param inherit {@code INHERIT} (always true: role membership is not built)
 * @param createRole {@code CREATEROLE}
 * @param createDb {@code CREATEDB}
 * @param login {@code LOGIN}: may be named when a client connects
 * @param replication {@code REPLICATION}
 * @param bypassRls {@code BYPASSRLS}
 * @param connectionLimit {@code CONNECTION LIMIT}, -1 for none (stored, not enforced here)
 * @param password the password secret ({@code SCRAM-SHA-256$...} or {@code md5...}), or null
 * @param validUntil {@code VALID UNTIL} as an ISO-8601 instant, {@code infinity}, or null
 */
public record RoleDescriptor(
    int id,
    String name,
    boolean superuser,
    boolean inherit,
    boolean createRole,
    boolean createDb,
    boolean login,
    boolean replication,
    boolean bypassRls,
    int connectionLimit,
    @Nullable String password,
    @Nullable String validUntil)
    implements CatalogObject {

  /** The id (OID) of the bootstrap superuser, as PostgreSQL's {@code BOOTSTRAP_SUPERUSERID}. */
  public static final int BOOTSTRAP_ID = 10;

  /** The name of the bootstrap superuser of a new data directory. */
  public static final String BOOTSTRAP_NAME = "postgres";

  @Override
  public ObjectKind kind() {
    return ObjectKind.ROLE;
  }

  /**
   * @param newName the new name
   * @return a renamed copy
   */
  public RoleDescriptor withName(String newName) {
    return new RoleDescriptor(id, newName, superuser, inherit, createRole, createDb, login, replication,
        bypassRls, connectionLimit, password, validUntil);
  }

  /**
   * @param newPassword the new secret, or null
   * @return a copy with that password
   */
  public RoleDescriptor withPassword(@Nullable String newPassword) {
    return new RoleDescriptor(id, name, superuser, inherit, createRole, createDb, login, replication,
        bypassRls, connectionLimit, newPassword, validUntil);
  }
}
