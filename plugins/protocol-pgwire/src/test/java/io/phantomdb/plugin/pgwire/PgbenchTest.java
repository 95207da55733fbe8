package io.phantomdb.plugin.pgwire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgbench (PostgreSQL 15's, as a real libpq client) against the server: its four tables at scale 1
 * created and loaded with plain SQL (no COPY), then its built-in select-only and tpcb-like scripts
 * with 4 clients for 5 seconds each (tpcb-like once more with {@code -M prepared}). Every run must
 * end with no failed transaction, and the balances must add up afterwards: every tpcb-like
 * transaction adds the same delta to one account, one teller, one branch and one history row.
 */
class PgbenchTest {
  private static final int ACCOUNTS = 100_000;
  private static final int TELLERS = 10;
  private static final int ROWS_PER_INSERT = 1_000;
  private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
  private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");
  private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+) \\(without initial connection time\\)");

  @TempDir Path dir;

  @Test
  void selectOnlyAndTpcbLikeRunWithoutFailuresAndKeepTheBalances() throws Exception {
    try (KernelServer server = new KernelServer(dir.resolve("data"))) {
      try (Connection c = server.connect(); Statement s = c.createStatement()) {
        createAndLoad(s);
      }
      Run selectOnly = pgbench(server, "-b", "select-only");
      Run tpcb = pgbench(server, "-b", "tpcb-like");
      Run tpcbPrepared = pgbench(server, "-b", "tpcb-like", "-M", "prepared");
      System.out.printf("pgbench scale 1, 4 clients, 2 threads, 5 s: select-only %.1f tps, tpcb-like %.1f tps,"
          + " tpcb-like -M prepared %.1f tps%n", selectOnly.tps(), tpcb.tps(), tpcbPrepared.tps());

      try (Connection c = server.connect(); Statement s = c.createStatement()) {
        long accounts = single(s, "SELECT sum(abalance) FROM pgbench_accounts");
        long branches = single(s, "SELECT sum(bbalance) FROM pgbench_branches");
        long tellers = single(s, "SELECT sum(tbalance) FROM pgbench_tellers");
        long history = single(s, "SELECT sum(delta) FROM pgbench_history");
        assertThat(List.of(accounts, branches, tellers)).as("sums of abalance, bbalance, tbalance")
            .containsOnly(history);
        assertThat(single(s, "SELECT count(*) FROM pgbench_history"))
            .isEqualTo(tpcb.processed() + tpcbPrepared.processed());
        assertThat(single(s, "SELECT count(*) FROM pgbench_accounts")).isEqualTo(ACCOUNTS);
      }
    }
  }

  /** pgbench -i's tables (with its primary keys), loaded with multi-row INSERTs. */
  private static void createAndLoad(Statement s) throws Exception {
    s.execute("CREATE TABLE pgbench_history (tid INT, bid INT, aid INT, delta INT, mtime TIMESTAMP, filler CHAR(22))");
    s.execute("CREATE TABLE pgbench_tellers (tid INT NOT NULL PRIMARY KEY, bid INT, tbalance INT, filler CHAR(84))");
    s.execute("CREATE TABLE pgbench_accounts (aid INT NOT NULL PRIMARY KEY, bid INT, abalance INT, filler CHAR(84))");
    s.execute("CREATE TABLE pgbench_branches (bid INT NOT NULL PRIMARY KEY, bbalance INT, filler CHAR(88))");
    s.execute("INSERT INTO pgbench_branches (bid, bbalance) VALUES (1, 0)");
    StringBuilder tellers = new StringBuilder("INSERT INTO pgbench_tellers (tid, bid, tbalance) VALUES ");
    for (int t = 1; t <= TELLERS; t++) {
      tellers.append(t == 1 ? "" : ", ").append('(').append(t).append(", 1, 0)");
    }
    s.execute(tellers.toString());
    for (int from = 1; from <= ACCOUNTS; from += ROWS_PER_INSERT) {
      StringBuilder sql = new StringBuilder("INSERT INTO pgbench_accounts (aid, bid, abalance, filler) VALUES ");
      for (int a = from; a < from + ROWS_PER_INSERT; a++) {
        sql.append(a == from ? "" : ", ").append('(').append(a).append(", 1, 0, '')");
      }
      s.execute(sql.toString());
    }
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  /** One pgbench run's figures. */
  record Run(long processed, double tps) {}

  private Run pgbench(KernelServer server, String... script) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("pgbench", "-n", "-h", "127.0.0.1", "-p",
        Integer.toString(server.port), "-U", "postgres", "-c", "4", "-j", "2", "-T", "5"));
    cmd.addAll(List.of(script));
    cmd.add("postgres");
    Path out = Files.createTempFile(dir, "pgbench", ".out");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("pgbench ends").isTrue();
    String text = Files.readString(out);
    System.out.println("$ " + String.join(" ", cmd) + "\n" + text);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text).doesNotContain("ERROR").doesNotContain("aborted");
    assertThat(Long.parseLong(group(FAILED, text))).as(text).isZero();
    long processed = Long.parseLong(group(PROCESSED, text));
    assertThat(processed).as(text).isPositive();
    return new Run(processed, Double.parseDouble(group(TPS, text)));
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern + " in\n" + text).isTrue();
    return m.group(1);
  }
}
