package io.phantomdb.sql.parser.dml;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.Objects;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code INSERT INTO t [(cols)] OVERRIDING {SYSTEM | USER} VALUE query}: Calcite's {@link
 * SqlInsert} with PostgreSQL's OVERRIDING clause, so the validator and converter treat it as any
 * INSERT while the engine can read {@link #overriding()}. A {@link SqlPgInsert} wraps one when
 * other PostgreSQL clauses are written too.
 */
public final class SqlPgOverridingInsert extends SqlInsert {
  /** What OVERRIDING says. */
  public enum Overriding {
    /** {@code OVERRIDING SYSTEM VALUE}: explicit values win over GENERATED ALWAYS identities. */
    SYSTEM_VALUE,
    /** {@code OVERRIDING USER VALUE}: explicit values for identity columns are ignored. */
    USER_VALUE
  }

  private final Overriding overriding;

  /**
   * @param keywords as {@link SqlInsert}'s
   * @param targetTable the target table
   * @param source the rows inserted
   * @param columnList the target columns, or null for all
   * @param overriding the OVERRIDING clause
   */
  public SqlPgOverridingInsert(SqlParserPos pos, SqlNodeList keywords, SqlNode targetTable,
      SqlNode source, @Nullable SqlNodeList columnList, Overriding overriding) {
    super(pos, keywords, targetTable, source, columnList);
    this.overriding = Objects.requireNonNull(overriding, "overriding");
  }

  /** @return the OVERRIDING clause */
  public Overriding overriding() {
    return overriding;
  }

  /**
   * @param insert an INSERT
   * @return its OVERRIDING clause, or null if it has none
   */
  public static @Nullable Overriding of(SqlInsert insert) {
    return insert instanceof SqlPgOverridingInsert o ? o.overriding : null;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("INSERT INTO");
    getTargetTable().unparse(writer, 0, 0);
    if (getTargetColumnList() != null) {
      SqlWriterSupport.parenthesizedList(writer, getTargetColumnList());
    }
    writer.keyword(overriding == Overriding.SYSTEM_VALUE ? "OVERRIDING SYSTEM VALUE"
        : "OVERRIDING USER VALUE");
    writer.newlineAndIndent();
    getSource().unparse(writer, 0, 0);
  }
}
