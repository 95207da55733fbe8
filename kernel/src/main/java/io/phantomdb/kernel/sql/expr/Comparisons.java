package io.phantomdb.kernel.sql.expr;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.util.Sarg;

/**
 * Comparison operators (= &lt;&gt; &lt; &lt;= &gt; &gt;=, IS [NOT] DISTINCT FROM), GREATEST/LEAST
 * and Calcite's SEARCH (what IN lists, BETWEEN and ORs of ranges become), all in PostgreSQL's
 * order ({@link ValueComparator}).
 *
 * <p>SEARCH(x, Sarg) is TRUE if x lies in one of the ranges, FALSE if it lies in none, and for a
 * NULL x what the Sarg's {@code nullAs} says (UNKNOWN: NULL). Calcite keeps a NULL in an IN list
 * outside the Sarg, as {@code OR(SEARCH(...), null)}, which three-valued OR then gets right:
 * {@code 3 IN (1, NULL)} is NULL, {@code 1 IN (1, NULL)} is TRUE.
 */
final class Comparisons {
  private Comparisons() {}

  /** What a comparison result means for one operator. */
  @FunctionalInterface
  private interface Outcome {
    boolean test(int cmp);
  }

  static void register(Map<String, CallCompiler> r) {
    r.put("#EQUALS", (call, args, type) -> compare("=", args, type, c -> c == 0));
    r.put("#NOT_EQUALS", (call, args, type) -> compare("<>", args, type, c -> c != 0));
    r.put("#LESS_THAN", (call, args, type) -> compare("<", args, type, c -> c < 0));
    r.put("#LESS_THAN_OR_EQUAL", (call, args, type) -> compare("<=", args, type, c -> c <= 0));
    r.put("#GREATER_THAN", (call, args, type) -> compare(">", args, type, c -> c > 0));
    r.put("#GREATER_THAN_OR_EQUAL", (call, args, type) -> compare(">=", args, type, c -> c >= 0));
    r.put("#IS_DISTINCT_FROM", (call, args, type) -> distinct(args, type, true));
    r.put("#IS_NOT_DISTINCT_FROM", (call, args, type) -> distinct(args, type, false));
    r.put("#SEARCH", Comparisons::search);
    CallCompiler greatest = (call, args, type) -> extreme(args, type, true);
    CallCompiler least = (call, args, type) -> extreme(args, type, false);
    r.put("#GREATEST", greatest);
    r.put("#GREATEST_PG", greatest);
    r.put("#LEAST", least);
    r.put("#LEAST_PG", least);
  }

  /** Fails at compile time for kinds PostgreSQL has no comparison operator between. */
  static void checkComparable(String op, DataType a, DataType b) {
    TypeKind x = a.kind();
    TypeKind y = b.kind();
    boolean ok = x == y || x == TypeKind.UNKNOWN || y == TypeKind.UNKNOWN
        || (x.isNumeric() && y.isNumeric()) || (x.isText() && y.isText())
        || (isDateTime(x) && isDateTime(y));
    if (!ok) {
      throw new SqlException(SqlState.UNDEFINED_FUNCTION,
          "operator does not exist: " + a.sqlName() + " " + op + " " + b.sqlName());
    }
  }

  private static boolean isDateTime(TypeKind k) {
    return k == TypeKind.DATE || k == TypeKind.TIMESTAMP || k == TypeKind.TIMESTAMPTZ;
  }

  private static Expr compare(String op, List<Expr> args, DataType type, Outcome outcome) {
    Expr a = args.get(0);
    Expr b = args.get(1);
    checkComparable(op, a.type(), b.type());
    TypeKind ka = a.type().kind();
    TypeKind kb = b.type().kind();
    return Nodes.strict2(op, type, a, b,
        (x, y) -> outcome.test(ValueComparator.compare(ka, x, kb, y)));
  }

