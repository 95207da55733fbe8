package io.phantomdb.kernel.sql.role;

import io.phantomdb.kernel.sql.Results;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.RoleDescriptor;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.WriteBatch;
import io.phantomdb.sql.parser.ddl.SqlAlterRole;
import io.phantomdb.sql.parser.ddl.SqlCreateRole;
import io.phantomdb.sql.parser.ddl.SqlDropRole;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE ROLE | USER, ALTER ROLE | USER (options, PASSWORD, RENAME TO) and DROP ROLE | USER [IF
 * EXISTS], with PostgreSQL 15's checks, privileges (CREATEROLE, superuser) and messages. Each
 * statement is one catalog change. Role membership and GRANT are not built.
 */
public final class RoleExecutor {
  private final CatalogStore catalog;
  private final String sessionUser;
  private final ZoneId zone;

  /**
   * @param catalog the catalog
   * @param sessionUser the name of the role the session runs as (current_user = session_user:
   *     SET ROLE is not built)
   * @param zone the session time zone, for VALID UNTIL
   */
  public RoleExecutor(CatalogStore catalog, String sessionUser, ZoneId zone) {
    this.catalog = catalog;
    this.sessionUser = sessionUser;
    this.zone = zone;
  }

  /**
   * @param node a parsed statement
   * @return whether {@link #execute} runs it
   */
  public static boolean handles(SqlNode node) {
    return node instanceof SqlCreateRole || node instanceof SqlAlterRole || node instanceof SqlDropRole;
  }

  /**
   * @param node a role statement
   * @return its command tag
   * @throws SqlException 42710 (exists), 42704 (does not exist), 42939 (reserved name), 42501
   *     (privilege), 55006 (dropping the current user), 0A000 (renaming the session user), 42601
   *     (options), 22023 (connection limit)
   */
  public StatementResult execute(SqlNode node) {
    try (CatalogStore.Change change = catalog.change()) {
      CatalogSnapshot cat = change.view();
      RoleDescriptor me = cat.role(sessionUser).orElse(null);
      String tag;
      if (node instanceof SqlCreateRole create) {
        create(create, change, me);
        tag = "CREATE ROLE"; // CREATE USER answers CREATE ROLE too
      } else if (node instanceof SqlAlterRole alter) {
        alter(alter, change, me);
        tag = "ALTER ROLE";
      } else {
        if (!drop((SqlDropRole) node, change, me)) {
          return Results.command("DROP ROLE", 0);
        }
        tag = "DROP ROLE";
      }
      change.commit(new WriteBatch());
      return Results.command(tag, 0);
    }
  }

  private void create(SqlCreateRole create, CatalogStore.Change change, RoleDescriptor me) {
    String name = create.name().getSimple();
    checkReserved(name);
    RoleOptions o = RoleOptions.parse(create.options().getList());
    if (!superuser(me)) {
      if (me == null || !me.createRole()) {
        throw denied("permission denied to create role");
      }
      if (o.flag("superuser", false)) {
        throw denied("must be superuser to create superusers");
      }
    }
    if (change.view().role(name).isPresent()) {
      throw new SqlException(SqlState.DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
    }
    change.put(new RoleDescriptor(change.newId(), name, o.flag("superuser", false), o.flag("inherit", true),
        o.flag("createrole", false), o.flag("createdb", false), o.flag("login", create.isUser()),
        o.flag("replication", false), o.flag("bypassrls", false), connectionLimit(o, -1),
        password(o, null), validUntil(o, null)));
  }

  private void alter(SqlAlterRole alter, CatalogStore.Change change, RoleDescriptor me) {
    String name = alter.name().getSimple();
    RoleDescriptor r = change.view().role(name).orElseThrow(() -> missing(name));
    if (alter.newName() != null) {
      rename(r, alter.newName().getSimple(), change, me);
      return;
    }
    RoleOptions o = RoleOptions.parse(alter.options().getList());
    boolean onlyOwnPassword = r.name().equals(sessionUser) && !o.has("superuser") && !o.has("login")
        && !o.has("createdb") && !o.has("createrole") && !o.has("replication") && !o.has("bypassrls")
        && !o.has("inherit") && !o.has("connectionlimit") && !o.has("validuntil");
    if (!superuser(me)) {
      if (r.superuser() || o.has("superuser")) {
        throw denied("must be superuser to alter superuser roles or change superuser attribute");
      }
      if (!onlyOwnPassword && (me == null || !me.createRole())) {
        throw denied("permission denied");
      }
    }
    change.put(new RoleDescriptor(r.id(), r.name(), o.flag("superuser", r.superuser()), o.flag("inherit", r.inherit()),
        o.flag("createrole", r.createRole()), o.flag("createdb", r.createDb()), o.flag("login", r.login()),
        o.flag("replication", r.replication()), o.flag("bypassrls", r.bypassRls()),
        connectionLimit(o, r.connectionLimit()), password(o, r.password()), validUntil(o, r.validUntil())));
  }

  private void rename(RoleDescriptor r, String to, CatalogStore.Change change, RoleDescriptor me) {
    if (r.name().equals(sessionUser)) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
    }
    checkReserved(to);
    if (change.view().role(to).isPresent()) {
      throw new SqlException(SqlState.DUPLICATE_OBJECT, "role \"" + to + "\" already exists");
    }
    if (!superuser(me)) {
      if (r.superuser()) {
        throw denied("must be superuser to rename superusers");
      }
      if (me == null || !me.createRole()) {
        throw denied("permission denied to rename role");
      }
    }
    RoleDescriptor renamed = r.withName(to);
    // an MD5 secret hashes the name with the password, so PostgreSQL clears it ("MD5 password
    // cleared because of role rename"); a SCRAM secret stays valid
    if (renamed.password() != null && renamed.password().startsWith("md5")) {
      renamed = renamed.withPassword(null);
    }
    change.put(renamed);
  }

