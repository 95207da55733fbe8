package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Compiles Calcite row expressions ({@link RexNode}) into {@link Expr}s with PostgreSQL
 * semantics. Compile once per plan; the result holds no Calcite objects.
 *
 * <p>Handled: {@link RexInputRef} (a column of the operator's input row), {@link RexLiteral},
 * {@link RexDynamicParam} (a statement parameter, from {@link EvalContext}), and {@link RexCall}
 * of every operator registered by the function library ({@code Arithmetic}, {@code
 * Comparisons}, {@code Logic}, {@code Casts}, {@code Strings}, {@code MathFunctions}, {@code
 * DateTimeFunctions}); {@link PhantomOperatorTable} declares the functions the validator should
 * know. Anything else fails with {@code 0A000} at compile time, naming the operator:
 * correlation variables ({@link RexFieldAccess} of a {@link RexCorrelVariable}; decorrelate
 * first), sub-queries (convert them to joins first), window calls ({@link RexOver}), local refs
 * (expand the {@code RexProgram} first).
 *
 * <p>CAST calls are explicit casts (strings are cut to the target length). For the implicit
 * assignment to a column (INSERT/UPDATE), use {@link #assignmentCast}.
 */
public final class ExprCompiler {
  private static final Map<String, CallCompiler> CALLS = new HashMap<>();

  static {
    Logic.register(CALLS);
    Comparisons.register(CALLS);
    Arithmetic.register(CALLS);
    Strings.register(CALLS);
    MathFunctions.register(CALLS);
    DateTimeFunctions.register(CALLS);
    SessionFunctions.register(CALLS);
    CatalogFunctions.register(CALLS);
    SequenceFunctions.register(CALLS);
    ArrayFunctions.register(CALLS);
    CALLS.put("#CAST", (call, args, type) -> Casts.cast(args.get(0), type, true));
  }

  private ExprCompiler() {}

  /**
   * @param node a row expression of an optimized plan
   * @return the compiled expression
   * @throws SqlException 0A000 for an operator or node PhantomDB cannot evaluate
   */
  public static Expr compile(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new Nodes.InputRef(ref.getIndex(), typeOf(node));
    }
    if (node instanceof RexLiteral lit) {
      return literal(lit);
    }
    if (node instanceof RexDynamicParam p) {
      return new Nodes.Param(p.getIndex(), typeOf(node));
    }
    if (node instanceof RexOver over) {
      throw Errors.unsupported("window function " + over.getOperator().getName() + " in an expression");
    }
    if (node instanceof RexSubQuery) {
      throw Errors.unsupported("a sub-query that was not turned into a join");
    }
    if (node instanceof RexCall call) {
      return compileCall(call);
    }
    if (node instanceof RexFieldAccess fa && fa.getReferenceExpr() instanceof RexCorrelVariable cv) {
      int id = cv.id.getId();
      int field = fa.getField().getIndex();
      DataType type = typeOf(node);
      return new Expr() {
        @Override
        public Object eval(Object[] row, EvalContext ctx) {
          return ctx.correlation(id)[field];
        }

        @Override
        public DataType type() {
          return type;
        }

        @Override
        public String toString() {
          return "$cor" + id + "." + field;
        }
      };
    }
    if (node instanceof RexFieldAccess fa && !(fa.getReferenceExpr() instanceof RexCorrelVariable)
        && fa.getReferenceExpr().getType().isStruct()) {
      return recordField(compile(fa.getReferenceExpr()), fa.getField().getIndex(), fa.getField().getName(), typeOf(node));
    }
    if (node instanceof RexFieldAccess || node instanceof RexCorrelVariable) {
      throw Errors.unsupported("a correlated reference (" + node + ")");
    }
    if (node instanceof RexLocalRef) {
      throw Errors.unsupported("a RexLocalRef (expand the RexProgram first)");
    }
    throw Errors.unsupported("expression " + node.getKind() + " (" + node + ")");
  }

  /** {@code (record).field}: NULL for a NULL record. */
  private static Expr recordField(Expr record, int index, String name, DataType type) {
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        Object r = record.eval(row, ctx);
        return r == null ? null : ((io.phantomdb.kernel.sql.type.PgRecord) r).get(index);
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return "(" + record + ")." + name;
      }
    };
  }

  /**
   * @param nodes row expressions
   * @return each compiled, in order
   */
  public static List<Expr> compile(List<? extends RexNode> nodes) {
    List<Expr> out = new ArrayList<>(nodes.size());
    for (RexNode n : nodes) {
      out.add(compile(n));
    }
    return out;
  }

  /**
   * Converts a value to a column's type as PostgreSQL's assignment cast does for INSERT and
   * UPDATE: numeric(p,s) rounds and checks precision, integers check range, and a string too
   * long for CHAR(n)/VARCHAR(n) is an error (22001) unless the excess is blanks.
   *
   * @param expr the value
   * @param target the column's type
   * @return an expression yielding values of {@code target}
   */
  public static Expr assignmentCast(Expr expr, DataType target) {
    return Casts.cast(expr, target, false);
  }

  /**
   * An explicit cast, as {@code CAST(expr AS target)}.
   *
   * @param expr the value
   * @param target the type
   * @return an expression yielding values of {@code target}
   */
  public static Expr cast(Expr expr, DataType target) {
    return Casts.cast(expr, target, true);
  }

  private static Expr compileCall(RexCall call) {
    CallCompiler c = CALLS.get("#" + call.getKind().name());
    if (c == null) {
      c = CALLS.get(call.getOperator().getName().toUpperCase(Locale.ROOT));
    }
    if (c == null) {
      throw Errors.unsupported("function " + call.getOperator().getName());
    }
    List<Expr> args = compile(call.getOperands());
    Expr e = c.compile(call, args, typeOf(call));
    if (e == null) {
      throw Errors.unsupported("function " + call.getOperator().getName() + " for "
          + args.stream().map(a -> a.type().sqlName()).toList());
    }
    return e;
  }

  private static Expr literal(RexLiteral lit) {
    if (lit.getTypeName() == SqlTypeName.SYMBOL) {
      return new Nodes.Constant(lit.getValue(), DataType.of(TypeKind.UNKNOWN));
    }
    if (lit.getTypeName() == SqlTypeName.SARG) { // read by SEARCH from the RexCall itself
      return new Nodes.Constant(null, DataType.of(TypeKind.UNKNOWN));
    }
    DataType type = typeOf(lit);
    return new Nodes.Constant(Literals.toJava(lit.getValueAs(Comparable.class), lit.getType(), type), type);
  }

  static DataType typeOf(RexNode node) {
    return CalciteTypes.toDataType(node.getType());
  }
}
