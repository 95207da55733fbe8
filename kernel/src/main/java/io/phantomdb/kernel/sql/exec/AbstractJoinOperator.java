package io.phantomdb.kernel.sql.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * The part every join shares: the right input read into memory, each left row matched against
 * candidate right rows chosen by the subclass (all of them, or a hash bucket), a condition over
 * {@code left ++ right}, and the output rules of each {@link JoinType} (unmatched rows of outer
 * joins padded with NULLs, SEMI and ANTI returning left rows).
 */
abstract class AbstractJoinOperator implements Operator {
  private final Operator left;
  private final Operator right;
  private final RowPredicate condition;
  private final JoinType type;
  private final int leftWidth;
  private final int rightWidth;
  private ExecContext ctx;
  private List<Object[]> rightRows;
  private boolean[] rightMatched;
  private Object[] current;
  private int[] candidates;
  private boolean currentMatched;
  private int position;
  private int unmatchedRight;
  private boolean leftDone;

  AbstractJoinOperator(Operator left, Operator right, RowPredicate condition, JoinType type,
      int leftWidth, int rightWidth) {
    this.left = left;
    this.right = right;
    this.condition = condition;
    this.type = type;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
  }

  /** Called once per right row while the right input is read; index is its position. */
  abstract void indexRightRow(Object[] row, int index);

  /** Called once after the whole right input was read and indexed. */
  void finishIndex() {}

  /** @return the positions of the right rows that may match {@code leftRow} */
  abstract int[] candidates(Object[] leftRow, int rightCount);

  /** Drops the index built by {@link #indexRightRow}. */
  abstract void clearIndex();

  JoinType type() {
    return type;
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    rightRows = new ArrayList<>();
    right.open(context);
    try {
      Object[] r;
      while ((r = right.next()) != null) {
        indexRightRow(r, rightRows.size());
        rightRows.add(r);
      }
    } finally {
      right.close();
    }
    finishIndex();
    rightMatched = new boolean[rightRows.size()];
    left.open(context);
    current = null;
    leftDone = false;
    unmatchedRight = 0;
  }

  @Override
  public Object[] next() {
    while (!leftDone) {
      if (current == null) {
        current = left.next();
        if (current == null) {
          leftDone = true;
          break;
        }
        candidates = candidates(current, rightRows.size());
        currentMatched = false;
        position = 0;
        ctx.checkCancelled();
      }
      while (position < candidates.length) {
        int i = candidates[position++];
        Object[] joined = JoinRows.concat(current, rightRows.get(i), leftWidth, rightWidth);
        if (condition == null || condition.test(joined, ctx)) {
          currentMatched = true;
          rightMatched[i] = true;
          if (type == JoinType.SEMI) {
            Object[] out = current;
            current = null;
            return out;
          }
          if (type == JoinType.ANTI) {
            position = candidates.length;
          } else {
            return joined;
          }
        }
      }
      Object[] finished = current;
      current = null;
      if (!currentMatched && (type == JoinType.LEFT || type == JoinType.FULL)) {
        return JoinRows.concat(finished, null, leftWidth, rightWidth);
      }
      if (!currentMatched && type == JoinType.ANTI) {
        return finished;
      }
    }
    if (type == JoinType.RIGHT || type == JoinType.FULL) {
      while (unmatchedRight < rightRows.size()) {
        int i = unmatchedRight++;
        if (!rightMatched[i]) {
          return JoinRows.concat(null, rightRows.get(i), leftWidth, rightWidth);
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    rightRows = null;
    clearIndex();
    left.close();
  }

  @Override
  public List<Operator> children() {
    return List.of(left, right);
  }
}
