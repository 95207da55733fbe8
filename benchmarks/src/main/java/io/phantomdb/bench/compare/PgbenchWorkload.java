package io.phantomdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * pgbench against a server: its four tables created and loaded with plain SQL (CREATE TABLE with
 * pgbench -i's primary keys, multi-row INSERTs of 1000 rows; no COPY, no VACUUM: the same SQL
 * for every system), then {@code pgbench -n -b <script> -M <mode> -c C -j min(C,2) -T S -l} runs.
 * The history table is kept between runs (tpcb-like only appends to it).
 */
final class PgbenchWorkload {
  private static final int ROWS_PER_INSERT = 1_000;

  private PgbenchWorkload() {}

  /** Creates and loads pgbench's tables at {@code scale} (100,000 accounts per unit). */
  static void load(Server server, int scale) throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE pgbench_history (tid INT, bid INT, aid INT, delta INT, mtime TIMESTAMP, filler CHAR(22))");
      s.execute("CREATE TABLE pgbench_tellers (tid INT NOT NULL PRIMARY KEY, bid INT, tbalance INT, filler CHAR(84))");
      s.execute("CREATE TABLE pgbench_accounts (aid INT NOT NULL PRIMARY KEY, bid INT, abalance INT, filler CHAR(84))");
      s.execute("CREATE TABLE pgbench_branches (bid INT NOT NULL PRIMARY KEY, bbalance INT, filler CHAR(88))");
      StringBuilder sql = new StringBuilder("INSERT INTO pgbench_branches (bid, bbalance) VALUES ");
      for (int b = 1; b <= scale; b++) {
        sql.append(b == 1 ? "" : ", ").append('(').append(b).append(", 0)");
      }
      s.execute(sql.toString());
      sql = new StringBuilder("INSERT INTO pgbench_tellers (tid, bid, tbalance) VALUES ");
      for (int t = 1; t <= 10 * scale; t++) {
        sql.append(t == 1 ? "" : ", ").append('(').append(t).append(", ").append((t - 1) / 10 + 1).append(", 0)");
      }
      s.execute(sql.toString());
      int accounts = 100_000 * scale;
      for (int from = 1; from <= accounts; from += ROWS_PER_INSERT) {
        sql = new StringBuilder("INSERT INTO pgbench_accounts (aid, bid, abalance, filler) VALUES ");
        for (int a = from; a < from + ROWS_PER_INSERT && a <= accounts; a++) {
          sql.append(a == from ? "" : ", ").append('(').append(a).append(", ").append((a - 1) / 100_000 + 1).append(", 0, '')");
        }
        s.execute(sql.toString());
      }
    }
  }

  /** One pgbench run; a failure (exit code, aborted clients, failed transactions) is a failed result. */
  static Result run(Server server, Path logDir, int scale, String script, String mode, int clients, int seconds)
      throws IOException, InterruptedException {
    String workload = "pgbench s" + scale + " " + script + " " + mode + " c" + clients;
    String tag = "s" + scale + "-" + script + "-" + mode + "-c" + clients + "-" + System.nanoTime();
    Files.createDirectories(logDir);
    Path prefix = logDir.resolve("txlog-" + tag);
    Path out = logDir.resolve("pgbench-" + tag + ".out");
    List<String> cmd = new ArrayList<>(List.of("pgbench", "-n", "-h", "127.0.0.1", "-p", Integer.toString(server.port),
        "-U", "postgres", "-b", script, "-M", mode, "-c", Integer.toString(clients),
        "-j", Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds),
        "-l", "--log-prefix=" + prefix, "postgres"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("PGCONNECT_TIMEOUT", "30");
    Procs.Stopper[] handle = new Procs.Stopper[1];
    Process p = Procs.start(pb, started -> handle[0] = () -> Procs.stop(started.toHandle(), "INT", java.time.Duration.ofSeconds(5)));
    try {
      if (!p.waitFor(seconds + 300L, TimeUnit.SECONDS)) {
        Procs.stop(p.toHandle(), "INT", java.time.Duration.ofSeconds(5));
        return Result.failed(workload, server.system, "tps", "pgbench did not end within " + (seconds + 300) + " s");
      }
    } finally {
      Procs.unregister(handle[0]);
    }
    String text = Files.readString(out);
    Histogram h = PgbenchOutput.latencies(prefix);
    long failed = PgbenchOutput.failed(text);
    List<String> errors = PgbenchOutput.errors(text, 3);
    if (p.exitValue() != 0 || failed > 0 || Double.isNaN(PgbenchOutput.tps(text))) {
      return Result.failed(workload, server.system, "tps", "pgbench exit " + p.exitValue() + ", " + failed
          + " failed transactions: " + String.join(" | ", errors) + " (" + out + ")");
    }
    return new Result(workload, server.system, PgbenchOutput.tps(text), "tps",
        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, 0, null);
  }

  /**
   * Checks the balances add up (every tpcb-like transaction adds one delta to an account, a
   * teller, a branch and the history); null if they do, else what differs.
   */
  static String checkBalances(Server server) throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      long accounts = single(s, "SELECT coalesce(sum(abalance), 0) FROM pgbench_accounts");
      long branches = single(s, "SELECT coalesce(sum(bbalance), 0) FROM pgbench_branches");
      long tellers = single(s, "SELECT coalesce(sum(tbalance), 0) FROM pgbench_tellers");
      long history = single(s, "SELECT coalesce(sum(delta), 0) FROM pgbench_history");
      if (accounts == history && branches == history && tellers == history) {
        return null;
      }
      return "balances do not add up on " + server.system + ": sum(abalance)=" + accounts + ", sum(bbalance)="
          + branches + ", sum(tbalance)=" + tellers + ", sum(history.delta)=" + history;
    }
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
