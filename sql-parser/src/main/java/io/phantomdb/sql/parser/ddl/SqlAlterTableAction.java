package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** One action of {@link SqlAlterTable}; the subclasses say which. */
public abstract class SqlAlterTableAction extends SqlCall {
  private final SqlOperator operator;

  /** @param name the action's name, for its operator ({@code ADD COLUMN}, ...) */
  protected SqlAlterTableAction(String name, SqlParserPos pos) {
    super(pos);
    this.operator = new SqlSpecialOperator(name, SqlKind.OTHER);
  }

  @Override public SqlOperator getOperator() {
    return operator;
  }
}
