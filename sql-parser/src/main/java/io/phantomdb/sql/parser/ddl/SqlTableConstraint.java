package io.phantomdb.sql.parser.ddl;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
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
 * A table constraint in CREATE TABLE or ALTER TABLE ADD:
 * {@code [CONSTRAINT name] {PRIMARY KEY (cols) | UNIQUE (cols) | CHECK (expr)
 * | FOREIGN KEY (cols) REFERENCES ...}}.
 */
public final class SqlTableConstraint extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TABLE CONSTRAINT", SqlKind.OTHER);

  /** The kind of table constraint. */
  public enum Kind {
    PRIMARY_KEY,
    UNIQUE,
    CHECK,
    FOREIGN_KEY
  }

  private final SqlIdentifier name;
  private final Kind kind;
  private final SqlNodeList columns;
  private final SqlNode check;
  private final SqlReferences references;

  /**
   * @param name the CONSTRAINT name, or null
   * @param columns the columns (PRIMARY KEY, UNIQUE, FOREIGN KEY), else null
   * @param check the condition (CHECK), else null
   * @param references the target (FOREIGN KEY), else null
   */
  public SqlTableConstraint(SqlParserPos pos, SqlIdentifier name, Kind kind,
      SqlNodeList columns, SqlNode check, SqlReferences references) {
    super(pos);
    this.name = name;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.columns = columns;
    this.check = check;
    this.references = references;
    if ((kind == Kind.CHECK) != (check != null) || (kind == Kind.CHECK) == (columns != null)
        || (kind == Kind.FOREIGN_KEY) != (references != null)) {
      throw new IllegalArgumentException("operands do not fit " + kind);
    }
  }

  /** @return the CONSTRAINT name, or null */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the kind */
  public Kind kind() {
    return kind;
  }

  /** @return the columns of PRIMARY KEY, UNIQUE or FOREIGN KEY, else null */
  public SqlNodeList columns() {
    return columns;
  }

  /** @return the CHECK condition, else null */
  public SqlNode check() {
    return check;
  }

  /** @return the FOREIGN KEY target, else null */
  public SqlReferences references() {
    return references;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columns, check, references);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    switch (kind) {
    case PRIMARY_KEY:
      writer.keyword("PRIMARY KEY");
      SqlWriterSupport.parenthesizedList(writer, columns);
      break;
    case UNIQUE:
      writer.keyword("UNIQUE");
      SqlWriterSupport.parenthesizedList(writer, columns);
      break;
    case CHECK:
      writer.keyword("CHECK");
      SqlWriterSupport.parenthesizedExpression(writer, check);
      break;
    case FOREIGN_KEY:
      writer.keyword("FOREIGN KEY");
      SqlWriterSupport.parenthesizedList(writer, columns);
      references.unparse(writer, 0, 0);
      break;
    default:
      throw new AssertionError(kind);
    }
  }
}
