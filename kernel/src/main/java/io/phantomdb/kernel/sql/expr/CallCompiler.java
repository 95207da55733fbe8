package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;
import java.util.List;
import org.apache.calcite.rex.RexCall;

/** Compiles one kind of Calcite call, given its compiled operands. */
@FunctionalInterface
interface CallCompiler {
  /**
   * @param call the call (for operator details: its name, literal operands, operand types)
   * @param args the compiled operands; symbol operands (time units, trim flags) are {@link
   *     Nodes.Constant}s of type UNKNOWN holding the enum
   * @param type the call's result type
   * @return the expression
   */
  Expr compile(RexCall call, List<Expr> args, DataType type);
}
