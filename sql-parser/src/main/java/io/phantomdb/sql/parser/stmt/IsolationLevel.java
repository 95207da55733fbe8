package io.phantomdb.sql.parser.stmt;

/** A transaction isolation level as written in BEGIN / SET TRANSACTION. */
public enum IsolationLevel {
  SERIALIZABLE("SERIALIZABLE"),
  REPEATABLE_READ("REPEATABLE READ"),
  READ_COMMITTED("READ COMMITTED"),
  READ_UNCOMMITTED("READ UNCOMMITTED");

  private final String sql;

  IsolationLevel(String sql) {
    this.sql = sql;
  }

  /** @return the level as written in SQL */
  public String sql() {
    return sql;
  }
}
