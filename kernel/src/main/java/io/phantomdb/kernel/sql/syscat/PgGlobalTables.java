package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.catalog.DatabaseDescriptor;
import io.phantomdb.kernel.sql.catalog.RoleDescriptor;
import io.phantomdb.kernel.sql.expr.SessionContext;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The pg_catalog tables that do not list relations: pg_database, the role tables (pg_authid,
 * pg_roles, pg_user), pg_settings, pg_type, pg_am, pg_proc, pg_tablespace, pg_collation, and
 * tables PhantomDB has nothing for (pg_description, pg_inherits, pg_auth_members, pg_trigger,
 * pg_policy, pg_statistic_ext, pg_publication, pg_publication_namespace, pg_publication_rel,
 * pg_extension: empty).
 */
final class PgGlobalTables {
  private static final int OWNER = 10;

  /** Functions clients look up: PostgreSQL 15's OID, name, argument count, result type OID. */
  private static final Object[][] PROCS = {
      {89, "version", 0, 25}, {861, "current_database", 0, 19}, {1402, "current_schema", 0, 19},
      {745, "current_user", 0, 19}, {746, "session_user", 0, 19}, {2026, "pg_backend_pid", 0, 23},
      {1299, "now", 0, 1184}, {1081, "format_type", 2, 25}, {1642, "pg_get_userbyid", 1, 19},
      {2079, "pg_table_is_visible", 1, 16}, {1643, "pg_get_indexdef", 1, 25}, {1387, "pg_get_constraintdef", 1, 25},
      {1716, "pg_get_expr", 2, 25}, {1215, "obj_description", 2, 25}, {1216, "col_description", 2, 25},
      {1927, "has_table_privilege", 2, 16}, {395, "array_to_string", 2, 25}, {1597, "pg_encoding_to_char", 1, 19},
      {1574, "nextval", 1, 20}, {1575, "currval", 1, 20}, {1576, "setval", 2, 20}, {2559, "lastval", 0, 20},
      {2147, "count", 1, 20}, {2108, "sum", 1, 20}, {2116, "max", 1, 23}, {2132, "min", 1, 23}, {2101, "avg", 1, 1700},
      {870, "lower", 1, 25}, {871, "upper", 1, 25}, {1317, "length", 1, 23}, {2049, "to_char", 2, 25},
      {2077, "current_setting", 1, 25}, {2171, "pg_cancel_backend", 1, 16}, {3060, "pg_is_in_recovery", 0, 16},
  };

  private PgGlobalTables() {}

  static List<SystemTable> all() {
    return List.of(database(), authid(), roles(), user(), settings(), type(), am(), proc(), tablespace(), collation(),
        empty("pg_description", 2609, b -> b.oid("objoid", "classoid").col(TypeKind.INTEGER, "objsubid").text("description")),
        empty("pg_inherits", 2611, b -> b.oid("inhrelid", "inhparent").col(TypeKind.INTEGER, "inhseqno").bool("inhdetachpending")),
        empty("pg_auth_members", 1261, b -> b.oid("roleid", "member", "grantor").bool("admin_option")),
        empty("pg_trigger", 2620, b -> b.oid("oid", "tgrelid", "tgparentid").text("tgname").oid("tgfoid")
            .col(TypeKind.SMALLINT, "tgtype").text("tgenabled").bool("tgisinternal").oid("tgconstrrelid", "tgconstrindid",
                "tgconstraint").bool("tgdeferrable", "tginitdeferred")),
        empty("pg_policy", 3256, b -> b.oid("oid").text("polname").oid("polrelid").text("polcmd").bool("polpermissive")
            .col(TypeKind.INT4_ARRAY, "polroles").text("polqual", "polwithcheck")),
        empty("pg_statistic_ext", 3381, b -> b.oid("oid", "stxrelid").text("stxname").oid("stxnamespace", "stxowner")
            .col(TypeKind.INTEGER, "stxstattarget").col(TypeKind.INT2_ARRAY, "stxkeys").col(TypeKind.TEXT_ARRAY, "stxkind")
            .text("stxexprs")),
        empty("pg_publication", 6104, b -> b.oid("oid").text("pubname").oid("pubowner").bool("puballtables", "pubinsert",
            "pubupdate", "pubdelete", "pubtruncate", "pubviaroot")),
        empty("pg_publication_namespace", 6237, b -> b.oid("oid", "pnpubid", "pnnspid")),
        empty("pg_publication_rel", 6106, b -> b.oid("oid", "prpubid", "prrelid").text("prqual")
            .col(TypeKind.INT2_ARRAY, "prattrs")),
        empty("pg_extension", 3079, b -> b.oid("oid").text("extname").oid("extowner", "extnamespace").bool("extrelocatable")
            .text("extversion")));
  }

