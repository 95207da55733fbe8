package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.info.BuildInfo;
import io.phantomdb.kernel.sql.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Functions about the session and the server: {@code current_database()}, {@code
 * current_catalog}, {@code current_schema} (with or without parentheses), {@code
 * current_schemas(include_implicit)}, {@code current_user}, {@code current_role}, {@code
 * session_user}, {@code user}, {@code current_setting(name [, missing_ok])} and {@code
 * version()}. All but version() are dynamic: never folded into a cached plan.
 *
 * <p>PostgreSQL's types are {@code name} and, for current_schemas, {@code name[]}; PhantomDB has
 * no {@code name}, so these return text and current_schemas {@code text[]}.
 */
final class SessionFunctions {
  /** current_database(). */
  static final SqlFunction CURRENT_DATABASE =
      SqlBasicFunction.create("CURRENT_DATABASE", ReturnTypes.explicit(SqlTypeName.VARCHAR),
          OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM).withDynamic(true);

  /** current_schema: NULL when no schema of the search path exists. */
  static final SqlFunction CURRENT_SCHEMA = new SqlFunction("CURRENT_SCHEMA", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
      null, OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM) {
    @Override
    public SqlSyntax getSyntax() {
      return SqlSyntax.FUNCTION_ID;
    }

    @Override
    public boolean isDynamicFunction() {
      return true;
    }
  };

  /** current_schemas(include_implicit boolean). */
  static final SqlFunction CURRENT_SCHEMAS =
      SqlBasicFunction.create("CURRENT_SCHEMAS",
          b -> b.getTypeFactory().createArrayType(b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), -1),
          OperandTypes.family(SqlTypeFamily.BOOLEAN), SqlFunctionCategory.SYSTEM).withDynamic(true);

  /** current_setting(name [, missing_ok]). */
  static final SqlFunction CURRENT_SETTING =
      SqlBasicFunction.create("CURRENT_SETTING",
          ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
          OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
              OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.BOOLEAN)),
          SqlFunctionCategory.SYSTEM).withDynamic(true);

  /** version(). */
  static final SqlFunction VERSION =
      SqlBasicFunction.create("VERSION", ReturnTypes.explicit(SqlTypeName.VARCHAR),
          OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM);

  private SessionFunctions() {}

  /** @return the operators the validator should take before Calcite's of the same name */
  static List<SqlFunction> operators() {
    return List.of(CURRENT_DATABASE, CURRENT_SCHEMA, CURRENT_SCHEMAS, CURRENT_SETTING, VERSION);
  }

  static void register(Map<String, CallCompiler> r) {
    r.put("CURRENT_DATABASE", session(s -> s.database()));
    r.put("CURRENT_CATALOG", session(s -> s.database()));
    r.put("CURRENT_SCHEMA", session(s -> s.searchPath().isEmpty() ? null : s.searchPath().get(0)));
    for (String f : new String[] {"CURRENT_USER", "CURRENT_ROLE", "SESSION_USER", "USER"}) {
      r.put(f, session(SessionContext::user));
    }
    r.put("CURRENT_SCHEMAS", (call, args, type) -> Nodes.call("current_schemas", type, args,
        (v, ctx) -> schemas(ctx.session().searchPath(), (Boolean) v[0]), true));
    r.put("CURRENT_SETTING", (call, args, type) -> Nodes.call("current_setting", type, args,
        (v, ctx) -> setting(ctx.session(), (String) v[0], args.size() > 1 && Boolean.TRUE.equals(v[1])), true));
    String version = version();
    r.put("VERSION", (call, args, type) -> new Nodes.Constant(version, type));
  }

  private static CallCompiler session(java.util.function.Function<SessionContext, Object> f) {
    return (call, args, type) -> Nodes.call(call.getOperator().getName().toLowerCase(Locale.ROOT), type, args,
        (v, ctx) -> f.apply(ctx.session()), false);
  }

  private static String setting(SessionContext session, String name, boolean missingOk) {
    try {
      return session.setting(name);
    } catch (SqlException e) {
      if (missingOk && e.sqlState().equals(io.phantomdb.kernel.sql.SqlState.UNDEFINED_OBJECT)) {
        return null;
      }
      throw e;
    }
  }

  /** The array's text form: pg_catalog first when implicit schemas are asked for, as PostgreSQL. */
  private static io.phantomdb.kernel.sql.type.PgArray schemas(List<String> path, boolean implicit) {
    List<Object> all = new ArrayList<>();
    if (implicit && !path.contains("pg_catalog")) {
      all.add("pg_catalog");
    }
    all.addAll(path);
    return new io.phantomdb.kernel.sql.type.PgArray(all);
  }


  /** PostgreSQL's version() text, which drivers parse for the version number. */
  static String version() {
    String arch = System.getProperty("os.arch", "unknown");
    arch = arch.equals("amd64") ? "x86_64" : arch;
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") ? "pc-linux-gnu"
        : System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '-');
    return "PostgreSQL " + io.phantomdb.kernel.sql.session.Parameters.SERVER_VERSION + " (PhantomDB "
        + BuildInfo.version() + ") on " + arch + "-" + os + ", compiled by Java "
        + System.getProperty("java.version") + ", 64-bit";
  }
}
