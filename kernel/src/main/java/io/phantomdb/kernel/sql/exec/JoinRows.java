package io.phantomdb.kernel.sql.exec;

/** Row assembly shared by the join operators. */
final class JoinRows {
  private JoinRows() {}

  static Object[] concat(Object[] left, Object[] right, int leftWidth, int rightWidth) {
    Object[] out = new Object[leftWidth + rightWidth];
    if (left != null) {
      System.arraycopy(left, 0, out, 0, leftWidth);
    }
    if (right != null) {
      System.arraycopy(right, 0, out, leftWidth, rightWidth);
    }
    return out;
  }
}