  private static SystemTable empty(String name, int oid, java.util.function.UnaryOperator<SystemTable.Builder> cols) {
    return cols.apply(SystemTable.builder(name, oid)).rows((s, rows) -> { });
  }

  private static SystemTable database() {
    return SystemTable.builder("pg_database", 1262).oid("oid").text("datname").oid("datdba").col(TypeKind.INTEGER, "encoding")
        .text("datlocprovider").bool("datistemplate", "datallowconn").col(TypeKind.INTEGER, "datconnlimit")
        .oid("dattablespace").text("datcollate", "datctype", "daticulocale", "datcollversion").col(TypeKind.TEXT_ARRAY, "datacl")
        .rows((s, rows) -> {
          for (DatabaseDescriptor d : s.catalog().databases().stream().sorted(Comparator.comparingInt(DatabaseDescriptor::id)).toList()) {
            rows.add(d.id(), d.name(), OWNER, 6, "c", false, true, -1, 1663, "C.UTF-8", "C.UTF-8", null, null, null);
          }
        });
  }

  private static List<RoleDescriptor> roleList(SessionContext s) {
    return s.catalog().roles().stream().sorted(Comparator.comparingInt(RoleDescriptor::id)).toList();
  }

  private static Instant validUntil(RoleDescriptor r) {
    // 'infinity' has no Instant: shown as NULL (no expiry, which is what it means)
    return r.validUntil() == null || r.validUntil().equals("infinity") ? null : Instant.parse(r.validUntil());
  }

  private static SystemTable authid() {
    return SystemTable.builder("pg_authid", 1260).oid("oid").text("rolname").bool("rolsuper", "rolinherit", "rolcreaterole",
            "rolcreatedb", "rolcanlogin", "rolreplication", "rolbypassrls").col(TypeKind.INTEGER, "rolconnlimit")
        .text("rolpassword").col(TypeKind.TIMESTAMPTZ, "rolvaliduntil")
        .rows((s, rows) -> {
          for (RoleDescriptor r : roleList(s)) {
            rows.add(r.id(), r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(), r.login(), r.replication(),
                r.bypassRls(), r.connectionLimit(), r.password(), validUntil(r));
          }
        });
  }

  private static SystemTable roles() {
    return SystemTable.builder("pg_roles", 12001).text("rolname").bool("rolsuper", "rolinherit", "rolcreaterole",
            "rolcreatedb", "rolcanlogin", "rolreplication").col(TypeKind.INTEGER, "rolconnlimit").text("rolpassword")
        .col(TypeKind.TIMESTAMPTZ, "rolvaliduntil").bool("rolbypassrls").text("rolconfig").oid("oid")
        .rows((s, rows) -> {
          for (RoleDescriptor r : roleList(s)) {
            rows.add(r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(), r.login(), r.replication(),
                r.connectionLimit(), "********", validUntil(r), r.bypassRls(), null, r.id());
          }
        });
  }

  private static SystemTable user() {
    return SystemTable.builder("pg_user", 12002).text("usename").oid("usesysid").bool("usecreatedb", "usesuper",
            "userepl", "usebypassrls").text("passwd").col(TypeKind.TIMESTAMPTZ, "valuntil").text("useconfig")
        .rows((s, rows) -> {
          for (RoleDescriptor r : roleList(s)) {
            if (r.login()) {
              rows.add(r.name(), r.id(), r.createDb(), r.superuser(), r.replication(), r.bypassRls(), "********",
                  validUntil(r), null);
            }
          }
        });
  }

  private static SystemTable settings() {
    return SystemTable.builder("pg_settings", 12003).text("name", "setting", "unit", "category", "short_desc",
            "extra_desc", "context", "vartype", "source", "min_val", "max_val", "enumvals", "boot_val", "reset_val",
            "sourcefile").col(TypeKind.INTEGER, "sourceline").bool("pending_restart")
        .rows((s, rows) -> {
          for (String[] p : s.allSettings()) {
            var param = io.phantomdb.kernel.sql.session.Parameters.find(p[0]);
            String boot = param == null ? p[1] : param.defaultValue();
            rows.add(p[0], p[1], null, "Ungrouped", p[2], null, "user", "string",
                p[1].equals(boot) ? "default" : "session", null, null, null, boot, p[1], null, null, false);
          }
        });
  }

