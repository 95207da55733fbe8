package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.apache.calcite.avatica.util.TimeUnitRange;

/**
 * Mathematical functions with PostgreSQL's semantics and errors: abs, ceil/ceiling, floor,
 * round (half away from zero for exact values, half to even for floats without a scale), trunc,
 * power (2201F for 0^negative and negative^fraction), sqrt, cbrt, exp, ln, log (base 10, or
 * {@code log(b, x)}), log10 (2201E for zero or negative), sign, pi, random, degrees, radians and
 * the trigonometric functions. Results are of the kind Calcite typed the call as.
 */
final class MathFunctions {
  private MathFunctions() {}

  static void register(Map<String, CallCompiler> r) {
    r.put("ABS", (call, args, type) -> exact(args, type, "abs", BigDecimal::abs, Math::abs));
    r.put("&", (call, args, type) -> bitwise(args, type, "&", (x, y) -> x & y));
    CallCompiler ceil = (call, args, type) -> args.size() == 2
        ? DateTimeFunctions.truncate(args.get(0), (TimeUnitRange) ((Nodes.Constant) args.get(1)).value(), type, true)
        : exact(args, type, "ceil", b -> b.setScale(0, RoundingMode.CEILING), Math::ceil);
    CallCompiler floor = (call, args, type) -> args.size() == 2
        ? DateTimeFunctions.truncate(args.get(0), (TimeUnitRange) ((Nodes.Constant) args.get(1)).value(), type, false)
        : exact(args, type, "floor", b -> b.setScale(0, RoundingMode.FLOOR), Math::floor);
    r.put("#CEIL", ceil);
    r.put("#FLOOR", floor);
    r.put("ROUND", (call, args, type) -> scaled(args, type, "round", RoundingMode.HALF_UP, Math::rint));
    CallCompiler trunc = (call, args, type) -> scaled(args, type, "trunc", RoundingMode.DOWN,
        d -> d < 0 ? Math.ceil(d) : Math.floor(d));
    r.put("TRUNCATE", trunc);
    r.put("TRUNC", trunc);
    r.put("POWER", (call, args, type) -> dbl2(args, type, "power", MathFunctions::power));
    r.put("SQRT", (call, args, type) -> dbl(args, type, "sqrt", x -> {
      if (x < 0) {
        throw new SqlException(Errors.INVALID_ARGUMENT_FOR_POWER, "cannot take square root of a negative number");
      }
      return Math.sqrt(x);
    }));
    r.put("CBRT", (call, args, type) -> dbl(args, type, "cbrt", Math::cbrt));
    r.put("EXP", (call, args, type) -> dbl(args, type, "exp", x -> checked(Math.exp(x), x)));
    r.put("LN", (call, args, type) -> dbl(args, type, "ln", x -> Math.log(logArg(x))));
    r.put("LOG10", (call, args, type) -> dbl(args, type, "log10", x -> Math.log10(logArg(x))));
    r.put("LOG", (call, args, type) -> args.size() == 1
        ? dbl(args, type, "log", x -> Math.log10(logArg(x)))
        : dbl2(args, type, "log", (b, x) -> {
          double d = Math.log(logArg(b));
          if (d == 0) {
            throw Errors.divisionByZero();
          }
          return Math.log(logArg(x)) / d;
        }));
    r.put("SIGN", (call, args, type) -> exact(args, type, "sign",
        b -> BigDecimal.valueOf(b.signum()), Math::signum));
    r.put("PI", (call, args, type) -> new Nodes.Constant(as(Math.PI, type.kind()), type));
    CallCompiler random = (call, args, type) -> args.isEmpty()
        ? Nodes.call("random", type, args, (v, ctx) -> as(ThreadLocalRandom.current().nextDouble(), type.kind()), false)
        : null;
    r.put("RAND", random);
    r.put("RANDOM", random);
    r.put("DEGREES", (call, args, type) -> dbl(args, type, "degrees", Math::toDegrees));
    r.put("RADIANS", (call, args, type) -> dbl(args, type, "radians", Math::toRadians));
    r.put("SIN", (call, args, type) -> dbl(args, type, "sin", Math::sin));
    r.put("COS", (call, args, type) -> dbl(args, type, "cos", Math::cos));
    r.put("TAN", (call, args, type) -> dbl(args, type, "tan", Math::tan));
    r.put("COT", (call, args, type) -> dbl(args, type, "cot", x -> 1 / Math.tan(x)));
    r.put("ASIN", (call, args, type) -> dbl(args, type, "asin", x -> Math.asin(unit(x))));
    r.put("ACOS", (call, args, type) -> dbl(args, type, "acos", x -> Math.acos(unit(x))));
    r.put("ATAN", (call, args, type) -> dbl(args, type, "atan", Math::atan));
    r.put("ATAN2", (call, args, type) -> dbl2(args, type, "atan2", Math::atan2));
  }

  /** A double result as the call's kind. */
  static Object as(double d, TypeKind kind) {
    return switch (kind) {
      case DOUBLE -> d;
      case REAL -> (float) d;
      default -> Casts.convert(d, DataType.of(TypeKind.DOUBLE), DataType.of(kind), true);
    };
  }

