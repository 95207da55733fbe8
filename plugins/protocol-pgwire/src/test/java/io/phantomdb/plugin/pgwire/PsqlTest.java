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

/** psql (libpq) against the server: a one-liner and a script with ON_ERROR_STOP. */
class PsqlTest {
  @TempDir Path dir;
  KernelServer server;

  @BeforeEach
  void start() {
    server = new KernelServer(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** What a psql run did. */
  record Result(int code, String out, String err) {}

  private Result psql(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(server.port),
        "-U", "postgres"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("psql ends").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void selectOne() throws Exception {
    Result r = psql("-c", "select 1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n");
  }

  @Test
  void aScriptStopsAtItsFirstError() throws Exception {
    Path script = Files.writeString(dir.resolve("s.sql"), String.join("\n",
        "CREATE TABLE k (id INTEGER PRIMARY KEY, v TEXT);",
        "INSERT INTO k VALUES (1, 'a'), (2, 'b');",
        "BEGIN;",
        "UPDATE k SET v = 'z' WHERE id = 2;",
        "COMMIT;",
        "SELECT id, v FROM k ORDER BY id;",
        "SELECT 1/0;",
        "SELECT 'never';",
        ""));
    Result r = psql("-v", "ON_ERROR_STOP=1", "--no-align", "--tuples-only", "-f", script.toString());
    assertThat(r.code()).isEqualTo(3); // psql: a script stopped by ON_ERROR_STOP
    assertThat(r.out()).isEqualTo("CREATE TABLE\nINSERT 0 2\nBEGIN\nUPDATE 1\nCOMMIT\n1|a\n2|z\n");
    assertThat(r.err()).contains("ERROR:  division by zero").doesNotContain("never");
  }

  @Test
  void startupOptionsBecomeSessionSettings() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(server.port),
        "-U", "postgres", "--no-align", "--tuples-only", "-c", "SHOW search_path", "-c", "SHOW application_name");
    pb.environment().put("PGOPTIONS", "-c search_path=abc,public");
    pb.environment().put("PGAPPNAME", "my app");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo("abc,public\nmy app\n"); // kept as given, as PostgreSQL keeps it
  }
}
