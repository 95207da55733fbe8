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
 * {@code SHOW name}, {@code SHOW ALL}, and the spellings PostgreSQL gives special syntax:
 * {@code SHOW TIME ZONE} (name {@code timezone}), {@code SHOW TRANSACTION ISOLATION LEVEL}
 * (name {@code transaction_isolation}), {@code SHOW SESSION AUTHORIZATION}
 * ({@code session_authorization}).
 */
public final class SqlShowVariable extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

  private final SqlIdentifier name;

  /** @param name the variable, or null for SHOW ALL */
  public SqlShowVariable(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = name;
  }

  /** @return true for SHOW ALL */
  public boolean isAll() {
    return name == null;
  }

  /** @return the variable, or null for SHOW ALL */
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
    writer.keyword("SHOW");
    if (name == null) {
      writer.keyword("ALL");
    } else {
      name.unparse(writer, 0, 0);
    }
  }
}
