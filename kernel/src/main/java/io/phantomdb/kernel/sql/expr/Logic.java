package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.List;
import java.util.Map;

/**
 * Three-valued logic and the conditional forms: AND, OR, NOT, IS [NOT] NULL/TRUE/FALSE/UNKNOWN,
 * CASE, COALESCE, NULLIF. AND and OR evaluate left to right and stop as soon as the result is
 * known (FALSE for AND, TRUE for OR), as PostgreSQL may.
 */
final class Logic {
  private Logic() {}

  static void register(Map<String, CallCompiler> r) {
    r.put("#AND", (call, args, type) -> andOr(args, type, false));
    r.put("#OR", (call, args, type) -> andOr(args, type, true));
    r.put("#NOT", (call, args, type) -> Nodes.strict1("not", type, args.get(0), v -> !(Boolean) v));
    r.put("#IS_NULL", (call, args, type) -> test("is_null", type, args.get(0), v -> v == null));
    r.put("#IS_NOT_NULL", (call, args, type) -> test("is_not_null", type, args.get(0), v -> v != null));
    r.put("#IS_TRUE", (call, args, type) -> test("is_true", type, args.get(0), v -> v == Boolean.TRUE));
    r.put("#IS_NOT_TRUE", (call, args, type) -> test("is_not_true", type, args.get(0), v -> v != Boolean.TRUE));
    r.put("#IS_FALSE", (call, args, type) -> test("is_false", type, args.get(0), v -> v == Boolean.FALSE));
    r.put("#IS_NOT_FALSE", (call, args, type) -> test("is_not_false", type, args.get(0), v -> v != Boolean.FALSE));
    r.put("#IS_UNKNOWN", (call, args, type) -> test("is_unknown", type, args.get(0), v -> v == null));
    r.put("#IS_NOT_UNKNOWN", (call, args, type) -> test("is_not_unknown", type, args.get(0), v -> v != null));
    r.put("#CASE", (call, args, type) -> caseWhen(args, type));
    r.put("#COALESCE", (call, args, type) -> coalesce(args, type));
    r.put("#NULLIF", (call, args, type) -> nullIf(args, type));
  }

  /** A predicate on a possibly NULL value; never NULL itself. */
  @FunctionalInterface
  interface Test {
    boolean test(Object v);
  }

  private static Expr test(String name, DataType type, Expr arg, Test t) {
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        return t.test(arg.eval(row, ctx));
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return name + "(" + arg + ")";
      }
    };
  }

  private static Expr andOr(List<Expr> args, DataType type, boolean or) {
    Expr[] a = args.toArray(new Expr[0]);
    Boolean stop = or ? Boolean.TRUE : Boolean.FALSE;
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        boolean sawNull = false;
        for (Expr e : a) {
          Object v = e.eval(row, ctx);
          if (v == null) {
            sawNull = true;
          } else if (v.equals(stop)) {
            return stop;
          }
        }
        return sawNull ? null : !stop;
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return (or ? "or" : "and") + List.of(a);
      }
    };
  }

  /** Calcite's CASE: when1, then1, when2, then2, ..., else. */
  private static Expr caseWhen(List<Expr> args, DataType type) {
    int n = args.size() / 2;
    Expr[] whens = new Expr[n];
    Expr[] thens = new Expr[n];
    for (int i = 0; i < n; i++) {
      whens[i] = args.get(2 * i);
      thens[i] = coerce(args.get(2 * i + 1), type);
    }
    Expr otherwise = args.size() % 2 == 1 ? coerce(args.get(args.size() - 1), type) : null;
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        for (int i = 0; i < whens.length; i++) {
          if (whens[i].eval(row, ctx) == Boolean.TRUE) {
            return thens[i].eval(row, ctx);
          }
        }
        return otherwise == null ? null : otherwise.eval(row, ctx);
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return "case" + args;
      }
    };
  }

  private static Expr coalesce(List<Expr> args, DataType type) {
    Expr[] a = args.stream().map(e -> coerce(e, type)).toArray(Expr[]::new);
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        for (Expr e : a) {
          Object v = e.eval(row, ctx);
          if (v != null) {
            return v;
          }
        }
        return null;
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return "coalesce" + List.of(a);
      }
    };
  }

  private static Expr nullIf(List<Expr> args, DataType type) {
    Expr a = coerce(args.get(0), type);
    Expr b = args.get(1);
    return Nodes.call("nullif", type, List.of(a, b), (v, ctx) -> {
      if (v[0] == null || v[1] == null) {
        return v[0];
      }
      return ValueComparator.compare(a.type().kind(), v[0], b.type().kind(), v[1]) == 0 ? null : v[0];
    }, false);
  }

  /**
   * Makes a branch yield the result's Java class when Calcite left its type different (CASE
   * branches of INTEGER under a BIGINT CASE, for example); lengths are not enforced.
   */
  static Expr coerce(Expr e, DataType type) {
    TypeKind from = e.type().kind();
    TypeKind to = type.kind();
    if (from == to || (from.isText() && to.isText()) || from == TypeKind.UNKNOWN) {
      return e;
    }
    DataType target = to == TypeKind.NUMERIC ? DataType.of(TypeKind.NUMERIC) : type.withNullable(true);
    return Casts.cast(e, target, true);
  }
}
