package io.phantomdb.bench.compare;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import site.ycsb.Utils;

/**
 * YCSB's core workloads through {@code site.ycsb.Client} in a child JVM (the same class path),
 * with {@link io.phantomdb.bench.ycsb.PgJdbcYcsbDb}: the standard proportions of workloads A, B,
 * C, E and F (zipfian requests, 10 fields of 100 bytes, E scans up to 100 records), 4 threads,
 * each run bounded by time ({@code maxexecutiontime}). Latencies: YCSB's HdrHistogram logs of
 * every database operation (a read-modify-write counts as its read and its update), merged.
 */
final class YcsbWorkload {
  /** The workloads in the order they run: E last (it inserts). */
  static final List<String> WORKLOADS = List.of("C", "B", "A", "F", "E");
  private static final Map<String, String> MIX = Map.of(
      "A", "readproportion=0.5 updateproportion=0.5",
      "B", "readproportion=0.95 updateproportion=0.05",
      "C", "readproportion=1.0",
      "E", "scanproportion=0.95 insertproportion=0.05",
      "F", "readproportion=0.5 readmodifywriteproportion=0.5");
  private static final List<String> DB_OPS = List.of("READ", "UPDATE", "INSERT", "SCAN", "DELETE");
  private static final Pattern LINE = Pattern.compile("(?m)^\\[([A-Z-]+)\\], ([^,]+), ([0-9.]+)$");
  private static final int THREADS = 4;

  private YcsbWorkload() {}

  /** Creates {@code usertable}. */
  static void createTable(Server server) throws SQLException {
    StringBuilder sql = new StringBuilder("CREATE TABLE usertable (ycsb_key VARCHAR PRIMARY KEY");
    for (int i = 0; i < 10; i++) {
      sql.append(", field").append(i).append(" TEXT");
    }
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute(sql.append(')').toString());
    }
  }

  /** Loads {@code records} records (batches of 100 rows, one INSERT statement each); the load's result. */
  static Result load(Server server, Path dir, int records) throws IOException, InterruptedException {
    return client(server, dir, "load", true, records, "C", 0);
  }

  /** One timed run of a workload. */
  static Result run(Server server, Path dir, String workload, int records, int seconds)
      throws IOException, InterruptedException, SQLException {
    Result r = client(server, dir, workload, false, records, workload, seconds);
    return r;
  }

  /**
   * Deletes the records a workload-E run inserted (keys {@code records} .. {@code records + n}, as
   * CoreWorkload names them), so the next run of E can insert them again.
   */
  static void deleteInserted(Server server, int records, long inserted) throws SQLException {
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement("DELETE FROM usertable WHERE ycsb_key = ?")) {
      for (long k = records; k < records + inserted + 2L * THREADS; k++) {
        s.setString(1, "user" + Utils.hash(k));
        s.executeUpdate();
      }
    }
  }

  private static Result client(Server server, Path dir, String workload, boolean load, int records, String mix,
      int seconds) throws IOException, InterruptedException {
    String name = load ? "ycsb load" : "ycsb " + workload;
    String tag = (load ? "load" : workload) + "-" + System.nanoTime();
    Path hdr = dir.resolve("hdr-" + tag);
    Files.createDirectories(hdr);
    Properties p = new Properties();
    p.setProperty("workload", "site.ycsb.workloads.CoreWorkload");
    p.setProperty("recordcount", Integer.toString(records));
    p.setProperty("operationcount", load ? Integer.toString(records) : "1000000000");
    p.setProperty("threadcount", Integer.toString(THREADS));
    p.setProperty("requestdistribution", "zipfian");
    p.setProperty("readallfields", "true");
    p.setProperty("maxscanlength", "100");
    p.setProperty("scanlengthdistribution", "uniform");
    for (String kv : MIX.get(mix).split(" ")) {
      p.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    for (String op : List.of("readproportion", "updateproportion", "scanproportion", "insertproportion",
        "readmodifywriteproportion")) {
      p.putIfAbsent(op, "0");
    }
    if (!load) {
      p.setProperty("maxexecutiontime", Integer.toString(seconds));
    }
    p.setProperty("measurementtype", "hdrhistogram");
    p.setProperty("hdrhistogram.percentiles", "50,99");
    p.setProperty("hdrhistogram.fileoutput", "true");
    p.setProperty("hdrhistogram.output.path", hdr + File.separator);
    p.setProperty("db.url", server.jdbcUrl() + "?reWriteBatchedInserts=true");
    p.setProperty("db.user", "postgres");
    p.setProperty("db.batchsize", load ? "100" : "1");
    Path props = dir.resolve("ycsb-" + tag + ".properties");
    try (Writer w = Files.newBufferedWriter(props)) {
      p.store(w, name);
    }
    Path out = dir.resolve("ycsb-" + tag + ".out");
    Path err = dir.resolve("ycsb-" + tag + ".err");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "site.ycsb.Client", load ? "-load" : "-t",
        "-db", "io.phantomdb.bench.ycsb.PgJdbcYcsbDb", "-P", props.toString()));
    Procs.Stopper[] handle = new Procs.Stopper[1];
    Process proc = Procs.start(new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()),
        started -> handle[0] = () -> Procs.stop(started.toHandle(), "TERM", Duration.ofSeconds(5)));
    try {
      if (!proc.waitFor(seconds + 1800L, TimeUnit.SECONDS)) {
        Procs.stop(proc.toHandle(), "TERM", Duration.ofSeconds(5));
        return Result.failed(name, server.system, "ops/s", "YCSB did not end; see " + out);
      }
    } finally {
      Procs.unregister(handle[0]);
    }
    String text = Files.readString(out);
    double throughput = Double.NaN;
    long errors = 0;
    long inserted = 0;
    Matcher m = LINE.matcher(text);
    while (m.find()) {
      String op = m.group(1);
      String metric = m.group(2);
      if (op.equals("OVERALL") && metric.equals("Throughput(ops/sec)")) {
        throughput = Double.parseDouble(m.group(3));
      } else if (metric.equals("Return=ERROR") || (op.endsWith("-FAILED") && metric.equals("Operations"))) {
        errors += (long) Double.parseDouble(m.group(3));
      } else if (op.equals("INSERT") && metric.equals("Operations")) {
        inserted = (long) Double.parseDouble(m.group(3));
      }
    }
    lastInserted = inserted;
    Histogram h = merge(hdr);
    if (proc.exitValue() != 0 || errors > 0 || Double.isNaN(throughput)) {
      String first = Files.readAllLines(err).stream().filter(l -> l.startsWith("PgJdbcYcsbDb") || l.contains("Exception"))
          .findFirst().orElse("");
      return Result.failed(name, server.system, "ops/s", "YCSB exit " + proc.exitValue() + ", " + errors
          + " failed operations; " + first + " (" + out + ")");
    }
    return new Result(name, server.system, throughput, "ops/s", h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0, 0, null);
  }

  /** Records inserted by the last run (for {@link #deleteInserted}). */
  static volatile long lastInserted;

  private static Histogram merge(Path hdr) throws IOException {
    Histogram total = new Histogram(3);
    total.setAutoResize(true);
    List<Path> files;
    try (Stream<Path> s = Files.list(hdr)) {
      files = s.filter(f -> DB_OPS.contains(f.getFileName().toString().replace(".hdr", ""))).toList();
    }
    for (Path f : files) {
      HistogramLogReader r = new HistogramLogReader(f.toFile());
      EncodableHistogram e;
      while ((e = r.nextIntervalHistogram()) != null) {
        if (e instanceof Histogram h) {
          total.add(h);
        }
      }
    }
    return total;
  }
}
