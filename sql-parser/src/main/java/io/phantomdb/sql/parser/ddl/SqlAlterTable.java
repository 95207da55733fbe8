package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, ...]}. Each action is a
 * {@link SqlAlterTableAction}: {@link SqlAddColumn}, {@link SqlDropColumn},
 * {@link SqlAddConstraint}, {@link SqlDropConstraint}, {@link SqlAlterColumn}, or — alone, as
 * PostgreSQL requires — {@link SqlRenameTable}, {@link SqlRenameColumn} or
 * {@link SqlRenameConstraint}.
 */
public final class SqlAlterTable extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final SqlNodeList actions;

  /** @param actions one or more {@link SqlAlterTableAction}s */
  public SqlAlterTable(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      SqlNodeList actions) {
    super(OPERATOR, pos);
    this.ifExists = ifExists;
    this.name = Objects.requireNonNull(name, "name");
    this.actions = Objects.requireNonNull(actions, "actions");
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("no actions");
    }
  }

  /** @return true if IF EXISTS was written */
  public boolean ifExists() {
    return ifExists;
  }

  /** @return the table */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the {@link SqlAlterTableAction}s in the order written */
  public SqlNodeList actions() {
    return actions;
  }

  /** @return the first (often only) action */
  public SqlAlterTableAction action() {
    return (SqlAlterTableAction) actions.get(0);
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, actions);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    final SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode action : actions) {
      writer.sep(",");
      action.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
