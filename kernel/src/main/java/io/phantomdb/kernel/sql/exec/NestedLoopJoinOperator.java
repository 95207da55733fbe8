package io.phantomdb.kernel.sql.exec;

/**
 * Joins by testing a condition on every pair: each left row is matched against the whole right
 * input, held in memory. Handles every {@link JoinType} and any condition; the planner uses it
 * when there is no equality to hash on.
 */
public final class NestedLoopJoinOperator extends AbstractJoinOperator {
  private final String description;
  private int[] all = new int[0];

  /**
   * @param left the left (outer) input
   * @param right the right input, materialized
   * @param condition the join condition over {@code left ++ right}, or null to join every pair
   * @param type the join type
   * @param leftWidth columns of a left row
   * @param rightWidth columns of a right row
   * @param description the condition as text, for EXPLAIN
   */
  public NestedLoopJoinOperator(Operator left, Operator right, RowPredicate condition, JoinType type,
      int leftWidth, int rightWidth, String description) {
    super(left, right, condition, type, leftWidth, rightWidth);
    this.description = description;
  }

  @Override
  void indexRightRow(Object[] row, int index) {}

  @Override
  int[] candidates(Object[] leftRow, int rightCount) {
    if (all.length != rightCount) {
      all = new int[rightCount];
      for (int i = 0; i < rightCount; i++) {
        all[i] = i;
      }
    }
    return all;
  }

  @Override
  void clearIndex() {
    all = new int[0];
  }

  @Override
  public String describe() {
    return "Nested Loop " + type().name().toLowerCase() + " join: " + description;
  }
}
