package io.phantomdb.bench.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/** Reads pgbench's summary output and its per-transaction logs ({@code -l}). */
final class PgbenchOutput {
  private static final Pattern TPS_EXCLUDING = Pattern.compile("(?m)^tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)");
  private static final Pattern TPS_ANY = Pattern.compile("(?m)^tps = ([0-9.]+)");
  private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
  private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");

  private PgbenchOutput() {}

  /** Transactions per second, the figure without connection time when pgbench prints it; NaN if absent. */
  static double tps(String output) {
    Matcher m = TPS_EXCLUDING.matcher(output);
    if (m.find()) {
      return Double.parseDouble(m.group(1));
    }
    m = TPS_ANY.matcher(output);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  /** Transactions processed, or -1 if pgbench did not say. */
  static long processed(String output) {
    Matcher m = PROCESSED.matcher(output);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Failed transactions (pgbench 15 counts them), 0 if not printed. */
  static long failed(String output) {
    Matcher m = FAILED.matcher(output);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** The error lines pgbench printed (client aborts, server errors), at most {@code max}. */
  static List<String> errors(String output, int max) {
    List<String> lines = new ArrayList<>();
    for (String line : output.split("\n")) {
      String l = line.toLowerCase();
      if ((l.contains("error") || l.contains("aborted") || l.contains("fatal")) && lines.size() < max) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /**
   * Adds the latencies (microseconds, third column) of a per-transaction log to {@code h}; lines
   * of failed or skipped transactions are left out.
   */
  static void addLatencies(BufferedReader log, Histogram h) throws IOException {
    String line;
    while ((line = log.readLine()) != null) {
      String[] f = line.split(" ");
      if (f.length >= 3 && !f[2].isEmpty() && Character.isDigit(f[2].charAt(0))) {
        h.recordValue(Math.max(0, Long.parseLong(f[2])));
      }
    }
  }

  /** Latencies from every log file pgbench wrote with {@code --log-prefix=prefix}; deletes them. */
  static Histogram latencies(Path prefix) throws IOException {
    Histogram h = new Histogram(3_600_000_000L, 3);
    String name = prefix.getFileName().toString() + ".";
    List<Path> logs;
    try (Stream<Path> files = Files.list(prefix.getParent())) {
      logs = files.filter(p -> p.getFileName().toString().startsWith(name)).toList();
    }
    for (Path p : logs) {
      try (BufferedReader r = Files.newBufferedReader(p)) {
        addLatencies(r, h);
      }
      Files.delete(p);
    }
    return h;
  }
}
