package io.phantomdb.sql.parser.stmt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * PostgreSQL's EXPLAIN: {@code EXPLAIN [ANALYZE] [VERBOSE] statement} and
 * {@code EXPLAIN (option [value] [, ...]) statement}. Options are kept by lower-case name; an
 * option written without a value has the value {@code "true"}, and {@code ANALYZE} /
 * {@code VERBOSE} in the old syntax are the options {@code analyze} / {@code verbose}. Values are
 * kept as written, lower case ({@code "false"}, {@code "off"}, {@code "json"}, {@code "0"}).
 * Calcite's own {@code EXPLAIN PLAN FOR} still parses into {@link org.apache.calcite.sql.SqlExplain}.
 */
public final class SqlPgExplain extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.OTHER);

  private final Map<String, String> options;
  private final SqlNode statement;

  /** @param options lower-case names to values, in the order written */
  public SqlPgExplain(SqlParserPos pos, Map<String, String> options, SqlNode statement) {
    super(pos);
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.statement = Objects.requireNonNull(statement, "statement");
  }

  /** @return the options in the order written */
  public Map<String, String> options() {
    return options;
  }

  /** @return the statement explained */
  public SqlNode statement() {
    return statement;
  }

  /** @return whether the boolean option is on ({@code true}, {@code on}, {@code 1}, ...) */
  public boolean isOn(String option) {
    final String v = options.get(option);
    return v != null && (v.equals("true") || v.equals("on") || v.equals("1") || v.equals("yes")
        || v.equals("t") || v.equals("y"));
  }

  /** @return true for EXPLAIN ANALYZE / EXPLAIN (ANALYZE [true]) */
  public boolean isAnalyze() {
    return isOn("analyze");
  }

  /** @return true for EXPLAIN VERBOSE / EXPLAIN (VERBOSE [true]) */
  public boolean isVerbose() {
    return isOn("verbose");
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(statement);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN");
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
    writer.newlineAndIndent();
    statement.unparse(writer, 0, 0);
  }
}
