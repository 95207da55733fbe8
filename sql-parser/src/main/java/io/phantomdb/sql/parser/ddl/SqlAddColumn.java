package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code ADD [COLUMN] [IF NOT EXISTS] column-definition}. */
public final class SqlAddColumn extends SqlAlterTableAction {
  private final boolean ifNotExists;
  private final SqlColumnDeclaration column;

  public SqlAddColumn(SqlParserPos pos, boolean ifNotExists, SqlColumnDeclaration column) {
    super("ADD COLUMN", pos);
    this.ifNotExists = ifNotExists;
    this.column = Objects.requireNonNull(column, "column");
  }

  /** @return true if IF NOT EXISTS was written */
  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** @return the new column */
  public SqlColumnDeclaration column() {
    return column;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(column);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ADD COLUMN");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    column.unparse(writer, 0, 0);
  }
}
