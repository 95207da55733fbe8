package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;

/**
 * A compiled scalar expression, evaluated once per row. Built by {@link ExprCompiler} from a
 * Calcite {@code RexNode}; holds no Calcite objects, so plans that hold it can be cached and run
 * without Calcite.
 *
 * <p>The value {@link #eval} returns is SQL NULL ({@code null}) or an instance of the Java class
 * {@link io.phantomdb.kernel.sql.type.TypeKind} names for {@code type().kind()}. Implementations are
 * immutable and thread-safe; everything that changes per statement comes in the {@link
 * EvalContext}.
 */
public interface Expr {
  /**
   * Evaluates the expression.
   *
   * @param row the input row (the operator's input columns, by index); may be empty for constant
   *     expressions
   * @param ctx the statement's parameters, start time and session settings
   * @return the value, or null for SQL NULL
   * @throws io.phantomdb.kernel.sql.SqlException when SQL says so (overflow, division by zero, bad
   *     cast input, ...)
   */
  Object eval(Object[] row, EvalContext ctx);

  /** @return the type of the values this expression yields */
  DataType type();
}
