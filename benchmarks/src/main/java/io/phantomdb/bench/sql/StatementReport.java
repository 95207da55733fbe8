package io.phantomdb.bench.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * Runs {@link StatementBenchmark} and prints, per engine, the time of each operation (median of
 * the measurement iterations, µs) and what a statement costs above the engine call it rests on:
 * point SELECT minus engine get (target: a prepared, cached point SELECT within 20 µs of the get),
 * and single-row INSERT minus the engine's synced put.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.phantomdb.bench.sql.StatementReport [JMH options]
 * </pre>
 *
 * <p>JMH options are passed on ({@code -p engine=lsm}, {@code -i 10}, {@code -prof gc}).
 */
public final class StatementReport {
  private static final double TARGET_MICROS = 20;

  private StatementReport() {}

  public static void main(String[] args) throws RunnerException {
    CommandLineOptions cli;
    try {
      cli = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    OptionsBuilder builder = new OptionsBuilder();
    builder.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      builder.include(StatementBenchmark.class.getName() + "\\.");
    }
    List<RunResult> results = List.copyOf(new Runner(builder.build()).run());
    System.out.println();
    System.out.print(table(results));
  }

  static String table(List<RunResult> results) {
    Map<String, Map<String, Double>> byEngine = new TreeMap<>();
    for (RunResult r : results) {
      String bench = r.getParams().getBenchmark();
      String op = bench.substring(bench.lastIndexOf('.') + 1);
      ListStatistics s = new ListStatistics();
      for (BenchmarkResult b : r.getBenchmarkResults()) {
        for (IterationResult it : b.getIterationResults()) {
          s.addValue(it.getPrimaryResult().getScore());
        }
      }
      byEngine.computeIfAbsent(r.getParams().getParam("engine"), k -> new TreeMap<>()).put(op, s.getPercentile(50));
    }
    StringBuilder out = new StringBuilder();
    out.append("| engine | engine get | prepared point SELECT | SELECT − get | ≤ 20 µs? | text point SELECT "
        + "| SELECT − get | engine synced put | prepared INSERT | INSERT − put | INSERT/put |\n");
    out.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (var e : byEngine.entrySet()) {
      Map<String, Double> m = e.getValue();
      Double get = m.get("engineGet");
      Double sel = m.get("selectPrepared");
      Double text = m.get("selectText");
      Double put = m.get("enginePutSync");
      Double ins = m.get("insertPrepared");
      out.append("| ").append(e.getKey()).append(" | ").append(us(get)).append(" | ").append(us(sel))
          .append(" | ").append(diff(sel, get)).append(" | ")
          .append(sel == null || get == null ? "-" : sel - get <= TARGET_MICROS ? "yes" : "NO")
          .append(" | ").append(us(text)).append(" | ").append(diff(text, get))
          .append(" | ").append(us(put)).append(" | ").append(us(ins)).append(" | ").append(diff(ins, put))
          .append(" | ").append(ins == null || put == null ? "-" : String.format(Locale.ROOT, "%.2f", ins / put))
          .append(" |\n");
    }
    out.append("\nµs per operation, median of the measurement iterations, all in one run on one store; "
        + "every INSERT commits alone and syncs, as the engine's put here.\n");
    return out.toString();
  }

  private static String us(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f µs", v);
  }

  private static String diff(Double a, Double b) {
    return a == null || b == null ? "-" : String.format(Locale.ROOT, "%+.2f µs", a - b);
  }

}
