package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code RENAME CONSTRAINT old_name TO new_name}. */
public final class SqlRenameConstraint extends SqlAlterTableAction {
  private final SqlIdentifier oldName;
  private final SqlIdentifier newName;

  public SqlRenameConstraint(SqlParserPos pos, SqlIdentifier oldName, SqlIdentifier newName) {
    super("RENAME CONSTRAINT", pos);
    this.oldName = Objects.requireNonNull(oldName, "oldName");
    this.newName = Objects.requireNonNull(newName, "newName");
  }

  /** @return the constraint's current name */
  public SqlIdentifier oldName() {
    return oldName;
  }

  /** @return the constraint's new name */
  public SqlIdentifier newName() {
    return newName;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(oldName, newName);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("RENAME CONSTRAINT");
    oldName.unparse(writer, 0, 0);
    writer.keyword("TO");
    newName.unparse(writer, 0, 0);
  }
}
