package io.phantomdb.sql.parser.ddl;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code ALTER [COLUMN] name {SET DEFAULT expr | DROP DEFAULT | SET NOT NULL | DROP NOT NULL
 * | [SET DATA] TYPE type [USING expr]}}.
 */
public final class SqlAlterColumn extends SqlAlterTableAction {
  /** What is altered. */
  public enum Kind {
    SET_DEFAULT,
    DROP_DEFAULT,
    SET_NOT_NULL,
    DROP_NOT_NULL,
    SET_TYPE
  }

  private final SqlIdentifier name;
  private final Kind kind;
  private final SqlNode expression;
  private final SqlDataTypeSpec type;

  /**
   * @param expression the default (SET_DEFAULT) or the USING conversion (SET_TYPE), else null
   * @param type the new type (SET_TYPE), else null
   */
  public SqlAlterColumn(SqlParserPos pos, SqlIdentifier name, Kind kind, SqlNode expression,
      SqlDataTypeSpec type) {
    super("ALTER COLUMN", pos);
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.expression = expression;
    this.type = type;
    if ((kind == Kind.SET_TYPE) != (type != null)
        || (kind == Kind.SET_DEFAULT && expression == null)) {
      throw new IllegalArgumentException("operands do not fit " + kind);
    }
  }

  /** @return the column */
  public SqlIdentifier name() {
    return name;
  }

  /** @return what is altered */
  public Kind kind() {
    return kind;
  }

  /** @return the new default, or the USING expression of SET_TYPE, or null */
  public SqlNode expression() {
    return expression;
  }

  /** @return the new type of SET_TYPE, else null */
  public SqlDataTypeSpec type() {
    return type;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, expression, type);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER COLUMN");
    name.unparse(writer, 0, 0);
    switch (kind) {
    case SET_DEFAULT:
      writer.keyword("SET DEFAULT");
      SqlWriterSupport.parenthesizedExpression(writer, expression);
      break;
    case DROP_DEFAULT:
      writer.keyword("DROP DEFAULT");
      break;
    case SET_NOT_NULL:
      writer.keyword("SET NOT NULL");
      break;
    case DROP_NOT_NULL:
      writer.keyword("DROP NOT NULL");
      break;
    case SET_TYPE:
      writer.keyword("TYPE");
      type.unparse(writer, 0, 0);
      if (expression != null) {
        writer.keyword("USING");
        expression.unparse(writer, 0, 0);
      }
      break;
    default:
      throw new AssertionError(kind);
    }
  }
}
