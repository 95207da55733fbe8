package io.phantomdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ratios PhantomDB/PostgreSQL as a horizontal bar chart, written as SVG by hand (no chart
 * library): one group per workload, one bar per PhantomDB engine, on a logarithmic axis with the
 * bars starting at 1.0 (right of the line: PhantomDB faster; left: slower).
 */
final class RatioChart {
  private static final Map<String, String> COLORS = Map.of("lsm", "#2b6cb0", "btree", "#dd6b20");
  private static final int LABEL = 330;
  private static final int PLOT = 520;
  private static final int BAR = 11;

  private RatioChart() {}

  /** Writes the chart of {@code rows} (those with a ratio) to {@code file}. */
  static void write(List<Report.Row> rows, String title, Path file) throws IOException {
    Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
    for (Report.Row r : rows) {
      if (!Double.isNaN(r.ratio()) && r.ratio() > 0) {
        ratios.computeIfAbsent(r.workload(), k -> new LinkedHashMap<>()).put(r.system(), r.ratio());
      }
    }
    double lo = 0.1;
    double hi = 10;
    for (Map<String, Double> m : ratios.values()) {
      for (double v : m.values()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double lmin = Math.floor(Math.log10(lo));
    double lmax = Math.ceil(Math.log10(hi));
    int groupHeight = 2 * BAR + 8;
    int top = 60;
    int height = top + ratios.size() * groupHeight + 50;
    int width = LABEL + PLOT + 30;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"11\">\n", width, height));
    s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
    s.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(escape(title)).append("</text>\n");
    s.append("<text x=\"10\" y=\"38\">Throughput ratio PhantomDB / PostgreSQL 15 (log scale; right of 1.0 = PhantomDB faster)</text>\n");
    int lx = 10;
    for (String engine : List.of("lsm", "btree")) {
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"44\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"53\">PhantomDB %s</text>\n", LABEL + lx, COLORS.get(engine), LABEL + lx + 14, engine));
      lx += 110;
    }
    int bottom = top + ratios.size() * groupHeight;
    for (double e = lmin; e <= lmax; e++) {
      for (int mult : new int[] {1, 3}) {
        double v = mult * Math.pow(10, e);
        if (Math.log10(v) > lmax) {
          continue;
        }
        double x = x(v, lmin, lmax);
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>"
            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, top - 4, x, bottom, mult == 1 ? "#bbb" : "#eee",
            x, bottom + 14, trim(v)));
      }
    }
    int y = top;
    for (var w : ratios.entrySet()) {
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", LABEL - 6,
          y + BAR + 4, escape(w.getKey())));
      int by = y;
      for (String engine : List.of("lsm", "btree")) {
        Double v = w.getValue().get(engine);
        if (v != null) {
          double x0 = x(1, lmin, lmax);
          double x1 = x(v, lmin, lmax);
          s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
              + "<title>%s %s: %.3f</title></rect>\n", Math.min(x0, x1), by, Math.max(1, Math.abs(x1 - x0)), BAR,
              COLORS.get(engine), escape(w.getKey()), engine, v));
          s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"%s\">%.2f</text>\n",
              v >= 1 ? x1 + 3 : x1 - 3, by + BAR - 2, v >= 1 ? "start" : "end", v));
        }
        by += BAR;
      }
      y += groupHeight;
    }
    double one = x(1, lmin, lmax);
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-width=\"1.5\"/>\n",
        one, top - 6, one, bottom));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">ratio</text>\n", LABEL + PLOT / 2, bottom + 32));
    s.append("</svg>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, s.toString());
  }

  private static double x(double v, double lmin, double lmax) {
    return LABEL + (Math.log10(v) - lmin) / (lmax - lmin) * PLOT;
  }

  private static String trim(double v) {
    return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", (float) v);
  }

  private static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
