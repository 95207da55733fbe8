package io.phantomdb.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL 15's pgbench, a real libpq client, against {@code bin/phantomdb start} from the
 * tarball on each durable engine: its four tables at scale 1 created and loaded with plain SQL
 * through psql (CREATE TABLE and multi-row INSERT, no COPY, no VACUUM), then its built-in
 * select-only and tpcb-like scripts with 4 clients for 5 seconds each (tpcb-like once more with
 * {@code -M prepared}). Every run must end with no failed transaction, and the balances must add
 * up afterwards: every tpcb-like transaction adds the same delta to one account, one teller, one
 * branch and one history row. Then SIGTERM, a restart, and the same sums again.
 */
class PgbenchIT {
  private static final int ACCOUNTS = 100_000;
  private static final int TELLERS = 10;
  private static final int ROWS_PER_INSERT = 1_000;
  private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
  private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");
  private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+) \\(without initial connection time\\)");
  private static final String SUMS = "SELECT (SELECT sum(abalance) FROM pgbench_accounts) || ' '"
      + " || (SELECT sum(bbalance) FROM pgbench_branches) || ' ' || (SELECT sum(tbalance) FROM pgbench_tellers)"
      + " || ' ' || (SELECT sum(delta) FROM pgbench_history) || ' ' || (SELECT count(*) FROM pgbench_history)"
      + " || ' ' || (SELECT count(*) FROM pgbench_accounts)";

  @TempDir static Path unpacked;
  static Path home;

  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    home = Bundle.unpack(Bundle.tarball(null), unpacked);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lsm", "btree"})
  void selectOnlyAndTpcbLikeRunWithoutFailuresAndKeepTheBalances(String engine) throws Exception {
    Path data = work.resolve("data");
    int port = StartedServer.freePort();
    String sums;
    try (StartedServer server = new StartedServer(home, work, data, port, "--set", "storage.engine=" + engine)) {
      psqlFile(port, loadScript());
      Run selectOnly = pgbench(port, "-b", "select-only");
      Run tpcb = pgbench(port, "-b", "tpcb-like");
      Run tpcbPrepared = pgbench(port, "-b", "tpcb-like", "-M", "prepared");
      System.out.printf("pgbench on %s (tarball), scale 1, 4 clients, 2 threads, 5 s: select-only %.1f tps,"
          + " tpcb-like %.1f tps, tpcb-like -M prepared %.1f tps%n", engine, selectOnly.tps(), tpcb.tps(),
          tpcbPrepared.tps());

      sums = psql(port, SUMS);
      String[] v = sums.split(" ");
      assertThat(List.of(v[0], v[1], v[2])).as("sums of abalance, bbalance, tbalance").containsOnly(v[3]);
      assertThat(Long.parseLong(v[4])).as("history rows").isEqualTo(tpcb.processed() + tpcbPrepared.processed());
      assertThat(Long.parseLong(v[5])).isEqualTo(ACCOUNTS);
      assertThat(server.stop()).as(server.stderr()).isZero();
    }
    try (StartedServer again = new StartedServer(home, work, data, port, "--set", "storage.engine=" + engine)) {
      assertThat(psql(port, SUMS)).as("the same sums after a restart").isEqualTo(sums);
      assertThat(again.stop()).isZero();
    }
  }

  /** pgbench -i's tables (with its primary keys), loaded with multi-row INSERTs. */
  private Path loadScript() throws Exception {
    StringBuilder sql = new StringBuilder();
    sql.append("CREATE TABLE pgbench_history (tid INT, bid INT, aid INT, delta INT, mtime TIMESTAMP, filler CHAR(22));\n")
        .append("CREATE TABLE pgbench_tellers (tid INT NOT NULL PRIMARY KEY, bid INT, tbalance INT, filler CHAR(84));\n")
        .append("CREATE TABLE pgbench_accounts (aid INT NOT NULL PRIMARY KEY, bid INT, abalance INT, filler CHAR(84));\n")
        .append("CREATE TABLE pgbench_branches (bid INT NOT NULL PRIMARY KEY, bbalance INT, filler CHAR(88));\n")
        .append("INSERT INTO pgbench_branches (bid, bbalance) VALUES (1, 0);\n")
        .append("INSERT INTO pgbench_tellers (tid, bid, tbalance) VALUES ");
    for (int t = 1; t <= TELLERS; t++) {
      sql.append(t == 1 ? "" : ", ").append('(').append(t).append(", 1, 0)");
    }
    sql.append(";\n");
    for (int from = 1; from <= ACCOUNTS; from += ROWS_PER_INSERT) {
      sql.append("INSERT INTO pgbench_accounts (aid, bid, abalance, filler) VALUES ");
      for (int a = from; a < from + ROWS_PER_INSERT; a++) {
        sql.append(a == from ? "" : ", ").append('(').append(a).append(", 1, 0, '')");
      }
      sql.append(";\n");
    }
    Path script = work.resolve("load.sql");
    Files.writeString(script, sql);
    return script;
  }

  private String psql(int port, String query) throws Exception {
    return exec(List.of("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
        "-v", "ON_ERROR_STOP=1", "--no-align", "--tuples-only", "-c", query)).strip();
  }

  private void psqlFile(int port, Path script) throws Exception {
    exec(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
        "-v", "ON_ERROR_STOP=1", "-f", script.toString()));
  }

  /** One pgbench run's figures. */
  record Run(long processed, double tps) {}

  private Run pgbench(int port, String... script) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("pgbench", "-n", "-h", "127.0.0.1", "-p",
        Integer.toString(port), "-U", "postgres", "-c", "4", "-j", "2", "-T", "5"));
    cmd.addAll(List.of(script));
    cmd.add("postgres");
    String text = exec(cmd);
    assertThat(text).doesNotContain("ERROR").doesNotContain("aborted");
    assertThat(Long.parseLong(group(FAILED, text))).as(text).isZero();
    long processed = Long.parseLong(group(PROCESSED, text));
    assertThat(processed).as(text).isPositive();
    return new Run(processed, Double.parseDouble(group(TPS, text)));
  }

  /** Runs a client to its end; its output (stdout and stderr) if it exits 0, else a failure. */
  private String exec(List<String> cmd) throws Exception {
    Path out = Files.createTempFile(work, "client", ".out");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    String text = Files.readString(out);
    if (cmd.get(0).equals("pgbench")) {
      System.out.println("$ " + String.join(" ", cmd) + "\n" + text);
    }
    assertThat(p.exitValue()).as(cmd.get(0) + ": " + text).isZero();
    return text;
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern + " in\n" + text).isTrue();
    return m.group(1);
  }
}