  private static Object as(BigDecimal b, TypeKind kind) {
    return kind == TypeKind.NUMERIC ? b : Casts.convert(b, DataType.of(TypeKind.NUMERIC), DataType.of(kind), true);
  }

  private static Expr dbl(List<Expr> args, DataType type, String name, DoubleUnaryOperator f) {
    return Nodes.strict1(name, type, args.get(0), v -> as(f.applyAsDouble(Conv.toDouble(v)), type.kind()));
  }

  private static Expr dbl2(List<Expr> args, DataType type, String name, DoubleBinaryOperator f) {
    return Nodes.strict2(name, type, args.get(0), args.get(1),
        (a, b) -> as(f.applyAsDouble(Conv.toDouble(a), Conv.toDouble(b)), type.kind()));
  }

  /** An operation on an exact value. */
  @FunctionalInterface
  private interface DecimalOp {
    BigDecimal apply(BigDecimal b);
  }

  /** By the operand's kind: integers and numeric exactly, floats as doubles. */
  private static boolean integerOrNull(Expr e) {
    return e.type().kind().isInteger() || e.type().kind() == TypeKind.UNKNOWN;
  }

  /** {@code a & b} over integers, of the kind Calcite typed the call as. */
  private static Expr bitwise(List<Expr> args, DataType type, String name, java.util.function.LongBinaryOperator f) {
    if (!type.kind().isInteger() || !integerOrNull(args.get(0)) || !integerOrNull(args.get(1))) {
      throw new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + args.get(0).type().sqlName()
          + " " + name + " " + args.get(1).type().sqlName(), null,
          "No operator matches the given name and argument types. You might need to add explicit type casts.", null);
    }
    return Nodes.strict2(name, type, args.get(0), args.get(1), (a, b) -> {
      long v = f.applyAsLong(((Number) a).longValue(), ((Number) b).longValue());
      return switch (type.kind()) {
        case SMALLINT -> (Object) (short) v;
        case INTEGER -> (Object) (int) v;
        default -> (Object) v;
      };
    });
  }

  private static Expr exact(List<Expr> args, DataType type, String name, DecimalOp exact, DoubleUnaryOperator f) {
    TypeKind k = args.get(0).type().kind();
    if (k == TypeKind.REAL || k == TypeKind.DOUBLE) {
      return dbl(args, type, name, f);
    }
    return Nodes.strict1(name, type, args.get(0), v -> {
      if (name.equals("abs") && v instanceof Number n && !(v instanceof BigDecimal) && type.kind().isInteger()) {
        long l = n.longValue();
        if (l == Long.MIN_VALUE) {
          throw Errors.outOfRange(type.kind());
        }
        return Conv.intOfKind(Math.abs(l), type.kind());
      }
      return as(exact.apply(Conv.toBigDecimal(v)), type.kind());
    });
  }

  /** round/trunc with an optional number of decimals (negative: digits left of the point). */
  private static Expr scaled(List<Expr> args, DataType type, String name, RoundingMode mode, DoubleUnaryOperator f) {
    TypeKind k = args.get(0).type().kind();
    boolean isFloat = k == TypeKind.REAL || k == TypeKind.DOUBLE;
    if (args.size() == 1 && isFloat) {
      return dbl(args, type, name, f);
    }
    List<Expr> a = args.size() == 1 ? List.of(args.get(0), new Nodes.Constant(0, DataType.of(TypeKind.INTEGER))) : args;
    return Nodes.strict2(name, type, a.get(0), a.get(1), (v, s) -> {
      int scale = (int) Math.max(-1000, Math.min(1000, Conv.toLong(s)));
      BigDecimal b = isFloat ? new BigDecimal(Double.toString(Conv.toDouble(v))) : Conv.toBigDecimal(v);
      BigDecimal r = b.setScale(scale, mode);
      if (r.scale() < 0) {
        r = r.setScale(0);
      }
      return isFloat ? as(r.doubleValue(), type.kind()) : as(r, type.kind());
    });
  }

  private static double power(double x, double y) {
    if (x == 0 && y < 0) {
      throw new SqlException(Errors.INVALID_ARGUMENT_FOR_POWER, "zero raised to a negative power is undefined");
    }
    if (x < 0 && Math.floor(y) != y && !Double.isInfinite(y)) {
      throw new SqlException(Errors.INVALID_ARGUMENT_FOR_POWER,
          "a negative number raised to a non-integer power yields a complex result");
    }
    double r = Math.pow(x, y);
    if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
      throw Errors.floatOverflow();
    }
    if (r == 0 && x != 0 && !Double.isInfinite(y)) {
      throw Errors.floatUnderflow();
    }
    return r;
  }

  private static double checked(double r, double x) {
    if (Double.isInfinite(r) && !Double.isInfinite(x)) {
      throw Errors.floatOverflow();
    }
    if (r == 0 && !Double.isInfinite(x)) {
      throw Errors.floatUnderflow();
    }
    return r;
  }

  private static double logArg(double x) {
    if (x == 0) {
      throw new SqlException(Errors.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
    }
    if (x < 0) {
      throw new SqlException(Errors.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
    }
    return x;
  }

  private static double unit(double x) {
    if (x < -1 || x > 1) {
      throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
    }
    return x;
  }
}
