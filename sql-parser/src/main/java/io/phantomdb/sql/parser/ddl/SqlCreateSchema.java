package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]}. */
public final class SqlCreateSchema extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE SCHEMA", SqlKind.CREATE_SCHEMA);

  private final SqlIdentifier name;
  private final SqlIdentifier authorization;

  /** @param authorization the owner role, or null */
  public SqlCreateSchema(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      SqlIdentifier authorization) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = Objects.requireNonNull(name, "name");
    this.authorization = authorization;
  }

  /** @return the schema name */
  public SqlIdentifier name() {
    return name;
  }

  /** @return true if IF NOT EXISTS was written */
  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** @return the AUTHORIZATION role, or null */
  public SqlIdentifier authorization() {
    return authorization;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, authorization);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE SCHEMA");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (authorization != null) {
      writer.keyword("AUTHORIZATION");
      authorization.unparse(writer, 0, 0);
    }
  }
}
