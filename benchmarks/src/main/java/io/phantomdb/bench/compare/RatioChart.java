package io.phantomdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ratios PhantomDB/PostgreSQL as a horizontal bar chart (no chart library): one group per
 * workload, one bar per PhantomDB engine, on a logarithmic axis with the bars starting at 1.0
 * (right of the line: PhantomDB faster; left: slower). Written as SVG and as PNG.
 */
final class RatioChart {
  private static final Map<String, String> COLORS = Map.of("lsm", "#2b6cb0", "btree", "#dd6b20");
  private static final int LABEL = 300;
  private static final int PLOT = 560;
  private static final int BAR = 11;
  private static final int TOP = 64;

  private final Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
  private final String title;
  private final double lmin;
  private final double lmax;

  private RatioChart(List<Report.Row> rows, String title) {
    this.title = title;
    double lo = 0.5;
    double hi = 2;
    for (Report.Row r : rows) {
      if (!Double.isNaN(r.ratio()) && r.ratio() > 0) {
        ratios.computeIfAbsent(r.workload(), k -> new LinkedHashMap<>()).put(r.system(), r.ratio());
        lo = Math.min(lo, r.ratio());
        hi = Math.max(hi, r.ratio());
      }
    }
    lmin = Math.floor(Math.log10(lo) - 0.15);
    lmax = Math.ceil(Math.log10(hi) + 0.15);
  }

  /** Writes the chart of {@code rows} (those with a ratio) to {@code svg} and {@code png}. */
  static void write(List<Report.Row> rows, String title, Path svg, Path png) throws IOException {
    RatioChart c = new RatioChart(rows, title);
    ChartCanvas.Svg s = new ChartCanvas.Svg(c.width(), c.height());
    c.draw(s);
    Files.writeString(svg, s.finish());
    try {
      ChartCanvas.Png p = new ChartCanvas.Png(c.width(), c.height());
      c.draw(p);
      p.write(png);
    } catch (RuntimeException | Error noGraphics) {
      System.err.println("no PNG chart (" + noGraphics + "); the SVG is written");
    }
  }

  private int width() {
    return LABEL + PLOT + 40;
  }

  private int height() {
    return TOP + ratios.size() * (2 * BAR + 8) + 50;
  }

  private void draw(ChartCanvas c) {
    c.text(10, 20, "start", 14, true, title);
    c.text(10, 38, "start", 11, false, "Throughput ratio PhantomDB / PostgreSQL 15 (log scale; right of 1.0 = PhantomDB faster)");
    double lx = LABEL;
    for (String engine : List.of("lsm", "btree")) {
      c.rect(lx, 46, 10, 10, COLORS.get(engine), null);
      c.text(lx + 14, 55, "start", 11, false, "PhantomDB " + engine);
      lx += 120;
    }
    int bottom = TOP + ratios.size() * (2 * BAR + 8);
    for (double e = lmin; e <= lmax; e++) {
      for (int mult : new int[] {1, 3}) {
        double v = mult * Math.pow(10, e);
        if (Math.log10(v) <= lmax + 1e-9) {
          c.line(x(v), TOP - 4, x(v), bottom, mult == 1 ? "#bbbbbb" : "#eeeeee", 1);
          c.text(x(v), bottom + 14, "middle", 10, false, v >= 1 ? String.format(Locale.ROOT, "%.0f", v)
              : String.valueOf((float) v));
        }
      }
    }
    int y = TOP;
    for (var w : ratios.entrySet()) {
      c.text(LABEL - 6, y + BAR + 4, "end", 11, false, w.getKey());
      int by = y;
      for (String engine : List.of("lsm", "btree")) {
        Double v = w.getValue().get(engine);
        if (v != null) {
          double x0 = x(1);
          double x1 = x(v);
          c.rect(Math.min(x0, x1), by, Math.max(1, Math.abs(x1 - x0)), BAR, COLORS.get(engine),
              w.getKey() + " " + engine + ": " + String.format(Locale.ROOT, "%.3f", v));
          c.text(v >= 1 ? x1 + 3 : x1 - 3, by + BAR - 2, v >= 1 ? "start" : "end", 9, false,
              String.format(Locale.ROOT, "%.2f", v));
        }
        by += BAR;
      }
      y += 2 * BAR + 8;
    }
    c.line(x(1), TOP - 6, x(1), bottom, "#000000", 1.5);
    c.text(LABEL + PLOT / 2.0, bottom + 32, "middle", 11, false, "PhantomDB / PostgreSQL");
  }

  private double x(double v) {
    return LABEL + (Math.log10(v) - lmin) / (lmax - lmin) * PLOT;
  }
}
