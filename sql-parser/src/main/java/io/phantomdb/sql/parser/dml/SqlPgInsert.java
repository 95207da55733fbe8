package io.phantomdb.sql.parser.dml;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A PostgreSQL INSERT with what Calcite's {@link SqlInsert} cannot hold:
 * {@code INSERT INTO t [AS alias] [(cols)] {query | DEFAULT VALUES} [ON CONFLICT ...]
 * [RETURNING ...]}. The parser returns a plain {@link SqlInsert} when none of these is written;
 * this node wraps one otherwise, so the validator can still validate {@link #insert()}.
 *
 * <p>For DEFAULT VALUES the wrapped insert's source is {@code VALUES ()} (one empty row) and
 * {@link #isDefaultValues()} is true: the kernel supplies every column's default.
 */
public final class SqlPgInsert extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("PG INSERT", SqlKind.OTHER);

  private final SqlInsert insert;
  private final SqlIdentifier alias;
  private final boolean defaultValues;
  private final SqlOnConflict onConflict;
  private final SqlNodeList returning;

  /**
   * @param alias the target table's alias (INSERT INTO t AS alias), or null
   * @param onConflict the ON CONFLICT clause, or null
   * @param returning the RETURNING items (select items: expressions, AS calls, stars), or null
   */
  public SqlPgInsert(SqlParserPos pos, SqlInsert insert, SqlIdentifier alias,
      boolean defaultValues, SqlOnConflict onConflict, SqlNodeList returning) {
    super(pos);
    this.insert = Objects.requireNonNull(insert, "insert");
    this.alias = alias;
    this.defaultValues = defaultValues;
    this.onConflict = onConflict;
    this.returning = returning;
  }

  /** @return the core INSERT (target table, column list, source) */
  public SqlInsert insert() {
    return insert;
  }

  /** @return the target table's alias, or null */
  public SqlIdentifier alias() {
    return alias;
  }

  /** @return true for INSERT ... DEFAULT VALUES */
  public boolean isDefaultValues() {
    return defaultValues;
  }

  /** @return the ON CONFLICT clause, or null */
  public SqlOnConflict onConflict() {
    return onConflict;
  }

  /** @return the RETURNING items, or null */
  public SqlNodeList returning() {
    return returning;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(insert, alias, onConflict, returning);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("INSERT INTO");
    insert.getTargetTable().unparse(writer, 0, 0);
    if (alias != null) {
      writer.keyword("AS");
      alias.unparse(writer, 0, 0);
    }
    if (insert.getTargetColumnList() != null) {
      SqlWriterSupport.parenthesizedList(writer, insert.getTargetColumnList());
    }
    if (insert instanceof SqlPgOverridingInsert o) {
      writer.keyword(o.overriding() == SqlPgOverridingInsert.Overriding.SYSTEM_VALUE
          ? "OVERRIDING SYSTEM VALUE" : "OVERRIDING USER VALUE");
    }
    if (defaultValues) {
      writer.keyword("DEFAULT VALUES");
    } else {
      writer.newlineAndIndent();
      insert.getSource().unparse(writer, 0, 0);
    }
    if (onConflict != null) {
      onConflict.unparse(writer, 0, 0);
    }
    unparseReturning(writer, returning);
  }

  /** Prints {@code RETURNING a, b AS c} if {@code returning} is not null. */
  static void unparseReturning(SqlWriter writer, SqlNodeList returning) {
    if (returning != null) {
      writer.keyword("RETURNING");
      SqlWriterSupport.commaList(writer, returning);
    }
  }
}
