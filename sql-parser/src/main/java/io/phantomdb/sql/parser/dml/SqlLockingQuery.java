package io.phantomdb.sql.parser.dml;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A query statement with PostgreSQL's locking clause:
 * {@code query FOR {UPDATE | NO KEY UPDATE | SHARE | KEY SHARE} [OF table [, ...]]
 * [NOWAIT | SKIP LOCKED]}. Only at statement level (not in sub-queries) and only one clause;
 * without one the parser returns the query itself.
 */
public final class SqlLockingQuery extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("FOR UPDATE", SqlKind.OTHER);

  /** The lock strength. */
  public enum Strength {
    UPDATE("UPDATE"),
    NO_KEY_UPDATE("NO KEY UPDATE"),
    SHARE("SHARE"),
    KEY_SHARE("KEY SHARE");

    private final String sql;

    Strength(String sql) {
      this.sql = sql;
    }

    /** @return as written after FOR */
    public String sql() {
      return sql;
    }
  }

  /** What to do about rows another transaction has locked. */
  public enum WaitPolicy {
    /** Wait for the lock (the default). */
    WAIT,
    /** NOWAIT: fail at once. */
    NOWAIT,
    /** SKIP LOCKED: leave those rows out. */
    SKIP_LOCKED
  }

  private final SqlNode query;
  private final Strength strength;
  private final SqlNodeList tables;
  private final WaitPolicy waitPolicy;

  /** @param tables the tables of OF, or null for every table of the query */
  public SqlLockingQuery(SqlParserPos pos, SqlNode query, Strength strength, SqlNodeList tables,
      WaitPolicy waitPolicy) {
    super(pos);
    this.query = Objects.requireNonNull(query, "query");
    this.strength = Objects.requireNonNull(strength, "strength");
    this.tables = tables;
    this.waitPolicy = Objects.requireNonNull(waitPolicy, "waitPolicy");
  }

  /** @return the query (a SELECT, possibly with ORDER BY / LIMIT) */
  public SqlNode query() {
    return query;
  }

  /** @return the lock strength */
  public Strength strength() {
    return strength;
  }

  /** @return the tables of OF, or null */
  public SqlNodeList tables() {
    return tables;
  }

  /** @return the wait policy */
  public WaitPolicy waitPolicy() {
    return waitPolicy;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(query, tables);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    query.unparse(writer, 0, 0);
    writer.keyword("FOR");
    writer.keyword(strength.sql());
    if (tables != null) {
      writer.keyword("OF");
      tables.unparse(writer, 0, 0);
    }
    if (waitPolicy == WaitPolicy.NOWAIT) {
      writer.keyword("NOWAIT");
    } else if (waitPolicy == WaitPolicy.SKIP_LOCKED) {
      writer.keyword("SKIP LOCKED");
    }
  }
}
