package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.expr.SequenceOps;

/**
 * The sequence functions in a READ ONLY transaction: nextval and setval fail with 25006 as in
 * PostgreSQL; currval and lastval work.
 */
final class ReadOnlySequences implements SequenceOps {
  private final SequenceOps inner;

  /** @param inner the session's sequence functions */
  ReadOnlySequences(SequenceOps inner) {
    this.inner = inner;
  }

  @Override
  public long nextval(String name) {
    throw StatementRunner.readOnlyError("nextval()");
  }

  @Override
  public long currval(String name) {
    return inner.currval(name);
  }

  @Override
  public long setval(String name, long value, boolean called) {
    throw StatementRunner.readOnlyError("setval()");
  }

  @Override
  public long lastval() {
    return inner.lastval();
  }
}