  /** @return false if IF EXISTS skipped every name (nothing to commit) */
  private boolean drop(SqlDropRole drop, CatalogStore.Change change, RoleDescriptor me) {
    boolean any = false;
    for (SqlNode n : drop.names()) {
      String name = ((SqlIdentifier) n).getSimple();
      RoleDescriptor r = change.view().role(name).orElse(null);
      if (r == null) {
        if (drop.ifExists()) {
          continue; // PostgreSQL: NOTICE role "x" does not exist, skipping
        }
        throw missing(name);
      }
      if (!superuser(me)) {
        if (me == null || !me.createRole()) {
          throw denied("permission denied to drop role");
        }
        if (r.superuser()) {
          throw denied("must be superuser to drop superusers");
        }
      }
      if (r.name().equals(sessionUser)) {
        throw new SqlException(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
      }
      if (r.id() == RoleDescriptor.BOOTSTRAP_ID) {
        throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop role " + r.name()
            + " because it is required by the database system");
      }
      change.delete(r);
      any = true;
    }
    return any;
  }

  private static boolean superuser(RoleDescriptor me) {
    return me != null && me.superuser();
  }

  private static void checkReserved(String name) {
    if (name.equals("public") || name.equals("none")) {
      throw new SqlException(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved");
    }
    if (name.startsWith("pg_")) {
      throw new SqlException(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved",
          "Role names starting with \"pg_\" are reserved.", null, null);
    }
  }

  private static int connectionLimit(RoleOptions o, int otherwise) {
    if (!o.has("connectionlimit")) {
      return otherwise;
    }
    int limit = (Integer) o.get("connectionlimit");
    if (limit < -1) {
      throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid connection limit: " + limit);
    }
    return limit;
  }

  /** PASSWORD: NULL or '' clear it, a secret is kept as given, clear text is hashed (SCRAM). */
  private static String password(RoleOptions o, String otherwise) {
    if (!o.has("password")) {
      return otherwise;
    }
    Object p = o.get("password");
    if (p == RoleOptions.NULL || ((String) p).isEmpty()) {
      return null; // '' : PostgreSQL's NOTICE "empty string is not a valid password, clearing password"
    }
    String password = (String) p;
    return ScramSecret.isSecret(password) ? password : ScramSecret.of(password);
  }

  private String validUntil(RoleOptions o, String otherwise) {
    if (!o.has("validuntil")) {
      return otherwise;
    }
    String text = ((String) o.get("validuntil")).trim();
    if (text.toLowerCase(Locale.ROOT).equals("infinity")) {
      return "infinity";
    }
    Instant at = (Instant) TextCodec.parse(text, DataType.of(TypeKind.TIMESTAMPTZ), zone);
    return at.toString();
  }

  private static SqlException missing(String name) {
    return new SqlException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
  }

  private static SqlException denied(String message) {
    return new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, message);
  }
}
