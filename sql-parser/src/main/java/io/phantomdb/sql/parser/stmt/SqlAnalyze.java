package io.phantomdb.sql.parser.stmt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's ANALYZE: {@code ANALYZE [VERBOSE] [table [(column [, ...])] [, ...]]} and {@code
 * ANALYZE (option [value] [, ...]) [table ...]}. Options are kept by lower-case name as EXPLAIN's
 * are ({@code VERBOSE} in the old syntax is the option {@code verbose}); no table means every
 * table of the database.
 */
public final class SqlAnalyze extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ANALYZE", SqlKind.OTHER);

  /**
   * One table to analyze.
   *
   * @param table its name, possibly qualified
   * @param columns the columns to analyze, or empty for all
   */
  public record Target(SqlIdentifier table, List<SqlIdentifier> columns) {
    /** Copies the list. */
    public Target {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
    }
  }

  private final Map<String, String> options;
  private final List<Target> targets;

  /**
   * @param pos the position
   * @param options lower-case names to values, in the order written
   * @param targets the tables, or empty for all
   */
  public SqlAnalyze(SqlParserPos pos, Map<String, String> options, List<Target> targets) {
    super(pos);
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.targets = List.copyOf(targets);
  }

  /** @return the options in the order written */
  public Map<String, String> options() {
    return options;
  }

  /** @return true for ANALYZE VERBOSE / ANALYZE (VERBOSE [true]) */
  public boolean isVerbose() {
    final String v = options.get("verbose");
    return v != null && (v.equals("true") || v.equals("on") || v.equals("1") || v.equals("yes")
        || v.equals("t") || v.equals("y"));
  }

  /** @return the tables, or empty for every table */
  public List<Target> targets() {
    return targets;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    final List<SqlNode> tables = new ArrayList<>();
    for (Target t : targets) {
      tables.add(t.table());
    }
    return tables;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ANALYZE");
    if (!options.isEmpty()) {
      final SqlWriter.Frame frame = writer.startList("(", ")");
      for (Map.Entry<String, String> e : options.entrySet()) {
        writer.sep(",");
        writer.keyword(e.getKey().toUpperCase(java.util.Locale.ROOT));
        if (e.getValue().matches("[a-z_][a-z0-9_]*|[0-9]+")) {
          writer.print(e.getValue());
        } else {
          writer.literal("'" + e.getValue().replace("'", "''") + "'");
        }
      }
      writer.endList(frame);
    }
    for (int i = 0; i < targets.size(); i++) {
      if (i > 0) {
        writer.print(",");
      }
      final Target t = targets.get(i);
      t.table().unparse(writer, 0, 0);
      if (!t.columns().isEmpty()) {
        final SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlIdentifier c : t.columns()) {
          writer.sep(",");
          c.unparse(writer, 0, 0);
        }
        writer.endList(frame);
      }
    }
  }
}
