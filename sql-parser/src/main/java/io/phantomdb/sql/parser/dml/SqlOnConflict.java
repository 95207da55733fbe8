package io.phantomdb.sql.parser.dml;

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
 * The ON CONFLICT clause of an INSERT:
 * {@code ON CONFLICT [(columns) [WHERE index_predicate] | ON CONSTRAINT name] DO NOTHING} or
 * {@code ON CONFLICT {(columns) [WHERE index_predicate] | ON CONSTRAINT name} DO UPDATE SET
 * c = expr [, ...] [WHERE condition]}. In the SET expressions and the WHERE condition {@code excluded.c} names
 * the value proposed for insertion, as in PostgreSQL.
 */
public final class SqlOnConflict extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ON CONFLICT", SqlKind.OTHER);

  private final SqlNodeList conflictColumns;
  private final SqlNode indexPredicate;
  private final SqlIdentifier constraintName;
  private final boolean doNothing;
  private final SqlNodeList targetColumns;
  private final SqlNodeList sourceExpressions;
  private final SqlNode where;

  /**
   * An ON CONFLICT clause without an index predicate.
   *
   * @param conflictColumns the conflict target columns, or null
   * @param constraintName the conflict target constraint (ON CONSTRAINT name), or null
   * @param doNothing true for DO NOTHING; false for DO UPDATE, which needs the next three
   * @param targetColumns DO UPDATE: the columns set
   * @param sourceExpressions DO UPDATE: their new values (a value may be a DEFAULT call)
   * @param where DO UPDATE: the condition, or null
   */
  public SqlOnConflict(SqlParserPos pos, SqlNodeList conflictColumns,
      SqlIdentifier constraintName, boolean doNothing, SqlNodeList targetColumns,
      SqlNodeList sourceExpressions, SqlNode where) {
    this(pos, conflictColumns, null, constraintName, doNothing, targetColumns, sourceExpressions,
        where);
  }

  /**
   * @param conflictColumns the conflict target columns, or null
   * @param indexPredicate the WHERE of the conflict target (infers partial unique indexes), or
   *     null; only with {@code conflictColumns}
   * @param constraintName the conflict target constraint (ON CONSTRAINT name), or null
   * @param doNothing true for DO NOTHING; false for DO UPDATE, which needs the next three
   * @param targetColumns DO UPDATE: the columns set
   * @param sourceExpressions DO UPDATE: their new values (a value may be a DEFAULT call)
   * @param where DO UPDATE: the condition, or null
   */
  public SqlOnConflict(SqlParserPos pos, SqlNodeList conflictColumns, SqlNode indexPredicate,
      SqlIdentifier constraintName, boolean doNothing, SqlNodeList targetColumns,
      SqlNodeList sourceExpressions, SqlNode where) {
    super(pos);
    if (indexPredicate != null && conflictColumns == null) {
      throw new IllegalArgumentException("an index predicate needs conflict columns");
    }
    this.conflictColumns = conflictColumns;
    this.indexPredicate = indexPredicate;
    this.constraintName = constraintName;
    this.doNothing = doNothing;
    if (!doNothing) {
      Objects.requireNonNull(targetColumns, "targetColumns");
      Objects.requireNonNull(sourceExpressions, "sourceExpressions");
      if (targetColumns.size() != sourceExpressions.size()) {
        throw new IllegalArgumentException("columns and values differ in number");
      }
    }
    this.targetColumns = targetColumns;
    this.sourceExpressions = sourceExpressions;
    this.where = where;
  }

  /** @return the conflict target columns, or null */
  public SqlNodeList conflictColumns() {
    return conflictColumns;
  }

  /** @return the WHERE of the conflict target (index_predicate), or null */
  public SqlNode indexPredicate() {
    return indexPredicate;
  }

  /** @return the conflict target constraint name (ON CONSTRAINT), or null */
  public SqlIdentifier constraintName() {
    return constraintName;
  }

  /** @return true for DO NOTHING, false for DO UPDATE */
  public boolean isDoNothing() {
    return doNothing;
  }

  /** @return DO UPDATE: the columns set; else null */
  public SqlNodeList targetColumns() {
    return targetColumns;
  }

  /** @return DO UPDATE: the new values, parallel to {@link #targetColumns()}; else null */
  public SqlNodeList sourceExpressions() {
    return sourceExpressions;
  }

  /** @return DO UPDATE: the WHERE condition, or null */
  public SqlNode where() {
    return where;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(conflictColumns, indexPredicate, constraintName,
        targetColumns, sourceExpressions, where);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ON CONFLICT");
    if (conflictColumns != null) {
      SqlWriterSupport.parenthesizedList(writer, conflictColumns);
      if (indexPredicate != null) {
        writer.keyword("WHERE");
        indexPredicate.unparse(writer, 0, 0);
      }
    }
    if (constraintName != null) {
      writer.keyword("ON CONSTRAINT");
      constraintName.unparse(writer, 0, 0);
    }
    if (doNothing) {
      writer.keyword("DO NOTHING");
      return;
    }
    writer.keyword("DO UPDATE SET");
    SqlPgUpdate.unparseAssignments(writer, targetColumns, sourceExpressions);
    if (where != null) {
      writer.keyword("WHERE");
      where.unparse(writer, 0, 0);
    }
  }
}
