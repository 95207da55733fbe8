package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.syscat.PgFunctions;
import io.phantomdb.kernel.sql.syscat.PgTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The functions clients call on the system catalogs ({@code pg_get_userbyid}, {@code format_type},
 * {@code pg_table_is_visible}, {@code pg_get_indexdef}, {@code pg_get_constraintdef}, {@code
 * pg_get_expr}, {@code obj_description} / {@code col_description} (NULL), {@code
 * has_*_privilege} (true: there are no privileges), {@code pg_encoding_to_char}, {@code
 * array_to_string}, {@code pg_backend_pid()}, {@code pg_is_in_recovery()}) and the {@code
 * regclass} / {@code regtype} / {@code regnamespace} / {@code regrole} conversions that {@code
 * x::regclass} parses to: text gives the OID (int4), an OID gives the name (text). All read the
 * statement's catalog at run time (dynamic: never folded). The POSIX regular expression operators
 * {@code ~ ~* !~ !~*} are here too (Java's regular expressions, which agree with PostgreSQL's on
 * the common syntax).
 */
final class CatalogFunctions {
  private CatalogFunctions() {}

  private static SqlFunction fn(String name, SqlReturnTypeInference type, int min, int max) {
    return SqlBasicFunction.create(name, type, OperandTypes.variadic(SqlOperandCountRanges.between(min, max)),
        SqlFunctionCategory.SYSTEM).withDynamic(true);
  }

