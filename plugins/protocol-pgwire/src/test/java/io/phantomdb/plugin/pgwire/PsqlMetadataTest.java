package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql 15's describe commands against the server: every query they send must run, and the
 * output must show what PostgreSQL 15 shows for the same table (checked line by line against a
 * PostgreSQL 15 run of the same commands).
 */
class PsqlMetadataTest {
  @TempDir Path dir;
  KernelServer server;

  @BeforeEach
  void start() throws Exception {
    server = new KernelServer(dir.resolve("data"));
    String out = psql("-v", "ON_ERROR_STOP=1", "-c",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', note VARCHAR(20), n INTEGER UNIQUE)",
        "-c", "CREATE UNIQUE INDEX t_name_idx ON t (name)");
    assertThat(out).contains("CREATE INDEX");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String psql(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(server.port),
        "-U", "postgres", "-d", "postgres"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectErrorStream(true);
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    pb.environment().put("COLUMNS", "200");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("psql ends").isTrue();
    String text = Files.readString(out);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text).as("no query failed").doesNotContain("ERROR");
    return text;
  }

  @Test
  void describeTableShowsColumnsAndIndexes() throws Exception {
    String out = psql("-v", "ON_ERROR_STOP=1", "-c", "\\d t");
    assertThat(out).contains(
        "                         Table \"public.t\"\n"
            + " Column |         Type          | Collation | Nullable |  Default  \n"
            + "--------+-----------------------+-----------+----------+-----------\n"
            + " id     | integer               |           | not null | \n"
            + " name   | text                  |           | not null | 'x'::text\n"
            + " note   | character varying(20) |           |          | \n"
            + " n      | integer               |           |          | \n"
            + "Indexes:\n"
            + "    \"t_pkey\" PRIMARY KEY, btree (id)\n"
            + "    \"t_n_key\" UNIQUE CONSTRAINT, btree (n)\n"
            + "    \"t_name_idx\" UNIQUE, btree (name)\n");
  }

  @Test
  void describeTablePlusShowsStorage() throws Exception {
    String out = psql("-v", "ON_ERROR_STOP=1", "-c", "\\d+ t");
    assertThat(out).contains("| Storage  | Compression | Stats target | Description")
        .contains(" id     | integer               |           | not null |           | plain    |")
        .contains(" name   | text                  |           | not null | 'x'::text | extended |")
        .contains("    \"t_pkey\" PRIMARY KEY, btree (id)\n")
        .contains("Access method: heap");
  }

  @Test
  void listRoles() throws Exception {
    String out = psql("-v", "ON_ERROR_STOP=1", "-c", "CREATE ROLE reader LOGIN", "-c", "\\du");
    assertThat(out).contains("List of roles")
        .contains(" Role name |                         Attributes                         | Member of \n")
        .contains(" postgres  | Superuser, Create role, Create DB, Replication, Bypass RLS | {}\n")
        .contains(" reader    |                                                            | {}\n");
  }

  @Test
  void listRelationsSchemasAndDatabases() throws Exception {
    String out = psql("-v", "ON_ERROR_STOP=1", "-c", "\\dt", "-c", "\\di", "-c", "\\dn", "-c", "\\l");
    assertThat(out).contains(" public | t    | table | postgres\n")
        .contains(" public | t_pkey     | index | postgres | t\n")
        .contains(" public | t_name_idx | index | postgres | t\n")
        .contains(" public | postgres\n")
        .contains("List of databases")
        .contains(" postgres |");
  }
}
