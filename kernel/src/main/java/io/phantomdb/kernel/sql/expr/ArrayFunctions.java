package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgArray;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Array expressions with PostgreSQL's semantics over {@link PgArray} (one dimension, lower bound
 * 1): {@code ARRAY[a, b]}, subscripts {@code a[i]} (NULL out of range), {@code x op ANY|SOME|ALL
 * (array)}, {@code cardinality}, {@code array_length / array_upper / array_lower (a, 1)} (NULL for
 * an empty array or another dimension), {@code array_to_string(a, sep [, null_text])} and
 * {@code ||} of two arrays (Calcite's validator refuses an array with an element).
 */
final class ArrayFunctions {
  private ArrayFunctions() {}

  /** @return the functions the validator should know (cardinality is Calcite's) */
  static List<SqlFunction> operators() {
    List<SqlFunction> out = new ArrayList<>();
    for (String n : List.of("ARRAY_LENGTH", "ARRAY_UPPER", "ARRAY_LOWER")) {
      out.add(SqlBasicFunction.create(n,
          b -> b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.INTEGER), true),
          OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER), SqlFunctionCategory.SYSTEM));
    }
    return out;
  }

  static void register(Map<String, CallCompiler> r) {
    r.put("#ITEM", (call, args, type) -> {
      if (!args.get(0).type().kind().isArray()) {
        return null;
      }
      return Nodes.strict2("[]", type, args.get(0), args.get(1),
          (a, i) -> ((PgArray) a).get(((Number) i).longValue()));
    });
    r.put("#ARRAY_VALUE_CONSTRUCTOR", (call, args, type) -> {
      DataType element = DataType.of(type.kind().elementKind());
      List<Expr> items = new ArrayList<>();
      for (Expr a : args) {
        items.add(a.type().kind() == element.kind() ? a : Casts.cast(a, element, false));
      }
      return Nodes.call("ARRAY", type, items, (v, ctx) -> new PgArray(java.util.Arrays.asList(v)), false);
    });
    CallCompiler text = r.get("||");
    r.put("||", (call, args, type) -> type.kind().isArray() ? concat(args, type) : text.compile(call, args, type));
    r.put("#SOME", ArrayFunctions::quantified);
    r.put("#ALL", ArrayFunctions::quantified);
    r.put("CARDINALITY", (call, args, type) -> args.get(0).type().kind().isArray()
        ? Nodes.strict1("cardinality", type, args.get(0), a -> ((PgArray) a).length()) : null);
    r.put("ARRAY_LENGTH", (call, args, type) -> dimension("array_length", args, type, a -> a.length()));
    r.put("ARRAY_UPPER", (call, args, type) -> dimension("array_upper", args, type, a -> a.length() + a.lowerBound() - 1));
    r.put("ARRAY_LOWER", (call, args, type) -> dimension("array_lower", args, type, a -> a.lowerBound()));
  }

  /** array || array, array || element, element || array; a NULL array counts as empty. */
  private static Expr concat(List<Expr> args, DataType type) {
    DataType element = DataType.of(type.kind().elementKind());
    List<Expr> parts = new ArrayList<>();
    boolean[] isArray = new boolean[args.size()];
    for (int i = 0; i < args.size(); i++) {
      Expr a = args.get(i);
      isArray[i] = a.type().kind().isArray() || a.type().kind() == TypeKind.UNKNOWN;
      parts.add(!isArray[i] ? Casts.cast(a, element, false)
          : a.type().kind() == type.kind() || a.type().kind() == TypeKind.UNKNOWN ? a : Casts.cast(a, type, false));
    }
    return Nodes.call("||", type, parts, (v, ctx) -> {
      if (v[0] == null && v[1] == null) {
        return null;
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < v.length; i++) {
        if (isArray[i]) {
          if (v[i] != null) {
            out.addAll(((PgArray) v[i]).elements());
          }
        } else {
          out.add(v[i]);
        }
      }
      return new PgArray(out);
    }, false);
  }

  private interface Measure {
    int of(PgArray a);
  }

  private static Expr dimension(String name, List<Expr> args, DataType type, Measure m) {
    return Nodes.strict2(name, type, args.get(0), args.get(1), (a, d) -> {
      PgArray arr = (PgArray) a;
      return arr.length() == 0 || ((Number) d).longValue() != 1 ? null : (Object) m.of(arr);
    });
  }

  /**
   * array_to_string(array, separator [, null_text]): the elements' text joined by the separator;
   * NULL elements are left out, or written as null_text when given.
   */
  static Expr arrayToString(List<Expr> args, DataType type) {
    DataType element = DataType.of(args.get(0).type().kind().elementKind());
    return Nodes.call("array_to_string", type, args, (v, ctx) -> {
      if (v[0] == null || v[1] == null) {
        return null;
      }
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      for (Object e : ((PgArray) v[0]).elements()) {
        if (e == null && (v.length < 3 || v[2] == null)) {
          continue;
        }
        if (!first) {
          sb.append(v[1]);
        }
        first = false;
        sb.append(e == null ? v[2].toString() : TextCodec.format(e, element));
      }
      return sb.toString();
    }, false);
  }

  /** x op ANY (array) / x op ALL (array), with SQL's three-valued logic over NULL elements. */
  private static Expr quantified(RexCall call, List<Expr> args, DataType type) {
    if (!(call.getOperator() instanceof SqlQuantifyOperator q) || !args.get(1).type().kind().isArray()) {
      return null;
    }
    boolean any = call.getKind() == SqlKind.SOME;
    SqlKind op = q.comparisonKind;
    TypeKind left = args.get(0).type().kind();
    TypeKind element = args.get(1).type().kind().elementKind();
    if (left != TypeKind.UNKNOWN && left.isNumeric() != element.isNumeric()) {
      throw new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + args.get(0).type().sqlName()
          + " " + q.getName().split(" ")[0] + " " + DataType.of(element).sqlName(), null,
          "No operator matches the given name and argument types. You might need to add explicit type casts.", null);
    }
    return Nodes.call(any ? "ANY" : "ALL", type, args, (v, ctx) -> {
      if (v[0] == null || v[1] == null) {
        return null;
      }
      boolean sawNull = false;
      for (Object e : ((PgArray) v[1]).elements()) {
        if (e == null) {
          sawNull = true;
          continue;
        }
        boolean hit = holds(op, ValueComparator.compare(left, v[0], element, e));
        if (hit == any) {
          return any;
        }
      }
      return sawNull ? null : (Object) !any;
    }, false);
  }

  private static boolean holds(SqlKind op, int c) {
    return switch (op) {
      case EQUALS -> c == 0;
      case NOT_EQUALS -> c != 0;
      case LESS_THAN -> c < 0;
      case LESS_THAN_OR_EQUAL -> c <= 0;
      case GREATER_THAN -> c > 0;
      case GREATER_THAN_OR_EQUAL -> c >= 0;
      default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, op + " with ANY/ALL is not supported");
    };
  }

}
