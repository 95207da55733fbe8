package io.phantomdb.sql.parser.ddl;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.List;
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
 * {@code REFERENCES table [(columns)] [ON DELETE action] [ON UPDATE action]}, the target of a
 * foreign key (a column constraint or {@code FOREIGN KEY (...)} table constraint). Parsed so
 * PostgreSQL DDL is accepted; the kernel decides whether it enforces it.
 */
public final class SqlReferences extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("REFERENCES", SqlKind.OTHER);

  private final SqlIdentifier table;
  private final SqlNodeList columns;
  private final ReferentialAction onDelete;
  private final ReferentialAction onUpdate;

  /**
   * @param columns the referenced columns, or null for the referenced table's primary key
   * @param onDelete null if not written
   * @param onUpdate null if not written
   */
  public SqlReferences(SqlParserPos pos, SqlIdentifier table, SqlNodeList columns,
      ReferentialAction onDelete, ReferentialAction onUpdate) {
    super(pos);
    this.table = table;
    this.columns = columns;
    this.onDelete = onDelete;
    this.onUpdate = onUpdate;
  }

  /** @return the referenced table */
  public SqlIdentifier table() {
    return table;
  }

  /** @return the referenced columns, or null (the primary key) */
  public SqlNodeList columns() {
    return columns;
  }

  /** @return the ON DELETE action, or null */
  public ReferentialAction onDelete() {
    return onDelete;
  }

  /** @return the ON UPDATE action, or null */
  public ReferentialAction onUpdate() {
    return onUpdate;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(table, columns);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("REFERENCES");
    table.unparse(writer, 0, 0);
    if (columns != null) {
      SqlWriterSupport.parenthesizedList(writer, columns);
    }
    if (onDelete != null) {
      writer.keyword("ON DELETE");
      writer.keyword(onDelete.sql());
    }
    if (onUpdate != null) {
      writer.keyword("ON UPDATE");
      writer.keyword(onUpdate.sql());
    }
  }
}
