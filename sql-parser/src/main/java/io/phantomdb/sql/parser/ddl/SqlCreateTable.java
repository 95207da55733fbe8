package io.phantomdb.sql.parser.ddl;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
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
 * {@code CREATE [TEMP | TEMPORARY] TABLE [IF NOT EXISTS] name (column definitions and table
 * constraints)} or {@code CREATE [TEMP | TEMPORARY] TABLE [IF NOT EXISTS] name AS query}. Exactly
 * one of {@link #elements()} and {@link #query()} is non-null.
 */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final boolean temporary;
  private final SqlIdentifier name;
  private final SqlNodeList elements;
  private final SqlNode query;

  /**
   * @param temporary true for CREATE TEMP TABLE
   * @param elements {@link SqlColumnDeclaration}s and {@link SqlTableConstraint}s in the order
   *     written, or null for CREATE TABLE AS
   * @param query the query of CREATE TABLE AS, else null
   */
  public SqlCreateTable(SqlParserPos pos, boolean temporary, boolean ifNotExists,
      SqlIdentifier name, SqlNodeList elements, SqlNode query) {
    super(OPERATOR, pos, false, ifNotExists);
    this.temporary = temporary;
    this.name = Objects.requireNonNull(name, "name");
    if ((elements == null) == (query == null)) {
      throw new IllegalArgumentException("need exactly one of elements and query");
    }
    this.elements = elements;
    this.query = query;
  }

  /** @return true for CREATE TEMP TABLE */
  public boolean isTemporary() {
    return temporary;
  }

  /** @return the table name (possibly qualified) */
  public SqlIdentifier name() {
    return name;
  }

  /** @return true if IF NOT EXISTS was written */
  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** @return column definitions and table constraints in the order written, or null */
  public SqlNodeList elements() {
    return elements;
  }

  /** @return the query of CREATE TABLE AS, or null */
  public SqlNode query() {
    return query;
  }

  /** @return the column definitions in order (empty for CREATE TABLE AS) */
  public List<SqlColumnDeclaration> columns() {
    final List<SqlColumnDeclaration> list = new ArrayList<>();
    if (elements != null) {
      for (SqlNode e : elements) {
        if (e instanceof SqlColumnDeclaration) {
          list.add((SqlColumnDeclaration) e);
        }
      }
    }
    return list;
  }

  /** @return the table constraints in order */
  public List<SqlTableConstraint> constraints() {
    final List<SqlTableConstraint> list = new ArrayList<>();
    if (elements != null) {
      for (SqlNode e : elements) {
        if (e instanceof SqlTableConstraint) {
          list.add((SqlTableConstraint) e);
        }
      }
    }
    return list;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, elements, query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(temporary ? "CREATE TEMPORARY TABLE" : "CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (elements != null) {
      SqlWriterSupport.parenthesizedList(writer, elements);
    } else {
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
    }
  }
}
