package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlTruncate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name [, ...] [RESTART IDENTITY | CONTINUE IDENTITY]
 * [CASCADE | RESTRICT]}.
 */
public final class SqlTruncateTable extends SqlTruncate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TRUNCATE TABLE", SqlKind.TRUNCATE_TABLE);

  private final SqlNodeList names;
  private final Boolean restartIdentity;
  private final DropBehavior behavior;

  /**
   * @param restartIdentity true for RESTART IDENTITY, false for CONTINUE IDENTITY, null if not
   *     written
   * @param behavior CASCADE / RESTRICT, or null if not written
   */
  public SqlTruncateTable(SqlParserPos pos, SqlNodeList names, Boolean restartIdentity,
      DropBehavior behavior) {
    super(OPERATOR, pos);
    this.names = Objects.requireNonNull(names, "names");
    this.restartIdentity = restartIdentity;
    this.behavior = behavior;
  }

  /** @return the tables in the order written */
  public SqlNodeList names() {
    return names;
  }

  /** @return RESTART (true) / CONTINUE (false) IDENTITY, or null if not written */
  public Boolean restartIdentity() {
    return restartIdentity;
  }

  /** @return CASCADE / RESTRICT, or null if not written */
  public DropBehavior behavior() {
    return behavior;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(names);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("TRUNCATE TABLE");
    names.unparse(writer, 0, 0);
    if (restartIdentity != null) {
      writer.keyword(restartIdentity ? "RESTART IDENTITY" : "CONTINUE IDENTITY");
    }
    if (behavior != null) {
      writer.keyword(behavior.name());
    }
  }
}
