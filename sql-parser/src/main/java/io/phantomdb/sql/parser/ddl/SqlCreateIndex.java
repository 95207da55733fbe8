package io.phantomdb.sql.parser.ddl;

import io.phantomdb.sql.parser.SqlWriterSupport;
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
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table [USING method]
 * (item [ASC|DESC] [NULLS FIRST|LAST], ...) [WHERE predicate]}.
 *
 * <p>Each item of {@link #columns()} is written as in ORDER BY: an expression (usually a column
 * identifier), wrapped in a {@link SqlKind#DESCENDING} call for DESC and in a
 * {@link SqlKind#NULLS_FIRST} / {@link SqlKind#NULLS_LAST} call for NULLS FIRST / LAST.
 */
public final class SqlCreateIndex extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  private final SqlIdentifier name;
  private final SqlIdentifier table;
  private final boolean unique;
  private final String method;
  private final SqlNodeList columns;
  private final SqlNode where;

  /**
   * @param name the index name, or null (PostgreSQL then makes one up)
   * @param method the access method of USING, lower case ({@code btree}), or null
   * @param where the predicate of a partial index, or null
   */
  public SqlCreateIndex(SqlParserPos pos, boolean unique, boolean ifNotExists,
      SqlIdentifier name, SqlIdentifier table, String method, SqlNodeList columns,
      SqlNode where) {
    super(OPERATOR, pos, false, ifNotExists);
    this.unique = unique;
    this.name = name;
    this.table = Objects.requireNonNull(table, "table");
    this.method = method;
    this.columns = Objects.requireNonNull(columns, "columns");
    this.where = where;
  }

  /** @return the index name, or null if none was written */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the indexed table */
  public SqlIdentifier table() {
    return table;
  }

  /** @return true for CREATE UNIQUE INDEX */
  public boolean isUnique() {
    return unique;
  }

  /** @return true if IF NOT EXISTS was written */
  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** @return the USING method in lower case, or null */
  public String method() {
    return method;
  }

  /** @return the index items (see the class comment) */
  public SqlNodeList columns() {
    return columns;
  }

  /** @return the partial index predicate, or null */
  public SqlNode where() {
    return where;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, table, columns, where);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    if (method != null) {
      writer.keyword("USING");
      writer.identifier(method, false);
    }
    SqlWriterSupport.parenthesizedList(writer, columns);
    if (where != null) {
      writer.keyword("WHERE");
      where.unparse(writer, 0, 0);
    }
  }
}
