package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code ALTER INDEX [IF EXISTS] name RENAME TO new_name}. */
public final class SqlAlterIndex extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER INDEX", SqlKind.ALTER_INDEX);

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final SqlIdentifier newName;

  public SqlAlterIndex(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      SqlIdentifier newName) {
    super(OPERATOR, pos);
    this.ifExists = ifExists;
    this.name = Objects.requireNonNull(name, "name");
    this.newName = Objects.requireNonNull(newName, "newName");
  }

  /** @return true if IF EXISTS was written */
  public boolean ifExists() {
    return ifExists;
  }

  /** @return the index, possibly schema-qualified */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the new index name */
  public SqlIdentifier newName() {
    return newName;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, newName);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER INDEX");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("RENAME TO");
    newName.unparse(writer, 0, 0);
  }
}
