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
 * [NOWAIT | SKIP LOCKED]}, one or more clauses. Only at statement level (not in sub-queries);
 * without a clause the parser returns the query itself.
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

  /**
   * One locking clause.
   *
   * @param strength the lock strength
   * @param tables the tables of OF, or null for every table of the query
   * @param waitPolicy what to do about rows locked by others
   */
  public record Clause(Strength strength, SqlNodeList tables, WaitPolicy waitPolicy) {
    /** Checks the components. */
    public Clause {
      Objects.requireNonNull(strength, "strength");
      Objects.requireNonNull(waitPolicy, "waitPolicy");
    }
  }

  private final SqlNode query;
  private final List<Clause> clauses;

  /**
   * @param query the query
   * @param clauses its locking clauses, in order (at least one)
   */
  public SqlLockingQuery(SqlParserPos pos, SqlNode query, List<Clause> clauses) {
    super(pos);
    this.query = Objects.requireNonNull(query, "query");
    if (clauses.isEmpty()) {
      throw new IllegalArgumentException("a locking query needs a clause");
    }
    this.clauses = List.copyOf(clauses);
  }

  /** A query with one locking clause. */
  public SqlLockingQuery(SqlParserPos pos, SqlNode query, Strength strength, SqlNodeList tables,
      WaitPolicy waitPolicy) {
    this(pos, query, List.of(new Clause(strength, tables, waitPolicy)));
  }

  /** @return the query (a SELECT, possibly with ORDER BY / LIMIT) */
  public SqlNode query() {
    return query;
  }

  /** @return the locking clauses, in order */
  public List<Clause> clauses() {
    return clauses;
  }

  /** @return the first clause's lock strength */
  public Strength strength() {
    return clauses.get(0).strength();
  }

  /** @return the first clause's tables of OF, or null */
  public SqlNodeList tables() {
    return clauses.get(0).tables();
  }

  /** @return the first clause's wait policy */
  public WaitPolicy waitPolicy() {
    return clauses.get(0).waitPolicy();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    query.unparse(writer, 0, 0);
    for (Clause c : clauses) {
      writer.keyword("FOR");
      writer.keyword(c.strength().sql());
      if (c.tables() != null) {
        writer.keyword("OF");
        c.tables().unparse(writer, 0, 0);
      }
      if (c.waitPolicy() == WaitPolicy.NOWAIT) {
        writer.keyword("NOWAIT");
      } else if (c.waitPolicy() == WaitPolicy.SKIP_LOCKED) {
        writer.keyword("SKIP LOCKED");
      }
    }
  }
}
