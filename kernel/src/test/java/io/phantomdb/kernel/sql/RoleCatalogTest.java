package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles and OIDs are catalog objects: they survive a restart unchanged; sessions run as a role;
 * the privileges of CREATE/ALTER/DROP ROLE; the {@link Roles} lookup the protocol layer uses.
 */
class RoleCatalogTest {
  @TempDir
  Path dir;

  /** @return the storage engine these tests run on */
  protected String storage() {
    return "memory";
  }

  private static List<String> column(Session s, String sql) {
    List<String> out = new ArrayList<>();
    try (StatementResult r = s.execute(sql)) {
      for (Object[] row = r.next(); row != null; row = r.next()) {
        out.add(String.valueOf(row[0]));
      }
    }
    return out;
  }

  @Test
  void rolesAndOidsSurviveRestart() {
    String secret;
    List<String> oids;
    try (StorageEngine storage = TestStorage.open(storage(), dir);
        SqlEngine engine = SqlEngine.open(storage);
        Session s = engine.newSession()) {
      s.execute("CREATE ROLE app LOGIN PASSWORD 'pw' CONNECTION LIMIT 3 VALID UNTIL '2031-02-03 04:05:06+00'").close();
      s.execute("CREATE TABLE t (a INT PRIMARY KEY, b TEXT UNIQUE, CHECK (a > 0))").close();
      s.execute("CREATE INDEX t_b2 ON t (b)").close();
      secret = engine.roles().find("app").orElseThrow().passwordSecret();
      oids = column(s, "SELECT oid || '-' || relname FROM pg_class WHERE relnamespace = 2200 ORDER BY oid");
      oids.addAll(column(s, "SELECT oid || '-' || conname FROM pg_constraint ORDER BY oid"));
    }
    try (StorageEngine storage = TestStorage.open(storage(), dir);
        SqlEngine engine = SqlEngine.open(storage);
        Session s = engine.newSession()) {
      Roles.Role app = engine.roles().find("app").orElseThrow();
      assertThat(app.canLogin()).isTrue();
      assertThat(app.superuser()).isFalse();
      assertThat(app.passwordSecret()).isEqualTo(secret).startsWith("SCRAM-SHA-256$4096:");
      assertThat(app.connectionLimit()).isEqualTo(3);
      assertThat(app.validUntil()).isEqualTo(java.time.Instant.parse("2031-02-03T04:05:06Z"));
      List<String> again = column(s, "SELECT oid || '-' || relname FROM pg_class WHERE relnamespace = 2200 ORDER BY oid");
      again.addAll(column(s, "SELECT oid || '-' || conname FROM pg_constraint ORDER BY oid"));
      assertThat(again).isEqualTo(oids).contains("16385-t");
      // renaming an index keeps its OID
      s.execute("ALTER INDEX t_b2 RENAME TO t_b3").close();
      assertThat(column(s, "SELECT oid FROM pg_class WHERE relname = 't_b3'"))
          .containsExactlyElementsOf(oids.stream().filter(o -> o.endsWith("-t_b2")).map(o -> o.split("-")[0]).toList());
    }
  }

  @Test
  void sessionsRunAsARole() {
    try (StorageEngine storage = TestStorage.open(storage(), dir);
        SqlEngine engine = SqlEngine.open(storage);
        Session admin = engine.newSession()) {
      admin.execute("CREATE ROLE alice LOGIN").close();
      admin.execute("CREATE SCHEMA alice").close();
      try (Session alice = engine.newSession("alice", "postgres")) {
        assertThat(alice.user()).isEqualTo("alice");
        assertThat(column(alice, "SELECT current_user || '-' || session_user || '-' || current_role"))
            .containsExactly("alice-alice-alice");
        assertThat(alice.setting("is_superuser")).isEqualTo("off");
        assertThat(alice.setting("session_authorization")).isEqualTo("alice");
        // "$user" in the search path is the session's role
        assertThat(column(alice, "SELECT current_schema")).containsExactly("alice");
        assertThatThrownBy(() -> alice.execute("CREATE ROLE bob"))
            .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"));
        assertThatThrownBy(() -> alice.execute("DROP ROLE alice"))
            .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"));
        // anyone may change their own password
        alice.execute("ALTER ROLE alice PASSWORD 'new'").close();
        assertThat(engine.roles().find("alice").orElseThrow().passwordSecret()).startsWith("SCRAM-SHA-256$");
        admin.execute("ALTER ROLE alice CREATEROLE").close();
        alice.execute("CREATE ROLE bob").close();
        assertThatThrownBy(() -> alice.execute("CREATE ROLE carol SUPERUSER"))
            .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.getMessage())
                .contains("must be superuser to create superusers"));
        assertThatThrownBy(() -> alice.execute("ALTER ROLE alice RENAME TO alicia"))
            .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
        assertThatThrownBy(() -> alice.execute("DROP ROLE alice"))
            .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("55006"));
      }
      assertThat(engine.roles().find("bob").orElseThrow().canLogin()).isFalse();
      assertThat(engine.roles().find("nobody")).isEmpty();
      assertThatThrownBy(() -> engine.newSession("nobody", "postgres"))
          .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("28000"));
      assertThatThrownBy(() -> engine.newSession("alice", "nodb"))
          .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo("3D000"));
    }
  }

  @Test
  void backendPidIsPerSessionAndSettable() {
    try (StorageEngine storage = TestStorage.open(storage(), dir);
        SqlEngine engine = SqlEngine.open(storage);
        Session a = engine.newSession();
        Session b = engine.newSession()) {
      assertThat(a.backendPid()).isNotEqualTo(b.backendPid());
      a.setBackendPid(4242);
      assertThat(column(a, "SELECT pg_backend_pid()")).containsExactly("4242");
    }
  }
}
