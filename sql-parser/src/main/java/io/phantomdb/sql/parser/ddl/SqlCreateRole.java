package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE ROLE | USER name [[WITH] option ...]}. The options are kept as the words and
 * literals written ({@link SqlRoleOptions}); the kernel reads them as PostgreSQL does.
 */
public final class SqlCreateRole extends SqlCreate {
  private final boolean user;
  private final SqlIdentifier name;
  private final SqlNodeList options;

  /**
   * @param pos position
   * @param user true for CREATE USER (LOGIN by default)
   * @param name the role's name
   * @param options the option words and literals, in order
   */
  public SqlCreateRole(SqlParserPos pos, boolean user, SqlIdentifier name, SqlNodeList options) {
    super(new SqlSpecialOperator(user ? "CREATE USER" : "CREATE ROLE", SqlKind.OTHER_DDL), pos, false, false);
    this.user = user;
    this.name = Objects.requireNonNull(name, "name");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** @return true for CREATE USER */
  public boolean isUser() {
    return user;
  }

  /** @return the role's name */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the option words ({@link SqlIdentifier}) and values ({@code SqlLiteral}), in order */
  public SqlNodeList options() {
    return options;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, options);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(user ? "CREATE USER" : "CREATE ROLE");
    name.unparse(writer, 0, 0);
    SqlRoleOptions.unparse(writer, options);
  }
}
