package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code RENAME TO new_name}. */
public final class SqlRenameTable extends SqlAlterTableAction {
  private final SqlIdentifier newName;

  public SqlRenameTable(SqlParserPos pos, SqlIdentifier newName) {
    super("RENAME TABLE", pos);
    this.newName = Objects.requireNonNull(newName, "newName");
  }

  /** @return the new table name */
  public SqlIdentifier newName() {
    return newName;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(newName);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("RENAME TO");
    newName.unparse(writer, 0, 0);
  }
}
