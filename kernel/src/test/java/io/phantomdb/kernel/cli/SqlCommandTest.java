package io.phantomdb.kernel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phantomdb sql} through the real command line, on the {@code memory} storage engine. The
 * tests that run SQL need the SQL engine and are skipped until it is part of the build.
 */
class SqlCommandTest {
  @TempDir Path home;

  private record Run(int code, String out, String err) {}

  private Run sql(String... args) {
    List<String> all = new ArrayList<>(List.of("sql", "--set", "storage.engine=memory",
        "--data-dir", home.resolve("data").toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PhantomDbMain.run(all.toArray(String[]::new), home, Map.of(),
        new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString().replace(System.lineSeparator(), "\n"),
        err.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void helpListsTheOptions() {
    Run r = sql("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--data-dir", "-c, --command", "-f, --file", "--format", "--stop-on-error");
  }

  @Test
  void usageMistakesAreOneLine() {
    Run r = sql("--format", "html", "-c", "SELECT 1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList()).containsExactly(
        "phantomdb: --format: unknown format 'html': expected aligned or csv (see 'phantomdb --help')");
  }

  @Test
  void aMissingFileIsOneLine() {
    Run r = sql("-f", "nosuch.sql");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().toList()).containsExactly(
        "phantomdb: cannot read " + Path.of("nosuch.sql").toAbsolutePath() + ": no such file");
  }

  @Test
  void runsCommandsAndPrintsLikePsql() {
    Run r = sql("-c", "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);",
        "-c", "INSERT INTO t VALUES (1, 'one'), (22, NULL); SELECT id, name FROM t ORDER BY id");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("CREATE TABLE\nINSERT 0 2\n"
        + " id | name \n----+------\n  1 | one\n 22 | \n(2 rows)\n\n");
    assertThat(r.code()).isZero();
  }

  @Test
  void errorsGoToStderrAndTheRunGoesOnUnlessToldToStop() throws IOException {
    Path script = Files.writeString(home.resolve("s.sql"), "SELECT 1 AS a;\n\nSELECT * FROM nosuch;\nSELECT 2 AS b;\n");
    Run goOn = sql("-f", script.toString());
    assertThat(goOn.code()).isZero();
    assertThat(goOn.err()).startsWith(script + ":3: ERROR: 42P01 ");
    assertThat(goOn.out()).contains(" a \n---\n 1\n(1 row)\n", " b \n---\n 2\n(1 row)\n");
    Run stop = sql("--stop-on-error", "-f", script.toString());
    assertThat(stop.code()).isEqualTo(1);
    assertThat(stop.out()).contains(" a ").doesNotContain(" b ");
  }

  @Test
  void csvFormat() {
    Run r = sql("--format", "csv", "-c", "SELECT 1 AS a, 'x,y' AS b");
    assertThat(r.out()).isEqualTo("a,b\n1,\"x,y\"\n");
  }
}
