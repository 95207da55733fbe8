package io.phantomdb.sql.parser.ddl;

/** What a foreign key does {@code ON DELETE} / {@code ON UPDATE} of the referenced row. */
public enum ReferentialAction {
  NO_ACTION("NO ACTION"),
  RESTRICT("RESTRICT"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** @return the action as written in SQL */
  public String sql() {
    return sql;
  }
}
