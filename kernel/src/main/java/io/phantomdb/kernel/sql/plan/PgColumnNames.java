package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.type.DataType;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * The name PostgreSQL gives an output column written without an alias (its {@code
 * FigureColname}): a column reference's column name, a function call's function name, a cast's
 * operand's name (or the type's name), {@code case}, {@code coalesce}, {@code row}, {@code
 * exists}, and {@code ?column?} for anything else.
 */
public final class PgColumnNames {
  /** PostgreSQL's name for an expression it cannot name. */
  static final String UNNAMED = "?column?";

  private PgColumnNames() {}

  /**
   * @param item an output expression as parsed (before validation), not a star, not an alias
   * @param type the expression's type (names casts of unnamed expressions)
   * @return its column name
   */
  public static String of(SqlNode item, DataType type) {
    String name = figure(item);
    if (name != null) {
      return name;
    }
    if (item.getKind() == SqlKind.CAST) {
      return typeName(type);
    }
    return UNNAMED;
  }

  private static String figure(SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      return id.isStar() ? null : id.names.get(id.names.size() - 1);
    }
    if (!(node instanceof SqlCall call)) {
      return null;
    }
    return switch (call.getKind()) {
      case CAST -> figure(call.operand(0));
      case CASE -> "case";
      case COALESCE -> "coalesce";
      case ROW -> "row";
      case EXISTS -> "exists";
      case DOT -> figure(call.operand(1));
      case ITEM -> figure(call.operand(0));
      case NULLIF -> "nullif";
      case GREATEST -> "greatest";
      case LEAST -> "least";
      default -> call.getOperator() instanceof SqlFunction f
          ? f.getName().toLowerCase(Locale.ROOT) : null;
    };
  }

  /** PostgreSQL's internal type name, which it uses for a cast of an unnamed expression. */
  private static String typeName(DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "bool";
      case SMALLINT -> "int2";
      case INTEGER -> "int4";
      case BIGINT -> "int8";
      case NUMERIC -> "numeric";
      case REAL -> "float4";
      case DOUBLE -> "float8";
      case CHAR -> "bpchar";
      case VARCHAR -> "varchar";
      case TEXT -> "text";
      case BYTEA -> "bytea";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamptz";
      case INTERVAL -> "interval";
      case UUID -> "uuid";
      case UNKNOWN -> UNNAMED;
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY ->
          typeName(DataType.of(type.kind().elementKind())); // '{1}'::int[] is named int4
      case RECORD -> "record";
    };
  }
}
