package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code ALTER ROLE | USER name [WITH] option ...} or {@code ALTER ROLE | USER name RENAME TO new}. */
public final class SqlAlterRole extends SqlDdl {
  private final SqlIdentifier name;
  private final SqlNodeList options;
  private final SqlIdentifier newName;

  /**
   * @param pos position
   * @param name the role
   * @param options the option words and values (empty for RENAME)
   * @param newName the new name for RENAME TO, else null
   */
  public SqlAlterRole(SqlParserPos pos, SqlIdentifier name, SqlNodeList options, SqlIdentifier newName) {
    super(new SqlSpecialOperator("ALTER ROLE", SqlKind.OTHER_DDL), pos);
    this.name = Objects.requireNonNull(name, "name");
    this.options = Objects.requireNonNull(options, "options");
    this.newName = newName;
  }

  /** @return the role's name */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the option words and values, in order */
  public SqlNodeList options() {
    return options;
  }

  /** @return the new name (RENAME TO), or null */
  public SqlIdentifier newName() {
    return newName;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, options, newName);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER ROLE");
    name.unparse(writer, 0, 0);
    if (newName != null) {
      writer.keyword("RENAME TO");
      newName.unparse(writer, 0, 0);
    } else {
      SqlRoleOptions.unparse(writer, options);
    }
  }
}