  private static Expr distinct(List<Expr> args, DataType type, boolean distinct) {
    Expr a = args.get(0);
    Expr b = args.get(1);
    checkComparable("IS DISTINCT FROM", a.type(), b.type());
    TypeKind ka = a.type().kind();
    TypeKind kb = b.type().kind();
    return Nodes.call(distinct ? "is_distinct_from" : "is_not_distinct_from", type, args, (v, ctx) -> {
      boolean same = v[0] == null || v[1] == null
          ? v[0] == v[1]
          : ValueComparator.compare(ka, v[0], kb, v[1]) == 0;
      return same != distinct;
    }, false);
  }

  /** PostgreSQL's GREATEST/LEAST ignore NULLs; NULL only if all are NULL. */
  private static Expr extreme(List<Expr> args, DataType type, boolean greatest) {
    List<Expr> a = args.stream().map(e -> Logic.coerce(e, type)).toList();
    TypeKind k = type.kind();
    return Nodes.call(greatest ? "greatest" : "least", type, a, (v, ctx) -> {
      Object best = null;
      for (Object x : v) {
        if (x != null) {
          int c = best == null ? 0 : ValueComparator.compare(k, x, best);
          if (best == null || (greatest ? c > 0 : c < 0)) {
            best = x;
          }
        }
      }
      return best;
    }, false);
  }

  /** One range of a Sarg, bounds converted to our values (null = unbounded). */
  private record Bound(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {}

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Expr search(RexCall call, List<Expr> args, DataType type) {
    Expr x = args.get(0);
    RexLiteral lit = (RexLiteral) call.getOperands().get(1);
    Sarg sarg = lit.getValueAs(Sarg.class);
    DataType valueType = CalciteTypes.toDataType(lit.getType());
    TypeKind kx = x.type().kind();
    TypeKind kv = valueType.kind();
    checkComparable("IN", x.type(), valueType);
    List<Bound> bounds = new ArrayList<>();
    for (Object o : sarg.rangeSet.asRanges()) {
      Range r = (Range) o;
      Object lo = r.hasLowerBound() ? Literals.toJava(r.lowerEndpoint(), lit.getType(), valueType) : null;
      Object hi = r.hasUpperBound() ? Literals.toJava(r.upperEndpoint(), lit.getType(), valueType) : null;
      bounds.add(new Bound(lo, r.hasLowerBound() && r.lowerBoundType() == BoundType.CLOSED,
          hi, r.hasUpperBound() && r.upperBoundType() == BoundType.CLOSED));
    }
    Bound[] b = bounds.toArray(new Bound[0]);
    String description = "search(" + x + ", " + sarg + ")";
    Boolean ifNull = sarg.nullAs == RexUnknownAs.TRUE ? Boolean.TRUE
        : sarg.nullAs == RexUnknownAs.FALSE ? Boolean.FALSE : null;
    if (sarg.isPoints() && b.length > 8) {
      Object[] points = bounds.stream().map(Bound::lower)
          .sorted((p, q) -> ValueComparator.compare(kv, p, q)).toArray();
      return Nodes.call("in", type, List.of(x), (v, ctx) -> {
        if (v[0] == null) {
          return ifNull;
        }
        int lo = 0;
        int hi = points.length - 1;
        while (lo <= hi) {
          int mid = (lo + hi) >>> 1;
          int c = ValueComparator.compare(kv, points[mid], kx, v[0]);
          if (c == 0) {
            return true;
          }
          if (c < 0) {
            lo = mid + 1;
          } else {
            hi = mid - 1;
          }
        }
        return false;
      }, false);
    }
    return new Expr() {
      @Override
      public Object eval(Object[] row, EvalContext ctx) {
        Object v = x.eval(row, ctx);
        if (v == null) {
          return ifNull;
        }
        for (Bound r : b) {
          if (r.lower != null) {
            int c = ValueComparator.compare(kx, v, kv, r.lower);
            if (c < 0 || (c == 0 && !r.lowerInclusive)) {
              continue;
            }
          }
          if (r.upper != null) {
            int c = ValueComparator.compare(kx, v, kv, r.upper);
            if (c > 0 || (c == 0 && !r.upperInclusive)) {
              continue;
            }
          }
          return true;
        }
        return false;
      }

      @Override
      public DataType type() {
        return type;
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
