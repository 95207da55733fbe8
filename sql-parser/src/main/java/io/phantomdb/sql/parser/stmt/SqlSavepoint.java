package io.phantomdb.sql.parser.stmt;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code SAVEPOINT name}. */
public final class SqlSavepoint extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SAVEPOINT", SqlKind.OTHER);

  private final SqlIdentifier name;

  public SqlSavepoint(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = Objects.requireNonNull(name, "name");
  }

  /** @return the savepoint name */
  public SqlIdentifier name() {
    return name;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SAVEPOINT");
    name.unparse(writer, 0, 0);
  }
}
