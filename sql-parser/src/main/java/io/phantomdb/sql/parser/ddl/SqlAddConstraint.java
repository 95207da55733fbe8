package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code ADD table-constraint}, for example {@code ADD CONSTRAINT t_pkey PRIMARY KEY (id)}. */
public final class SqlAddConstraint extends SqlAlterTableAction {
  private final SqlTableConstraint constraint;

  public SqlAddConstraint(SqlParserPos pos, SqlTableConstraint constraint) {
    super("ADD CONSTRAINT", pos);
    this.constraint = Objects.requireNonNull(constraint, "constraint");
  }

  /** @return the constraint */
  public SqlTableConstraint constraint() {
    return constraint;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(constraint);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ADD");
    constraint.unparse(writer, 0, 0);
  }
}
