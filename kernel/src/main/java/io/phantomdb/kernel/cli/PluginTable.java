package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.plugin.PluginReport;
import java.util.ArrayList;
import java.util.List;

/** Renders plugin reports as a plain text table, one row per plugin, columns padded. */
final class PluginTable {
  private static final String[] HEADER = {
    "PLUGIN", "VERSION", "REQUIRES", "PROVIDES", "STATE", "FILE", "REASON"
  };

  private PluginTable() {}

  static String render(List<PluginReport> reports) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (PluginReport r : reports) {
      rows.add(new String[] {
        r.displayName(),
        orDash(r.version()),
        orDash(r.requires()),
        r.provides().isEmpty() ? "-" : String.join(", ", r.provides()),
        r.status().name(),
        r.path() == null ? "(class path)" : r.path().getFileName().toString(),
        r.reason() == null ? "" : r.reason()
      });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    return sb.toString();
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