  private static SqlReturnTypeInference nullable(SqlTypeName t) {
    return b -> b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(t), true);
  }

  /** regclass(x) & co.: int4 from text, text from a number. */
  private static final SqlReturnTypeInference REG = b -> {
    RelDataType in = b.getOperandType(0);
    boolean fromText = SqlTypeFamily.CHARACTER.contains(in) || in.getSqlTypeName() == SqlTypeName.NULL;
    return b.getTypeFactory().createTypeWithNullability(
        b.getTypeFactory().createSqlType(fromText ? SqlTypeName.INTEGER : SqlTypeName.VARCHAR), true);
  };

  private static final List<String> TEXT_FNS = List.of("PG_GET_USERBYID", "FORMAT_TYPE", "PG_GET_INDEXDEF",
      "PG_GET_CONSTRAINTDEF", "PG_GET_EXPR", "OBJ_DESCRIPTION", "COL_DESCRIPTION", "SHOBJ_DESCRIPTION",
      "PG_ENCODING_TO_CHAR", "ARRAY_TO_STRING", "PG_GET_STATISTICSOBJDEF_COLUMNS");
  private static final List<String> BOOL_FNS = List.of("PG_TABLE_IS_VISIBLE", "HAS_TABLE_PRIVILEGE",
      "HAS_SCHEMA_PRIVILEGE", "HAS_DATABASE_PRIVILEGE", "HAS_COLUMN_PRIVILEGE", "HAS_SEQUENCE_PRIVILEGE",
      "PG_IS_IN_RECOVERY", "PG_RELATION_IS_PUBLISHABLE");
  private static final List<String> REG_FNS = List.of("REGCLASS", "REGTYPE", "REGNAMESPACE", "REGROLE");

  /** @return the operators the validator should know */
  static List<SqlFunction> operators() {
    List<SqlFunction> out = new ArrayList<>();
    for (String n : TEXT_FNS) {
      out.add(fn(n, nullable(SqlTypeName.VARCHAR), 1, 3));
    }
    for (String n : BOOL_FNS) {
      out.add(fn(n, nullable(SqlTypeName.BOOLEAN), 0, 4));
    }
    for (String n : REG_FNS) {
      out.add(fn(n, REG, 1, 1));
    }
    out.add(fn("PG_BACKEND_PID", nullable(SqlTypeName.INTEGER), 0, 0));
    return out;
  }

  static void register(Map<String, CallCompiler> r) {
    r.put("PG_GET_USERBYID", strict((v, s) -> PgFunctions.userById(s, v[0])));
    r.put("FORMAT_TYPE", (call, args, type) -> Nodes.call("format_type", type, args, (v, ctx) -> v[0] == null ? null
        : PgTypes.format(PgFunctions.oid(v[0]), v.length > 1 && v[1] != null ? ((Number) v[1]).intValue() : -1), false));
    r.put("PG_GET_INDEXDEF", strict((v, s) -> PgFunctions.indexDef(s, v[0],
        v.length > 1 ? ((Number) v[1]).intValue() : null)));
    r.put("PG_GET_CONSTRAINTDEF", strict((v, s) -> PgFunctions.constraintDef(s, v[0])));
    r.put("PG_GET_EXPR", strict((v, s) -> v[0].toString()));
    for (String n : List.of("OBJ_DESCRIPTION", "COL_DESCRIPTION", "SHOBJ_DESCRIPTION")) {
      r.put(n, strict((v, s) -> null));
    }
    r.put("PG_ENCODING_TO_CHAR", strict((v, s) -> ((Number) v[0]).intValue() == 6 ? "UTF8"
        : ((Number) v[0]).intValue() == 0 ? "SQL_ASCII" : ""));
    r.put("ARRAY_TO_STRING", (call, args, type) -> args.get(0).type().kind().isArray()
        ? ArrayFunctions.arrayToString(args, type)
        : Nodes.call("array_to_string", type, args, (v, ctx) -> v[0] == null || v[1] == null ? null
            : arrayToString(v[0].toString(), v[1].toString()), false));
    r.put("PG_TABLE_IS_VISIBLE", strict((v, s) -> PgFunctions.tableIsVisible(s, v[0])));
    for (String n : List.of("HAS_TABLE_PRIVILEGE", "HAS_SCHEMA_PRIVILEGE", "HAS_DATABASE_PRIVILEGE",
        "HAS_COLUMN_PRIVILEGE", "HAS_SEQUENCE_PRIVILEGE")) {
      r.put(n, strict((v, s) -> Boolean.TRUE));
    }
    r.put("PG_IS_IN_RECOVERY", strict((v, s) -> Boolean.FALSE));
    r.put("PG_RELATION_IS_PUBLISHABLE", strict((v, s) -> Boolean.FALSE)); // no publications
    r.put("PG_GET_STATISTICSOBJDEF_COLUMNS", strict((v, s) -> null)); // no extended statistics
    r.put("PG_BACKEND_PID", strict((v, s) -> s.backendPid()));
    r.put("REGCLASS", strict((v, s) -> PgFunctions.regclass(s, v[0])));
    r.put("REGTYPE", strict((v, s) -> PgFunctions.regtype(v[0])));
    r.put("REGNAMESPACE", strict((v, s) -> PgFunctions.regnamespace(s, v[0])));
    r.put("REGROLE", strict((v, s) -> PgFunctions.regrole(s, v[0])));
    r.put("#POSIX_REGEX_CASE_SENSITIVE", (call, args, type) -> regex(call, args, type, 0));
    r.put("#POSIX_REGEX_CASE_INSENSITIVE", (call, args, type) -> regex(call, args, type,
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  private interface SessionFn {
    Object apply(Object[] v, SessionContext s);
  }

  private static CallCompiler strict(SessionFn f) {
    return (call, args, type) -> Nodes.call(call.getOperator().getName().toLowerCase(java.util.Locale.ROOT), type,
        args, (v, ctx) -> f.apply(v, ctx.session()), true);
  }

  private static Expr regex(org.apache.calcite.rex.RexCall call, List<Expr> args, io.phantomdb.kernel.sql.type.DataType type,
      int flags) {
    boolean negated = call.getOperator().getName().startsWith("NEGATED");
    return Nodes.call(negated ? "!~" : "~", type, args.subList(0, 2), (v, ctx) -> {
      boolean found;
      try {
        found = Pattern.compile(v[1].toString(), flags).matcher(v[0].toString()).find();
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new io.phantomdb.kernel.sql.SqlException(io.phantomdb.kernel.sql.SqlState.INVALID_REGULAR_EXPRESSION,
            "invalid regular expression: " + e.getDescription());
      }
      return found != negated;
    }, true);
  }

  /** array_to_string over an array's text form: {a,b} → a<sep>b (NULL elements skipped). */
  private static String arrayToString(String array, String sep) {
    String body = array.startsWith("{") && array.endsWith("}") ? array.substring(1, array.length() - 1) : array;
    if (body.isEmpty()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (String e : body.split(",")) {
      if (!e.equals("NULL")) {
        out.add(e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e);
      }
    }
    return String.join(sep, out);
  }
}
