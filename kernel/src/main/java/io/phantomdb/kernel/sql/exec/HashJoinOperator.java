package io.phantomdb.kernel.sql.exec;

import java.util.Arrays;
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
  private Map<Key, Bucket> table = new HashMap<>();

  /** The right rows of one key: positions, grown by doubling while the right input is read. */
  private static final class Bucket {
    int[] rows = new int[1];
    int size;

    void add(int index) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, size * 2);
      }
      rows[size++] = index;
    }
  }

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
      Bucket b = table.get(k);
      if (b == null) {
        b = new Bucket();
        table.put(k, b);
      }
      b.add(index);
    }
  }

  @Override
  void finishIndex() {
    for (Bucket b : table.values()) { // trimmed in place: candidates() hands out the array
      if (b.rows.length != b.size) {
        b.rows = Arrays.copyOf(b.rows, b.size);
      }
    }
  }

  @Override
  int[] candidates(Object[] leftRow, int rightCount) {
    Key k = keyOf(leftRow, leftKeys);
    if (k.hasNull()) {
      return NONE;
    }
    Bucket b = table.get(k);
    return b == null ? NONE : b.rows;
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
