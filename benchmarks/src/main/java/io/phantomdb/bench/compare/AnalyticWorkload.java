package io.phantomdb.bench.compare;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Analytic queries over the pgbench tables (after the pgbench runs, so the history is not
 * empty): joins with GROUP BY, aggregates and a top-N. One client, simple query protocol; each
 * query runs once unmeasured, then {@code reps} times or until its time budget is spent (at least
 * once). Throughput is queries per second.
 */
final class AnalyticWorkload {
  /** Name to SQL, in the order they run. */
  static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("q1 accounts by branch",
        "SELECT b.bid, count(*), sum(a.abalance), avg(a.abalance) FROM pgbench_accounts a"
            + " JOIN pgbench_branches b ON a.bid = b.bid GROUP BY b.bid ORDER BY b.bid");
    QUERIES.put("q2 history by teller",
        "SELECT t.tid, t.bid, count(*), sum(h.delta) FROM pgbench_tellers t"
            + " JOIN pgbench_history h ON h.tid = t.tid GROUP BY t.tid, t.bid ORDER BY t.tid");
    QUERIES.put("q3 top accounts",
        "SELECT a.aid, a.abalance, b.bbalance FROM pgbench_accounts a JOIN pgbench_branches b ON a.bid = b.bid"
            + " ORDER BY a.abalance DESC, a.aid LIMIT 10");
    QUERIES.put("q4 history x accounts by branch",
        "SELECT a.bid, count(*), sum(h.delta), max(a.abalance) FROM pgbench_history h"
            + " JOIN pgbench_accounts a ON h.aid = a.aid GROUP BY a.bid ORDER BY a.bid");
    QUERIES.put("q5 three-way join",
        "SELECT b.bid, count(DISTINCT h.aid), sum(h.delta), min(t.tbalance) FROM pgbench_history h"
            + " JOIN pgbench_tellers t ON h.tid = t.tid JOIN pgbench_branches b ON t.bid = b.bid"
            + " GROUP BY b.bid HAVING count(*) > 0 ORDER BY b.bid");
  }

  private AnalyticWorkload() {}

  /** Runs one query; an SQL error is a failed result with its SQLSTATE. */
  static Result run(Server server, String name, String sql, int reps, long budgetMillis) {
    String workload = "analytic " + name;
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      execute(s, sql);
      Histogram h = new Histogram(3);
      h.setAutoResize(true);
      long start = System.nanoTime();
      int done = 0;
      while (done < reps && (done == 0 || (System.nanoTime() - start) / 1_000_000 < budgetMillis)) {
        long t0 = System.nanoTime();
        execute(s, sql);
        h.recordValue((System.nanoTime() - t0) / 1000);
        done++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(workload, server.system, done / seconds, "q/s", h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0, 0, null);
    } catch (SQLException e) {
      return Result.failed(workload, server.system, "q/s", "SQLSTATE " + e.getSQLState() + ": " + e.getMessage()
          + " (statement: " + sql + ")");
    }
  }

  private static void execute(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rs.getString(1);
      }
    }
  }
}
