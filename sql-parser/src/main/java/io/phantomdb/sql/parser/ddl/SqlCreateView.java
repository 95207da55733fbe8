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

/** {@code CREATE [OR REPLACE] VIEW name [(columns)] AS query}. */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final SqlNodeList columnList;
  private final SqlNode query;

  /** @param columnList the column names, or null */
  public SqlCreateView(SqlParserPos pos, boolean replace, SqlIdentifier name,
      SqlNodeList columnList, SqlNode query) {
    super(OPERATOR, pos, replace, false);
    this.name = Objects.requireNonNull(name, "name");
    this.columnList = columnList;
    this.query = Objects.requireNonNull(query, "query");
  }

  /** @return the view name */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the column names written after the name, or null */
  public SqlNodeList columnList() {
    return columnList;
  }

  /** @return the query */
  public SqlNode query() {
    return query;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columnList, query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    name.unparse(writer, 0, 0);
    if (columnList != null) {
      SqlWriterSupport.parenthesizedList(writer, columnList);
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
