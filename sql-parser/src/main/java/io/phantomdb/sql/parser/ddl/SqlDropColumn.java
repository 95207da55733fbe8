package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]}. */
public final class SqlDropColumn extends SqlAlterTableAction {
  private final boolean ifExists;
  private final SqlIdentifier name;
  private final DropBehavior behavior;

  /** @param behavior CASCADE / RESTRICT, or null if not written */
  public SqlDropColumn(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      DropBehavior behavior) {
    super("DROP COLUMN", pos);
    this.ifExists = ifExists;
    this.name = Objects.requireNonNull(name, "name");
    this.behavior = behavior;
  }

  /** @return true if IF EXISTS was written */
  public boolean ifExists() {
    return ifExists;
  }

  /** @return the column */
  public SqlIdentifier name() {
    return name;
  }

  /** @return CASCADE / RESTRICT, or null */
  public DropBehavior behavior() {
    return behavior;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP COLUMN");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (behavior != null) {
      writer.keyword(behavior.name());
    }
  }
}
