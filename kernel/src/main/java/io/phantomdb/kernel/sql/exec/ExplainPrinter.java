package io.phantomdb.kernel.sql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an operator tree the way PostgreSQL's EXPLAIN does: one line per operator, children
 * indented under {@code ->}, detail lines (such as {@code Index Cond: ...}) indented under their
 * operator; after EXPLAIN ANALYZE (operators wrapped in {@link
 * InstrumentedOperator}) each line carries {@code (actual time=... rows=... loops=...)}.
 */
public final class ExplainPrinter {
  private ExplainPrinter() {}

  /**
   * @param root the plan's root
   * @return the lines of the plan
   */
  public static List<String> render(Operator root) {
    return render(root, true);
  }

  /**
   * @param root the plan's root
   * @param timing false to leave the times out of EXPLAIN ANALYZE's lines (PostgreSQL's {@code
   *     TIMING OFF}: {@code (actual rows=... loops=...)})
   * @return the lines of the plan
   */
  public static List<String> render(Operator root, boolean timing) {
    List<String> lines = new ArrayList<>();
    render(root, 0, lines, timing);
    return lines;
  }

  private static void render(Operator op, int depth, List<String> lines, boolean timing) {
    StringBuilder sb = new StringBuilder();
    int indent = depth == 0 ? 0 : 2 + (depth - 1) * 6;
    if (depth > 0) {
      sb.append(" ".repeat(indent)).append("->  ");
    }
    sb.append(op.describe());
    if (op instanceof InstrumentedOperator i) {
      sb.append(timing
          ? String.format(Locale.ROOT, "  (actual time=%.3f ms rows=%d loops=%d)", i.millis(), i.rows(), i.loops())
          : "  (actual rows=" + i.rows() + " loops=" + i.loops() + ")");
    }
    lines.add(sb.toString());
    String detailIndent = " ".repeat(depth == 0 ? 2 : indent + 6);
    for (String detail : op.details()) {
      lines.add(detailIndent + detail);
    }
    for (Operator child : op.children()) {
      render(child, depth + 1, lines, timing);
    }
  }
}
