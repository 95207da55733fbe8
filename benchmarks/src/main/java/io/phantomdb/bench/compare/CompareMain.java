package io.phantomdb.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PhantomDB (lsm and btree, from the built tarball) against PostgreSQL 15 on this machine, with
 * the same clients: pgbench, YCSB and analytic queries (see docs/benchmarks.md, "PhantomDB vs
 * PostgreSQL"). Every server runs on loopback from a fresh directory under the output directory;
 * each data set (pgbench at each scale, YCSB) has its own server directory per system, loaded on
 * first use and reused (restarted) by later runs. Prints one table, writes results.md,
 * results.csv and ratios.svg, and stops every server it started, also on failure or Ctrl-C.
 */
public final class CompareMain {
  private static final String[] SCRIPTS = {"select-only", "tpcb-like"};
  private static final String[] MODES = {"simple", "prepared"};
  /** A file in a server's directory once its data set is fully loaded (a failed load is retried next run). */
  private static final String LOADED = "loaded";

  private final CompareOptions o;
  private final List<Result> results = new ArrayList<>();
  private final List<String> broken = new ArrayList<>();

  private CompareMain(CompareOptions o) {
    this.o = o;
  }

  /** Entry point; see {@link CompareOptions#USAGE}. */
  public static void main(String[] args) throws Exception {
    CompareOptions o;
    try {
      o = CompareOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage().isEmpty() ? CompareOptions.USAGE : e.getMessage() + "\n" + CompareOptions.USAGE);
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Procs.stopAll();
      Procs.stopDescendants();
    }, "stop-servers"));
    int status = new CompareMain(o).run();
    System.exit(status);
  }

  private int run() throws Exception {
    Files.createDirectories(o.out());
    System.out.printf("PhantomDB vs PostgreSQL: systems %s, workloads %s, %d run(s), %d s per run; output %s%n",
        o.systems(), o.only(), o.runs(), o.seconds(), o.out());
    try {
      for (int run = 0; run < o.runs() && !Procs.stopping(); run++) {
        System.out.printf("== run %d of %d%n", run + 1, o.runs());
        List<String> order = rotate(o.systems(), run);
        if (o.only().contains("pgbench") || o.only().contains("analytic")) {
          List<Integer> scales = o.only().contains("pgbench") ? o.scales() : List.of(maxScale());
          for (int scale : scales) {
            for (String system : order) {
              pgbenchDataset(system, scale);
            }
          }
        }
        if (o.only().contains("ycsb")) {
          for (String system : order) {
            ycsbDataset(system);
          }
        }
      }
    } finally {
      Procs.stopAll();
    }
    Report report = new Report(results, o.systems());
    String heading = String.format(Locale.ROOT, "PhantomDB vs PostgreSQL 15, %s%s: %d run(s) of %d s, pgbench scales %s,"
        + " clients %s, YCSB %d records, 4 threads", Instant.now(), o.quick() ? " (--quick)" : "", o.runs(), o.seconds(),
        o.scales(), o.clients(), o.ycsbRecords());
    System.out.println();
    System.out.println(heading);
    System.out.println();
    System.out.println(report.markdown());
    report.write(o.out(), heading);
    RatioChart.write(report.rows(), "PhantomDB vs PostgreSQL 15" + (o.quick() ? " (smoke run, --quick)" : "")
        + ", " + Instant.now().toString().substring(0, 16) + "Z", o.out().resolve("ratios.svg"), o.out().resolve("ratios.png"));
    System.out.println("written: " + o.out().resolve("results.md") + ", results.csv, ratios.svg, ratios.png");
    for (String b : broken) {
      System.out.println("CHECK FAILED: " + b);
    }
    return broken.isEmpty() ? 0 : 3;
  }

  private int maxScale() {
    return o.scales().stream().mapToInt(Integer::intValue).max().orElse(1);
  }

  private Server server(String system, String dataset) {
    Path dir = o.out().resolve("servers").resolve(system + "-" + dataset);
    return system.equals("postgres") ? new PostgresServer(dir) : new PhantomServer(o.home(), system, dir);
  }

  private void pgbenchDataset(String system, int scale) {
    String dataset = "pgbench-s" + scale;
    Server s = server(system, dataset);
    boolean fresh = !Files.exists(s.dir.resolve(LOADED));
    try {
      System.out.printf("-- %s, pgbench scale %d%n", system, scale);
      s.start();
      if (fresh) {
        long t0 = System.nanoTime();
        try {
          PgbenchWorkload.load(s, scale);
          Files.createFile(s.dir.resolve(LOADED));
          double secs = (System.nanoTime() - t0) / 1e9;
          add(s, new Result("pgbench s" + scale + " load", system, (100_000.0 * scale) / secs, "rows/s",
              Double.NaN, Double.NaN, 0, null));
        } catch (java.sql.SQLException e) {
          add(s, Result.failed("pgbench s" + scale + " load", system, "rows/s",
              "SQLSTATE " + e.getSQLState() + ": " + e.getMessage()));
          return;
        }
      }
      if (o.only().contains("pgbench")) {
        boolean tpcb = false;
        for (String script : SCRIPTS) {
          for (String mode : MODES) {
            for (int clients : o.clients()) {
              add(s, PgbenchWorkload.run(s, s.dir.resolve("pgbench"), scale, script, mode, clients, o.seconds()));
              tpcb |= script.equals("tpcb-like");
            }
          }
        }
        if (tpcb) {
          String check = PgbenchWorkload.checkBalances(s);
          if (check != null) {
            broken.add(check);
            add(s, Result.failed("pgbench s" + scale + " balance check", system, "", check));
          }
        }
      }
      if (o.only().contains("analytic") && scale == maxScale()) {
        for (var q : AnalyticWorkload.QUERIES.entrySet()) {
          add(s, AnalyticWorkload.run(s, q.getKey(), q.getValue(), o.queryReps(), 2000L * o.seconds()));
        }
      }
    } catch (Exception e) {
      if (!Procs.stopping()) {
        add(s, Result.failed("pgbench s" + scale + " (server)", system, "", e.toString()));
      }
    } finally {
      s.close();
    }
  }

  private void ycsbDataset(String system) {
    Server s = server(system, "ycsb");
    boolean fresh = !Files.exists(s.dir.resolve(LOADED));
    try {
      System.out.printf("-- %s, YCSB%n", system);
      s.start();
      Path dir = s.dir.resolve("ycsb");
      Files.createDirectories(dir);
      if (fresh) {
        YcsbWorkload.createTable(s);
        Result load = YcsbWorkload.load(s, dir, o.ycsbRecords());
        add(s, load);
        if (load.error() != null) {
          return;
        }
        Files.createFile(s.dir.resolve(LOADED));
      }
      for (String w : YcsbWorkload.WORKLOADS) {
        Result r = YcsbWorkload.run(s, dir, w, o.ycsbRecords(), o.seconds());
        add(s, r);
        if (w.equals("E")) {
          YcsbWorkload.deleteInserted(s, o.ycsbRecords(), YcsbWorkload.lastInserted);
        }
      }
    } catch (Exception e) {
      if (!Procs.stopping()) {
        add(s, Result.failed("ycsb (server)", system, "", e.toString()));
      }
    } finally {
      s.close();
    }
  }

  private void add(Server s, Result r) {
    Result withRss = s.rss == null ? r : r.withRss(s.rss.takePeakMb());
    results.add(withRss);
    if (r.error() != null) {
      System.out.printf("   %-40s %-8s FAILED: %s%n", r.workload(), r.system(), r.error());
    } else {
      System.out.printf(Locale.ROOT, "   %-40s %-8s %12.1f %-6s p50 %8.2f ms  p99 %8.2f ms  rss %5d MiB%n", r.workload(),
          r.system(), r.throughput(), r.unit(), r.p50Ms(), r.p99Ms(), withRss.rssMb());
    }
  }

  private static List<String> rotate(List<String> l, int by) {
    List<String> r = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      r.add(l.get((i + by) % l.size()));
    }
    return r;
  }
}
