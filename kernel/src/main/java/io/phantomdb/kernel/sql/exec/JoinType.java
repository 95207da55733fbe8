package io.phantomdb.kernel.sql.exec;

/** Join semantics. SEMI and ANTI return left rows only. */
public enum JoinType {
  INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

  /** @return true if the output has the right side's columns */
  public boolean projectsRight() {
    return this != SEMI && this != ANTI;
  }
}
