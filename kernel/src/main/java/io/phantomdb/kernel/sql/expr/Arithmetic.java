package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic operators {@code + - * / %} and unary minus on numbers, with PostgreSQL's
 * semantics: integer results that do not fit their type fail with 22003 ({@code integer out of
 * range}), integer division truncates toward zero, division (and modulo) by zero fails with
 * 22012 for every kind including floats, NUMERIC division keeps at least 16 significant digits
 * (PostgreSQL's {@code select_div_scale}), float overflow and underflow fail with 22003. The
 * operands are taken to the result's kind first (Calcite types {@code int + bigint} as bigint).
 * Date/time and interval arithmetic is in {@link DateTimeArithmetic}.
 */
final class Arithmetic {
  /** An arithmetic operator. */
  enum Op {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  private static final int MIN_SIG_DIGITS = 16;
  private static final int MAX_DISPLAY_SCALE = 1000;

  private Arithmetic() {}

  static void register(Map<String, CallCompiler> r) {
    r.put("#PLUS", (call, args, type) -> binary(Op.ADD, args, type));
    r.put("#MINUS", (call, args, type) -> binary(Op.SUB, args, type));
    r.put("#TIMES", (call, args, type) -> binary(Op.MUL, args, type));
    r.put("#DIVIDE", (call, args, type) -> binary(Op.DIV, args, type));
    r.put("#MOD", (call, args, type) -> binary(Op.MOD, args, type));
    r.put("#MINUS_PREFIX", (call, args, type) -> negate(args.get(0), type));
    r.put("#PLUS_PREFIX", (call, args, type) -> Logic.coerce(args.get(0), type));
  }

  private static Expr binary(Op op, List<Expr> args, DataType type) {
    Expr a = args.get(0);
    Expr b = args.get(1);
    TypeKind kt = type.kind();
    if (a.type().kind().isNumeric() && b.type().kind().isNumeric() && kt.isNumeric()) {
      return Nodes.strict2(op.symbol, type, a, b, (x, y) -> apply(op, x, y, kt));
    }
    return DateTimeArithmetic.binary(op, a, b, type);
  }

  /**
   * @param op the operator
   * @param x a non-null number
   * @param y a non-null number
   * @param kind the result's kind
   * @return {@code x op y} as the kind's class
   */
  static Object apply(Op op, Object x, Object y, TypeKind kind) {
    return switch (kind) {
      case SMALLINT, INTEGER, BIGINT -> Conv.intOfKind(longOp(op, Conv.toLong(x), Conv.toLong(y), kind), kind);
      case NUMERIC -> numericOp(op, Conv.toBigDecimal(x), Conv.toBigDecimal(y));
      case REAL -> (float) floatOp(op, Conv.toDouble(x), Conv.toDouble(y), true);
      default -> floatOp(op, Conv.toDouble(x), Conv.toDouble(y), false);
    };
  }

  private static long longOp(Op op, long a, long b, TypeKind kind) {
    try {
      return switch (op) {
        case ADD -> Math.addExact(a, b);
        case SUB -> Math.subtractExact(a, b);
        case MUL -> Math.multiplyExact(a, b);
        case DIV -> {
          if (b == 0) {
            throw Errors.divisionByZero();
          }
          if (a == Long.MIN_VALUE && b == -1) {
            throw Errors.outOfRange(kind);
          }
          yield a / b;
        }
        case MOD -> {
          if (b == 0) {
            throw Errors.divisionByZero();
          }
          yield b == -1 ? 0 : a % b;
        }
      };
    } catch (ArithmeticException e) {
      throw Errors.outOfRange(kind);
    }
  }

  static BigDecimal numericOp(Op op, BigDecimal a, BigDecimal b) {
    return switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.subtract(b);
      case MUL -> {
        BigDecimal r = a.multiply(b);
        yield r.scale() > MAX_DISPLAY_SCALE ? r.setScale(MAX_DISPLAY_SCALE, RoundingMode.HALF_UP) : r;
      }
      case DIV -> divide(a, b);
      case MOD -> {
        if (b.signum() == 0) {
          throw Errors.divisionByZero();
        }
        yield a.remainder(b);
      }
    };
  }

  /**
   * PostgreSQL's numeric division: the result scale gives at least 16 significant digits and no
   * fewer decimals than either operand ({@code select_div_scale}); rounded half away from zero.
   */
  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw Errors.divisionByZero();
    }
    int[] wa = weightAndFirstDigit(a);
    int[] wb = weightAndFirstDigit(b);
    int qweight = wa[0] - wb[0];
    if (wa[1] <= wb[1]) {
      qweight--;
    }
    int rscale = MIN_SIG_DIGITS - qweight * 4;
    rscale = Math.max(rscale, Math.max(a.scale(), 0));
    rscale = Math.max(rscale, Math.max(b.scale(), 0));
    rscale = Math.max(rscale, 0);
    rscale = Math.min(rscale, MAX_DISPLAY_SCALE);
    return a.divide(b, rscale, RoundingMode.HALF_UP);
  }

  /** The weight and first digit of a value in PostgreSQL's base-10000 representation. */
  private static int[] weightAndFirstDigit(BigDecimal v) {
    if (v.signum() == 0) {
      return new int[] {0, 0};
    }
    BigDecimal abs = v.abs();
    int exponent = abs.precision() - abs.scale() - 1;
    int weight = Math.floorDiv(exponent, 4);
    int first = abs.movePointLeft(4 * weight).intValue();
    return new int[] {weight, first};
  }

  private static double floatOp(Op op, double a, double b, boolean single) {
    double r;
    boolean infOk;
    boolean zeroOk;
    switch (op) {
      case ADD, SUB -> {
        r = op == Op.ADD ? a + b : a - b;
        infOk = Double.isInfinite(a) || Double.isInfinite(b);
        zeroOk = true;
      }
      case MUL -> {
        r = a * b;
        infOk = Double.isInfinite(a) || Double.isInfinite(b);
        zeroOk = a == 0 || b == 0;
      }
      case DIV -> {
        if (b == 0 && !Double.isNaN(a)) {
          throw Errors.divisionByZero();
        }
        r = a / b;
        infOk = Double.isInfinite(a);
        zeroOk = a == 0 || Double.isInfinite(b);
      }
      default -> {
        if (b == 0) {
          throw Errors.divisionByZero();
        }
        r = a % b;
        infOk = true;
        zeroOk = true;
      }
    }
    if (single) {
      float f = (float) r;
      if (Float.isInfinite(f) && !infOk) {
        throw Errors.floatOverflow();
      }
      if (f == 0 && !zeroOk) {
        throw Errors.floatUnderflow();
      }
      return f;
    }
    if (Double.isInfinite(r) && !infOk) {
      throw Errors.floatOverflow();
    }
    if (r == 0 && !zeroOk) {
      throw Errors.floatUnderflow();
    }
    return r;
  }

  private static Expr negate(Expr a, DataType type) {
    TypeKind k = type.kind();
    if (a.type().kind() == TypeKind.INTERVAL) {
      return Nodes.strict1("-", type, a, v -> DateTimeArithmetic.negate((io.phantomdb.kernel.sql.type.PgInterval) v));
    }
    if (!a.type().kind().isNumeric()) {
      return null;
    }
    return Nodes.strict1("-", type, a, v -> switch (k) {
      case SMALLINT, INTEGER, BIGINT -> {
        long l = Conv.toLong(v);
        if (l == Long.MIN_VALUE) {
          throw Errors.outOfRange(k);
        }
        yield Conv.intOfKind(-l, k);
      }
      case NUMERIC -> Conv.toBigDecimal(v).negate();
      case REAL -> -(float) Conv.toDouble(v);
      default -> -Conv.toDouble(v);
    });
  }
}
