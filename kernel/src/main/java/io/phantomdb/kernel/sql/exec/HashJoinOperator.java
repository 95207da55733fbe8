package io.phantomdb.kernel.sql.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * An equi-join: the right input is read into a hash table on its key columns, then each left row
 * probes it; a residual condition (the rest of the ON clause) filters the pairs. NULL keys never
 * match, as SQL requires. Handles every {@link JoinType}.
 */
public final class HashJoinOperator extends AbstractJoinOperator {
  private static final int[] NONE = new int[0];
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final KeyEquivalence keyEquivalence;
  private final String description;
  private Map<Key, java.util.List<Integer>> building = new HashMap<>();
  private Map<Key, int[]> table = new HashMap<>();

  /**
   * @param left the probe side
   * @param right the build side
   * @param leftKeys key column positions in a left row
   * @param rightKeys key column positions in a right row
   * @param keyEquivalence equality of key tuples
   * @param residual extra condition over {@code left ++ right}, or null
   * @param type the join type
   * @param leftWidth columns of a left row
   * @param rightWidth columns of a right row
   * @param description the condition as text, for EXPLAIN
   */
  public HashJoinOperator(Operator left, Operator right, int[] leftKeys, int[] rightKeys,
      KeyEquivalence keyEquivalence, RowPredicate residual, JoinType type, int leftWidth,
      int rightWidth, String description) {
    super(left, right, residual, type, leftWidth, rightWidth);
    this.leftKeys = leftKeys.clone();
    this.rightKeys = rightKeys.clone();
    this.keyEquivalence = keyEquivalence;
    this.description = description;
  }

  private Key keyOf(Object[] row, int[] positions) {
    Object[] key = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      key[i] = row[positions[i]];
    }
    return new Key(key, keyEquivalence);
  }

  @Override
  void indexRightRow(Object[] row, int index) {
    Key k = keyOf(row, rightKeys);
    if (!k.hasNull()) {
      building.computeIfAbsent(k, x -> new java.util.ArrayList<>(1)).add(index);
    }
  }

  @Override
  void finishIndex() {
    table = new HashMap<>(building.size() * 2);
    building.forEach((k, list) -> table.put(k, list.stream().mapToInt(Integer::intValue).toArray()));
    building = new HashMap<>();
  }

  @Override
  int[] candidates(Object[] leftRow, int rightCount) {
    Key k = keyOf(leftRow, leftKeys);
    return k.hasNull() ? NONE : table.getOrDefault(k, NONE);
  }

  @Override
  void clearIndex() {
    table = new HashMap<>();
  }

  @Override
  public String describe() {
    return "Hash " + type().name().toLowerCase() + " join: " + description;
  }
}
