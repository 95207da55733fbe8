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

/** COPY through psql: {@code \copy} from and to files, and COPY FROM STDIN fed by psql's input. */
class PsqlCopyTest {
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

  record Result(int code, String out, String err) {}

  private Result psql(Path stdin, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(server.port),
        "-U", "postgres", "-v", "ON_ERROR_STOP=1", "--no-align", "--tuples-only"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("psql ends").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void backslashCopyFromACsvFileWithAHeaderAndBackToText() throws Exception {
    Path csv = Files.writeString(dir.resolve("in.csv"),
        "id,name,note\n1,alice,\"hello, world\"\n2,bob,\n3,\"multi\nline\",\"\"\"quoted\"\"\"\n");
    Path out = dir.resolve("out.txt");
    Result r = psql(null, "-c", "CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT, note TEXT)",
        "-c", "\\copy p from '" + csv + "' with csv header",
        "-c", "SELECT id, name, coalesce(note, '<null>') FROM p ORDER BY id",
        "-c", "\\copy p to '" + out + "'");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("CREATE TABLE\nCOPY 3\n1|alice|hello, world\n2|bob|<null>\n"
        + "3|multi\nline|\"quoted\"\nCOPY 3\n");
    assertThat(Files.readString(out)).isEqualTo("1\talice\thello, world\n2\tbob\t\\N\n3\tmulti\\nline\t\"quoted\"\n");
  }

  @Test
  void copyFromStdinInAScriptEndsAtBackslashDot() throws Exception {
    Path script = Files.writeString(dir.resolve("s.sql"), String.join("\n",
        "CREATE TABLE s (a INTEGER, b TEXT, c TEXT DEFAULT 'dflt');",
        "COPY s (a, b) FROM STDIN;",
        "1\tone",
        "2\t\\N",
        "3\ttab\\there\\\\back",
        "\\.",
        "SELECT a, coalesce(b, 'NULL'), c FROM s ORDER BY a;",
        "COPY s (a, b) TO STDOUT WITH (FORMAT csv, HEADER);",
        ""));
    Result r = psql(script, "-f", "-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("CREATE TABLE\nCOPY 3\n1|one|dflt\n2|NULL|dflt\n3|tab\there\\back|dflt\n"
        + "a,b\n1,one\n2,\n3,tab\there\\back\n"); // psql prints no tag after COPY TO STDOUT
  }

  @Test
  void aBadValueReportsItsLineAndColumnAndInsertsNothing() throws Exception {
    Path script = Files.writeString(dir.resolve("s.sql"), String.join("\n",
        "CREATE TABLE e (a INTEGER, b INTEGER);",
        "COPY e FROM STDIN;",
        "1\t2",
        "3\tx",
        "\\.",
        ""));
    Result r = psql(script, "-f", "-");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("ERROR:  invalid input syntax for type integer: \"x\"")
        .contains("CONTEXT:  COPY e, line 2, column b: \"x\"");
    Result count = psql(null, "-c", "SELECT count(*) FROM e");
    assertThat(count.out()).isEqualTo("0\n");
  }

  @Test
  void aFileOnTheServerIsRefused() throws Exception {
    Result r = psql(null, "-c", "CREATE TABLE f (a INTEGER)", "-c", "COPY f FROM '/tmp/x.csv'");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("ERROR:  COPY to or from a file is not supported");
  }
}
