package io.phantomdb.sql.parser.ddl;

import io.phantomdb.sql.parser.type.PgTypeNameSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
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
 * A column definition: {@code name type [column constraint ...]}, in CREATE TABLE or ALTER TABLE
 * ADD COLUMN. The constraints are kept in the order written ({@link #constraints()}); the
 * accessors below answer the usual questions about them.
 */
public final class SqlColumnDeclaration extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COLUMN DECLARATION", SqlKind.COLUMN_DECL);

  private final SqlIdentifier name;
  private final SqlDataTypeSpec type;
  private final SqlNodeList constraints;

  /** @param constraints {@link SqlColumnConstraint}s in the order written (may be empty) */
  public SqlColumnDeclaration(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type,
      SqlNodeList constraints) {
    super(pos);
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.constraints = Objects.requireNonNull(constraints, "constraints");
  }

  /** @return the column name */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the type as written ({@code serial} types are a {@link PgTypeNameSpec}) */
  public SqlDataTypeSpec type() {
    return type;
  }

  /** @return the {@link SqlColumnConstraint}s in the order written */
  public SqlNodeList constraints() {
    return constraints;
  }

  /** @return the constraints of one kind, in the order written */
  public List<SqlColumnConstraint> constraints(SqlColumnConstraint.Kind kind) {
    final List<SqlColumnConstraint> list = new ArrayList<>();
    for (SqlNode node : constraints) {
      final SqlColumnConstraint c = (SqlColumnConstraint) node;
      if (c.kind() == kind) {
        list.add(c);
      }
    }
    return list;
  }

  private SqlColumnConstraint last(SqlColumnConstraint.Kind kind) {
    final List<SqlColumnConstraint> list = constraints(kind);
    return list.isEmpty() ? null : list.get(list.size() - 1);
  }

  /**
   * @return true if NOT NULL, PRIMARY KEY or an identity was written (and no NULL after them),
   *     or the type is a serial type
   */
  public boolean isNotNull() {
    boolean notNull = isSerial();
    for (SqlNode node : constraints) {
      switch (((SqlColumnConstraint) node).kind()) {
      case NOT_NULL:
      case PRIMARY_KEY:
      case IDENTITY_ALWAYS:
      case IDENTITY_BY_DEFAULT:
        notNull = true;
        break;
      case NULL:
        notNull = false;
        break;
      default:
        break;
      }
    }
    return notNull;
  }

  /** @return the DEFAULT expression, or null */
  public SqlNode defaultExpression() {
    final SqlColumnConstraint c = last(SqlColumnConstraint.Kind.DEFAULT);
    return c == null ? null : c.expression();
  }

  /** @return the identity constraint, or null */
  public SqlColumnConstraint identity() {
    final SqlColumnConstraint always = last(SqlColumnConstraint.Kind.IDENTITY_ALWAYS);
    return always != null ? always : last(SqlColumnConstraint.Kind.IDENTITY_BY_DEFAULT);
  }

  /** @return true if PRIMARY KEY was written on the column */
  public boolean isPrimaryKey() {
    return last(SqlColumnConstraint.Kind.PRIMARY_KEY) != null;
  }

  /** @return true if UNIQUE was written on the column */
  public boolean isUnique() {
    return last(SqlColumnConstraint.Kind.UNIQUE) != null;
  }

  /** @return true if the type is {@code serial}, {@code bigserial} or {@code smallserial} */
  public boolean isSerial() {
    return type.getTypeNameSpec() instanceof PgTypeNameSpec
        && ((PgTypeNameSpec) type.getTypeNameSpec()).pgType().isSerial();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, type, constraints);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    for (SqlNode c : constraints) {
      c.unparse(writer, 0, 0);
    }
  }
}
