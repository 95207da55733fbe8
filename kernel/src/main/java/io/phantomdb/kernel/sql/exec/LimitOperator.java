package io.phantomdb.kernel.sql.exec;

import java.util.List;

/** Skips {@code offset} rows, then passes at most {@code fetch}; stops pulling once done. */
public final class LimitOperator implements Operator {
  private final Operator input;
  private final long offset;
  private final long fetch;
  private long skipped;
  private long passed;

  /**
   * @param input the input
   * @param offset rows to skip (0 for none)
   * @param fetch rows to return at most ({@code Long.MAX_VALUE} for all)
   */
  public LimitOperator(Operator input, long offset, long fetch) {
    this.input = input;
    this.offset = offset;
    this.fetch = fetch;
  }

  @Override
  public void open(ExecContext ctx) {
    skipped = 0;
    passed = 0;
    input.open(ctx);
  }

  @Override
  public Object[] next() {
    if (passed >= fetch) {
      return null;
    }
    Object[] row;
    while ((row = input.next()) != null) {
      if (skipped < offset) {
        skipped++;
        continue;
      }
      passed++;
      return row;
    }
    return null;
  }

  @Override
  public void close() {
    input.close();
  }

  @Override
  public String describe() {
    return "Limit: " + (fetch == Long.MAX_VALUE ? "all" : fetch) + (offset > 0 ? " offset " + offset : "");
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
