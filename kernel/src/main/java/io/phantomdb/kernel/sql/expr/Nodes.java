package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The plain expression nodes: column references, constants, parameters and function calls. */
final class Nodes {
  private Nodes() {}

  /** A function of one value. */
  @FunctionalInterface
  interface F1 {
    Object apply(Object a);
  }

  /** A function of two values. */
  @FunctionalInterface
  interface F2 {
    Object apply(Object a, Object b);
  }

  /** A function of any number of values. */
  @FunctionalInterface
  interface FN {
    Object apply(Object[] args);
  }

  /** A function of any number of values that needs the statement's context. */
  @FunctionalInterface
  interface FC {
    Object apply(Object[] args, EvalContext ctx);
  }

  /** Column {@code index} of the input row. */
  record InputRef(int index, DataType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
      return row[index];
    }

    @Override
    public String toString() {
      return "$" + index;
    }
  }

  /** A constant (a literal, or a symbol such as a time unit with type UNKNOWN). */
  record Constant(Object value, DataType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
      return value;
    }

    @Override
    public String toString() {
      return String.valueOf(value);
    }
  }

  /** Statement parameter {@code $(index + 1)}, cast to its type if given as another class. */
  record Param(int index, DataType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
      Object v = ctx.parameter(index);
      if (v == null || type.kind().javaClass().isInstance(v)) {
        return v;
      }
      return Casts.convert(v, Conv.typeOfValue(v), type, false, ctx.timeZone());
    }

    @Override
    public String toString() {
      return "?" + index;
    }
  }

  static Expr strict1(String name, DataType type, Expr a, F1 f) {
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        Object x = a.eval(row, ctx);
        return x == null ? null : f.apply(x);
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return name + "(" + a + ")";
      }
    };
  }

  static Expr strict2(String name, DataType type, Expr a, Expr b, F2 f) {
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        Object x = a.eval(row, ctx);
        if (x == null) {
          return null;
        }
        Object y = b.eval(row, ctx);
        return y == null ? null : f.apply(x, y);
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return name + "(" + a + ", " + b + ")";
      }
    };
  }

  /** All arguments evaluated; NULL if any is NULL, else {@code f}. */
  static Expr strictN(String name, DataType type, List<Expr> args, FN f) {
    return call(name, type, args, (v, ctx) -> f.apply(v), true);
  }

  /**
   * @param strict whether a NULL argument makes the result NULL without calling {@code f}
   */
  static Expr call(String name, DataType type, List<Expr> args, FC f, boolean strict) {
    Expr[] a = args.toArray(new Expr[0]);
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        Object[] v = new Object[a.length];
        for (int i = 0; i < a.length; i++) {
          v[i] = a[i].eval(row, ctx);
          if (strict && v[i] == null) {
            return null;
          }
        }
        return f.apply(v, ctx);
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return name + Arrays.stream(a).map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
      }
    };
  }
}
