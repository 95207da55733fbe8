package io.phantomdb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;

/**
 * Small helpers the PhantomDB SQL nodes use to print themselves back as SQL
 * ({@link SqlNode#unparse}).
 */
public final class SqlWriterSupport {
  private SqlWriterSupport() {}

  /** Prints {@code (a, b, c)}. */
  public static void parenthesizedList(SqlWriter writer, List<? extends SqlNode> nodes) {
    final SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** Prints {@code a, b, c} without parentheses. */
  public static void commaList(SqlWriter writer, List<? extends SqlNode> nodes) {
    final SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /**
   * Prints a FROM-list item (a table, a join, a sub-query) as Calcite's SELECT does, inside a
   * FROM_LIST frame that joins need.
   */
  public static void fromList(SqlWriter writer, SqlNode from) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FROM_LIST);
    from.unparse(writer, SqlJoin.OPERATOR.getLeftPrec() - 1, SqlJoin.OPERATOR.getRightPrec() - 1);
    writer.endList(frame);
  }

  /** Prints an expression in parentheses: {@code (expr)}. */
  public static void parenthesizedExpression(SqlWriter writer, SqlNode node) {
    final SqlWriter.Frame frame = writer.startList("(", ")");
    node.unparse(writer, 0, 0);
    writer.endList(frame);
  }
}