  private static SystemTable type() {
    return SystemTable.builder("pg_type", 1247).oid("oid").text("typname").oid("typnamespace", "typowner")
        .col(TypeKind.SMALLINT, "typlen").bool("typbyval").text("typtype", "typcategory").bool("typispreferred", "typisdefined")
        .text("typdelim").oid("typrelid", "typsubscript", "typelem", "typarray").text("typinput", "typoutput", "typreceive",
            "typsend", "typmodin", "typmodout", "typanalyze", "typalign", "typstorage").bool("typnotnull").oid("typbasetype")
        .col(TypeKind.INTEGER, "typtypmod", "typndims").oid("typcollation").text("typdefaultbin", "typdefault", "typacl")
        .rows((s, rows) -> {
          for (PgTypes.PgType t : PgTypes.all()) {
            String io = t.elementOid() != 0 ? "array" : t.name();
            rows.add(t.oid(), t.name(), CatalogOids.PG_CATALOG, OWNER, t.length(), t.byValue(), String.valueOf(t.type()),
                String.valueOf(t.category()), t.oid() == 25 || t.oid() == 701 || t.oid() == 16, true, ",", 0, 0,
                t.elementOid(), t.arrayOid(), io + "_in", io + "_out", io + "_recv", io + "_send", "-", "-", "-",
                t.align(), t.length() == -1 ? "x" : "p", false, 0, -1, 0,
                t.category() == 'S' && t.oid() != 18 ? 100 : 0, null, null, null);
          }
        });
  }

  private static SystemTable am() {
    return SystemTable.builder("pg_am", 2601).oid("oid").text("amname", "amhandler", "amtype")
        .rows((s, rows) -> {
          rows.add(2, "heap", "heap_tableam_handler", "t");
          rows.add(403, "btree", "bthandler", "i");
          rows.add(405, "hash", "hashhandler", "i");
          rows.add(783, "gist", "gisthandler", "i");
          rows.add(2742, "gin", "ginhandler", "i");
          rows.add(4000, "spgist", "spghandler", "i");
          rows.add(3580, "brin", "brinhandler", "i");
        });
  }

  private static SystemTable proc() {
    return SystemTable.builder("pg_proc", 1255).oid("oid").text("proname").oid("pronamespace", "proowner", "prolang")
        .col(TypeKind.REAL, "procost", "prorows").oid("provariadic", "prosupport").text("prokind").bool("prosecdef",
            "proleakproof", "proisstrict", "proretset").text("provolatile", "proparallel").col(TypeKind.SMALLINT,
            "pronargs", "pronargdefaults").oid("prorettype").text("proargtypes", "proallargtypes", "proargmodes",
            "proargnames", "prosrc", "probin", "proacl")
        .rows((s, rows) -> {
          for (Object[] p : PROCS) {
            rows.add(p[0], p[1], CatalogOids.PG_CATALOG, OWNER, 12, 1, 0, 0, 0, "f", false, false, true, false, "s", "s",
                p[2], 0, p[3], "", null, null, null, p[1], null, null);
          }
        });
  }

  private static SystemTable tablespace() {
    return SystemTable.builder("pg_tablespace", 1213).oid("oid").text("spcname").oid("spcowner").text("spcacl", "spcoptions")
        .rows((s, rows) -> {
          rows.add(1663, "pg_default", OWNER, null, null);
          rows.add(1664, "pg_global", OWNER, null, null);
        });
  }

  private static SystemTable collation() {
    return SystemTable.builder("pg_collation", 3456).oid("oid").text("collname").oid("collnamespace", "collowner")
        .text("collprovider").bool("collisdeterministic").col(TypeKind.INTEGER, "collencoding").text("collcollate",
            "collctype")
        .rows((s, rows) -> {
          rows.add(100, "default", CatalogOids.PG_CATALOG, OWNER, "d", true, -1, null, null);
          rows.add(950, "C", CatalogOids.PG_CATALOG, OWNER, "c", true, -1, "C", "C");
          rows.add(951, "POSIX", CatalogOids.PG_CATALOG, OWNER, "c", true, -1, "POSIX", "POSIX");
        });
  }
}
