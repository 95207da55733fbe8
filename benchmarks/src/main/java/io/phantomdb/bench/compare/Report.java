package io.phantomdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results table: one row per workload and system with the median over the runs of throughput,
 * p50 and p99, the largest peak memory, and for PhantomDB rows the ratio of its throughput to
 * PostgreSQL's (above 1: PhantomDB is faster). Printed as Markdown and written as {@code
 * results.md} and {@code results.csv}.
 */
final class Report {
  /** One aggregated row. */
  record Row(String workload, String system, double throughput, String unit, double p50, double p99, long rssMb,
      double ratio, int runs, List<String> failures) {}

  private final List<Row> rows = new ArrayList<>();

  Report(List<Result> results, List<String> systems) {
    Map<String, Map<String, List<Result>>> by = new LinkedHashMap<>();
    for (Result r : results) {
      by.computeIfAbsent(r.workload(), k -> new LinkedHashMap<>()).computeIfAbsent(r.system(), k -> new ArrayList<>()).add(r);
    }
    for (var w : by.entrySet()) {
      Map<String, Row> bySystem = new LinkedHashMap<>();
      for (String system : systems) {
        List<Result> rs = w.getValue().get(system);
        if (rs != null) {
          bySystem.put(system, aggregate(w.getKey(), system, rs));
        }
      }
      Row pg = bySystem.get("postgres");
      for (Row r : bySystem.values()) {
        double ratio = !r.system().equals("postgres") && pg != null ? r.throughput() / pg.throughput() : Double.NaN;
        rows.add(new Row(r.workload(), r.system(), r.throughput(), r.unit(), r.p50(), r.p99(), r.rssMb(), ratio,
            r.runs(), r.failures()));
      }
    }
  }

  private static Row aggregate(String workload, String system, List<Result> rs) {
    List<Result> ok = rs.stream().filter(r -> r.error() == null).toList();
    List<String> failures = rs.stream().filter(r -> r.error() != null).map(Result::error).toList();
    return new Row(workload, system, median(ok.stream().mapToDouble(Result::throughput).toArray()), rs.get(0).unit(),
        median(ok.stream().mapToDouble(Result::p50Ms).toArray()), median(ok.stream().mapToDouble(Result::p99Ms).toArray()),
        rs.stream().mapToLong(Result::rssMb).max().orElse(0), Double.NaN, rs.size(), failures);
  }

  /** The median; NaN for no values. */
  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  List<Row> rows() {
    return rows;
  }

  /** The table as Markdown, then the failures. */
  String markdown() {
    StringBuilder b = new StringBuilder("| workload | system | throughput | p50 ms | p99 ms | peak RSS MiB | PhantomDB/PostgreSQL |\n"
        + "|---|---|---:|---:|---:|---:|---:|\n");
    List<String> failures = new ArrayList<>();
    for (Row r : rows) {
      String tp = Double.isNaN(r.throughput()) ? "**failed**" : fmt(r.throughput(), r.throughput() < 100 ? 2 : 0) + " " + r.unit();
      if (!r.failures().isEmpty()) {
        failures.add(r.workload() + " on " + r.system() + " (" + r.failures().size() + " of " + r.runs() + " runs): "
            + r.failures().get(0));
        tp += " [" + failures.size() + "]";
      }
      b.append("| ").append(r.workload()).append(" | ").append(r.system()).append(" | ").append(tp).append(" | ")
          .append(fmt(r.p50(), 2)).append(" | ").append(fmt(r.p99(), 2)).append(" | ")
          .append(r.rssMb() > 0 ? Long.toString(r.rssMb()) : "").append(" | ")
          .append(Double.isNaN(r.ratio()) ? "" : fmt(r.ratio(), 2)).append(" |\n");
    }
    if (!failures.isEmpty()) {
      b.append("\nFailures:\n\n");
      for (int i = 0; i < failures.size(); i++) {
        b.append(i + 1).append(". ").append(failures.get(i)).append('\n');
      }
    }
    return b.toString();
  }

  /** The rows as CSV. */
  String csv() {
    StringBuilder b = new StringBuilder("workload,system,throughput,unit,p50_ms,p99_ms,peak_rss_mib,ratio_vs_postgres,runs,failed_runs\n");
    for (Row r : rows) {
      b.append(r.workload()).append(',').append(r.system()).append(',').append(raw(r.throughput())).append(',')
          .append(r.unit()).append(',').append(raw(r.p50())).append(',').append(raw(r.p99())).append(',')
          .append(r.rssMb()).append(',').append(raw(r.ratio())).append(',').append(r.runs()).append(',')
          .append(r.failures().size()).append('\n');
    }
    return b.toString();
  }

  /** Writes results.md and results.csv into {@code dir}. */
  void write(Path dir, String heading) throws IOException {
    Files.writeString(dir.resolve("results.md"), heading + "\n\n" + markdown());
    Files.writeString(dir.resolve("results.csv"), csv());
  }

  private static String fmt(double v, int decimals) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static String raw(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }
}
