package io.phantomdb.kernel.sql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an operator tree the way PostgreSQL's EXPLAIN does: one line per operator, children
 * indented under {@code ->}, an operator's {@link Operator#details()} under its line; after EXPLAIN ANALYZE (operators wrapped in {@link
 * InstrumentedOperator}) each line carries {@code (actual time=... rows=... loops=...)}.
 */
public final class ExplainPrinter {
  private ExplainPrinter() {}

  /**
   * @param root the plan's root
   * @return the lines of the plan
   */
  public static List<String> render(Operator root) {
    List<String> lines = new ArrayList<>();
    render(root, 0, lines);
    return lines;
  }

  private static void render(Operator op, int depth, List<String> lines) {
    StringBuilder sb = new StringBuilder();
    if (depth > 0) {
      sb.append(" ".repeat(2 + (depth - 1) * 6)).append("->  ");
    }
    sb.append(op.describe());
    if (op instanceof InstrumentedOperator i) {
      sb.append(String.format(Locale.ROOT, "  (actual time=%.3f ms rows=%d loops=%d)",
          i.millis(), i.rows(), i.loops()));
    }
    lines.add(sb.toString());
    String indent = " ".repeat(depth == 0 ? 2 : 6 * depth + 2);
    for (String detail : op.details()) {
      lines.add(indent + detail);
    }
    for (Operator child : op.children()) {
      render(child, depth + 1, lines);
    }
  }
}
