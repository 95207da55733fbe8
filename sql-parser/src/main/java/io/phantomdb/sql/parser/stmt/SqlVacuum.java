package io.phantomdb.sql.parser.stmt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's VACUUM: {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(column [, ...])]
 * [, ...]]} and {@code VACUUM (option [value] [, ...]) [table ...]}. Options are kept by lower-case
 * name as EXPLAIN's are (the old syntax's words become options with value {@code true}); no table
 * means every table.
 */
public final class SqlVacuum extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("VACUUM", SqlKind.OTHER);

  private final Map<String, String> options;
  private final List<SqlAnalyze.Target> targets;

  /**
   * @param pos the position
   * @param options lower-case names to values, in the order written
   * @param targets the tables, or empty for all
   */
  public SqlVacuum(SqlParserPos pos, Map<String, String> options, List<SqlAnalyze.Target> targets) {
    super(pos);
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.targets = List.copyOf(targets);
  }

  /** @return the options in the order written */
  public Map<String, String> options() {
    return options;
  }

  /**
   * @param name an option's lower-case name
   * @return true if the option is given and not switched off ({@code false}, {@code off}, {@code 0}, ...)
   */
  public boolean isOn(String name) {
    final String v = options.get(name);
    return v != null && !(v.equals("false") || v.equals("off") || v.equals("0") || v.equals("no")
        || v.equals("f") || v.equals("n"));
  }

  /** @return the tables, or empty for every table */
  public List<SqlAnalyze.Target> targets() {
    return targets;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    final List<SqlNode> tables = new ArrayList<>();
    for (SqlAnalyze.Target t : targets) {
      tables.add(t.table());
    }
    return tables;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("VACUUM");
    if (!options.isEmpty()) {
      final SqlWriter.Frame frame = writer.startList("(", ")");
      for (Map.Entry<String, String> e : options.entrySet()) {
        writer.sep(",");
        writer.keyword(e.getKey().toUpperCase(java.util.Locale.ROOT));
        writer.print(e.getValue());
      }
      writer.endList(frame);
    }
    for (int i = 0; i < targets.size(); i++) {
      if (i > 0) {
        writer.print(",");
      }
      final SqlAnalyze.Target t = targets.get(i);
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
