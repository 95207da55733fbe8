package io.phantomdb.bench.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs {@link StorageSpiBenchmark} through JMH's Runner API and prints, per operation and engine,
 * the raw and the SPI throughput and their ratio, as a Markdown table.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.phantomdb.bench.storage.RatioReport [-rounds N] [JMH options]
 * </pre>
 *
 * <p>Any JMH command-line option is passed on and overrides the annotations ({@code -p engine=lsm},
 * {@code -i 10}, {@code -prof gc}, {@code -rf json}, a benchmark regex such as {@code
 * 'StorageSpiBenchmark.get'}). Without a regex the whole storage benchmark runs.
 *
 * <p>{@code -rounds N} (default 1) runs the whole selection N times in a row and pools the
 * iterations; unless {@code -p api=...} is given, odd rounds run raw before SPI and even rounds
 * SPI before raw. Raw and SPI trials then alternate in time, so a slow phase of a shared machine
 * or of the disk (fsync latency drifts by 10x here) does not land on one side only. Use an even
 * number.
 *
 * <p>Throughput is the <b>median</b> of the measurement iterations (robust against an iteration
 * hit by a compaction, a GC or a neighbour); ± is the 99.9% confidence half-width of the mean of
 * the same iterations (Student's t), relative to the mean. A row meets the target when {@code
 * spi/raw >= 0.90}; "within noise" means below 0.90 but not by more than the combined error.
 */
public final class RatioReport {
  private static final double TARGET = 0.90;

  private RatioReport() {}

  public static void main(String[] args) throws RunnerException {
    int rounds = 1;
    List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
    int r = jmhArgs.indexOf("-rounds");
    if (r >= 0) {
      if (r + 1 >= jmhArgs.size()) {
        System.err.println("-rounds needs a number");
        System.exit(2);
      }
      rounds = Integer.parseInt(jmhArgs.get(r + 1));
      jmhArgs.subList(r, r + 2).clear();
    }
    CommandLineOptions cli;
    try {
      cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
    } catch (CommandLineOptionException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    boolean alternate = !cli.getParameter("api").hasValue();
    List<RunResult> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      OptionsBuilder builder = new OptionsBuilder();
      builder.parent(cli);
      if (cli.getIncludes().isEmpty()) {
        builder.include(StorageSpiBenchmark.class.getName() + "\\.");
      }
      if (alternate) {
        // JMH runs parameter values in the order given: let each side go first in turn
        builder.param("api", round % 2 == 1 ? "raw" : "spi", round % 2 == 1 ? "spi" : "raw");
      }
      if (rounds > 1) {
        System.out.println("# RatioReport: round " + round + " of " + rounds);
      }
      results.addAll(new Runner(builder.build()).run());
    }
    System.out.println();
    System.out.print(table(group(results)));
  }

  /**
   * Pools the measurement iterations by operation, row label and api. The label is the engine,
   * followed by every other parameter that takes more than one value in {@code results}.
   *
   * @return operation -> label -> api -> iteration scores
   */
  static Map<String, Map<String, Map<String, ListStatistics>>> group(List<RunResult> results) {
    Map<String, Set<String>> values = new TreeMap<>();
    for (RunResult r : results) {
      for (String key : r.getParams().getParamsKeys()) {
        values.computeIfAbsent(key, k -> new TreeSet<>()).add(r.getParams().getParam(key));
      }
    }
    Map<String, Map<String, Map<String, ListStatistics>>> rows = new TreeMap<>();
    for (RunResult r : results) {
      String bench = r.getParams().getBenchmark();
      String op = bench.substring(bench.lastIndexOf('.') + 1);
      String api = r.getParams().getParam("api");
      String label = r.getParams().getParam("engine");
      if (api == null || label == null) {
        continue;
      }
      for (var e : values.entrySet()) {
        if (e.getValue().size() > 1 && !e.getKey().equals("api") && !e.getKey().equals("engine")) {
          label += " " + e.getKey() + "=" + r.getParams().getParam(e.getKey());
        }
      }
      ListStatistics scores = rows.computeIfAbsent(op, k -> new TreeMap<>())
          .computeIfAbsent(label, k -> new TreeMap<>())
          .computeIfAbsent(api, k -> new ListStatistics());
      for (BenchmarkResult b : r.getBenchmarkResults()) {
        for (IterationResult it : b.getIterationResults()) {
          scores.addValue(it.getPrimaryResult().getScore());
        }
      }
    }
    return rows;
  }

  /** @return the ratio table as Markdown */
  static String table(Map<String, Map<String, Map<String, ListStatistics>>> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | engine | raw ops/s | ± | spi ops/s | ± | spi/raw | overhead | ≤10%? |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (var op : rows.entrySet()) {
      for (var engine : op.getValue().entrySet()) {
        ListStatistics raw = engine.getValue().get("raw");
        ListStatistics spi = engine.getValue().get("spi");
        out.append("| ").append(op.getKey()).append(" | ").append(engine.getKey()).append(" | ")
            .append(raw == null ? "-" : fmt(median(raw))).append(" | ")
            .append(raw == null ? "-" : pct(error(raw))).append(" | ")
            .append(spi == null ? "-" : fmt(median(spi))).append(" | ")
            .append(spi == null ? "-" : pct(error(spi))).append(" | ");
        if (raw == null || spi == null) {
          out.append("- | - | - |\n");
          continue;
        }
        double ratio = median(spi) / median(raw);
        double noise = Math.hypot(orZero(error(raw)), orZero(error(spi))) * ratio;
        String verdict = ratio >= TARGET ? "yes" : ratio + noise >= TARGET ? "within noise" : "NO";
        out.append(String.format(Locale.ROOT, "%.3f", ratio)).append(" | ")
            .append(String.format(Locale.ROOT, "%+.1f%%", (1 / ratio - 1) * 100)).append(" | ")
            .append(verdict).append(" |\n");
      }
    }
    out.append("\nops/s: median of the measurement iterations (keys/s for batchPut and scan);"
        + " ±: 99.9% CI half-width of the mean / mean;\noverhead: raw/spi - 1, the extra time"
        + " per operation through the SPI; target: spi/raw >= 0.90.\n");
    return out.toString();
  }

  private static double median(ListStatistics s) {
    return s.getPercentile(50);
  }

  /** The 99.9% confidence half-width relative to the mean; NaN with fewer than 2 iterations. */
  private static double error(ListStatistics s) {
    return s.getN() < 2 ? Double.NaN : s.getMeanErrorAt(0.999) / s.getMean();
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
