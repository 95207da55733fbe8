package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code DROP object-type [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}: the shape every
 * PostgreSQL DROP of a named object shares. One subclass per object type.
 */
public abstract class SqlDropObjects extends SqlDrop {
  private final String objectType;
  private final SqlNodeList names;
  private final DropBehavior behavior;

  /**
   * @param objectType the object type as written ({@code TABLE}, {@code INDEX}, ...)
   * @param kind the SqlKind of the statement
   * @param names one or more {@link SqlIdentifier}s
   * @param behavior CASCADE / RESTRICT, or null if not written
   */
  protected SqlDropObjects(String objectType, SqlKind kind, SqlParserPos pos, boolean ifExists,
      SqlNodeList names, DropBehavior behavior) {
    super(new SqlSpecialOperator("DROP " + objectType, kind), pos, ifExists);
    this.objectType = objectType;
    this.names = Objects.requireNonNull(names, "names");
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no names");
    }
    this.behavior = behavior;
  }

  /** @return the names in the order written */
  public SqlNodeList names() {
    return names;
  }

  /** @return the first (usually only) name */
  public SqlIdentifier name() {
    return (SqlIdentifier) names.get(0);
  }

  /** @return true if IF EXISTS was written */
  public boolean ifExists() {
    return ifExists;
  }

  /** @return CASCADE / RESTRICT, or null if not written (PostgreSQL's default is RESTRICT) */
  public DropBehavior behavior() {
    return behavior;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(names);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP");
    writer.keyword(objectType);
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    names.unparse(writer, 0, 0);
    if (behavior != null) {
      writer.keyword(behavior.name());
    }
  }
}
