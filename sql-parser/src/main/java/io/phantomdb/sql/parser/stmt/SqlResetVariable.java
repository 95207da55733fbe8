package io.phantomdb.sql.parser.stmt;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code RESET name}, {@code RESET ALL}, {@code RESET TIME ZONE} (name {@code timezone}) and
 * {@code RESET SESSION AUTHORIZATION} (name {@code session_authorization}).
 */
public final class SqlResetVariable extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("RESET", SqlKind.OTHER);

  private final SqlIdentifier name;

  /** @param name the variable, or null for RESET ALL */
  public SqlResetVariable(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = name;
  }

  /** @return true for RESET ALL */
  public boolean isAll() {
    return name == null;
  }

  /** @return the variable, or null for RESET ALL */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the variable name, dotted if qualified, or {@code all} */
  public String nameText() {
    return name == null ? "all" : String.join(".", name.names);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("RESET");
    if (name == null) {
      writer.keyword("ALL");
    } else {
      name.unparse(writer, 0, 0);
    }
  }
}
