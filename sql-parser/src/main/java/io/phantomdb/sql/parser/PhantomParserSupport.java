package io.phantomdb.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Helpers the generated parser ({@code io.phantomdb.sql.parser.impl.PhantomSqlParserImpl})
 * calls from PhantomDB's grammar productions. Not for other callers.
 */
public final class PhantomParserSupport {
  private PhantomParserSupport() {}

  /**
   * Applies a PostgreSQL {@code ::} cast to the operand just parsed. {@code list} is the flat
   * operand/operator list Calcite's expression parser is building; {@code ::} binds tighter than
   * every operator in it except field access and subscripts, so the cast takes the last operand
   * (with any {@code .field} / {@code [i]} suffixes) and leaves prefix operators outside:
   * {@code -x::int} is {@code -(x::int)}, {@code a + b::int} is {@code a + (b::int)}.
   *
   * @param type a {@link org.apache.calcite.sql.SqlDataTypeSpec} or an
   *     {@link org.apache.calcite.sql.SqlIntervalQualifier}, as Calcite's CAST takes
   */
  public static void castLast(List<Object> list, SqlNode type) {
    int start = list.size() - 1;
    if (!(list.get(start) instanceof SqlNode)) {
      start = 0; // a postfix operator ends the list: cast everything so far
    } else {
      while (start >= 2 && list.get(start - 1) instanceof SqlParserUtil.ToTreeListItem
          && isSuffix(((SqlParserUtil.ToTreeListItem) list.get(start - 1)).getOperator())) {
        start -= 2;
      }
    }
    final List<Object> operandItems = list.subList(start, list.size());
    final SqlNode operand = SqlParserUtil.toTree(new ArrayList<>(operandItems));
    operandItems.clear();
    final SqlParserPos pos = operand.getParserPosition().plus(type.getParserPosition());
    String catalogType = catalogType(type);
    if (catalogType != null && REG_TYPES.contains(catalogType)) {
      // x::regclass (and regtype, regnamespace, regrole): the function of that name, which
      // gives a name's OID or an OID's name
      list.add(new org.apache.calcite.sql.SqlUnresolvedFunction(
          new org.apache.calcite.sql.SqlIdentifier(catalogType, pos), null, null, null, null,
          org.apache.calcite.sql.SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(pos, operand));
      return;
    }
    SqlNode target = type;
    if (catalogType != null && CATALOG_TYPES.containsKey(catalogType)) {
      target = new org.apache.calcite.sql.SqlDataTypeSpec(CATALOG_TYPES.get(catalogType).apply(type.getParserPosition()),
          type.getParserPosition());
    }
    list.add(SqlStdOperatorTable.CAST.createCall(pos, operand, target));
  }

  /**
   * The type {@code element[]}: an array of the element type (a catalog type name such as
   * {@code pg_catalog.int2} or {@code oid} resolved first), as Calcite's {@code element ARRAY}.
   *
   * @param element the element type as parsed
   * @param pos the position of the brackets
   * @return the array type
   */
  public static org.apache.calcite.sql.SqlDataTypeSpec arrayOf(org.apache.calcite.sql.SqlDataTypeSpec element,
      SqlParserPos pos) {
    org.apache.calcite.sql.SqlTypeNameSpec spec = element.getTypeNameSpec();
    String catalogType = catalogType(element);
    if (catalogType != null && CATALOG_TYPES.containsKey(catalogType)) {
      spec = CATALOG_TYPES.get(catalogType).apply(element.getParserPosition());
    }
    SqlParserPos all = element.getParserPosition().plus(pos);
    return new org.apache.calcite.sql.SqlDataTypeSpec(
        new org.apache.calcite.sql.SqlCollectionTypeNameSpec(spec, org.apache.calcite.sql.type.SqlTypeName.ARRAY, all),
        all);
  }

  private static final java.util.Set<String> REG_TYPES = java.util.Set.of("regclass", "regtype", "regnamespace", "regrole");

  /** Types named with a pg_catalog prefix or known only by their catalog name: oid, name, "char". */
  private static final java.util.Map<String, java.util.function.Function<SqlParserPos, org.apache.calcite.sql.SqlTypeNameSpec>>
      CATALOG_TYPES = java.util.Map.of(
          "oid", p -> new org.apache.calcite.sql.SqlBasicTypeNameSpec(org.apache.calcite.sql.type.SqlTypeName.INTEGER, p),
          "int4", p -> new org.apache.calcite.sql.SqlBasicTypeNameSpec(org.apache.calcite.sql.type.SqlTypeName.INTEGER, p),
          "int2", p -> new org.apache.calcite.sql.SqlBasicTypeNameSpec(org.apache.calcite.sql.type.SqlTypeName.SMALLINT, p),
          "int8", p -> new org.apache.calcite.sql.SqlBasicTypeNameSpec(org.apache.calcite.sql.type.SqlTypeName.BIGINT, p),
          "bool", p -> new org.apache.calcite.sql.SqlBasicTypeNameSpec(org.apache.calcite.sql.type.SqlTypeName.BOOLEAN, p),
          "text", p -> new io.phantomdb.sql.parser.type.PgTypeNameSpec(io.phantomdb.sql.parser.type.PgTypeName.TEXT, p),
          "name", p -> new io.phantomdb.sql.parser.type.PgTypeNameSpec(io.phantomdb.sql.parser.type.PgTypeName.TEXT, p),
          "char", p -> new io.phantomdb.sql.parser.type.PgTypeNameSpec(io.phantomdb.sql.parser.type.PgTypeName.TEXT, p),
          "varchar", p -> new io.phantomdb.sql.parser.type.PgTypeNameSpec(io.phantomdb.sql.parser.type.PgTypeName.TEXT, p));

  /**
   * @return the lower-case name of a type written as a (possibly pg_catalog-qualified) user type
   *     name, such as {@code regclass} or {@code pg_catalog.text}; null for any other type
   */
  private static String catalogType(SqlNode type) {
    if (!(type instanceof org.apache.calcite.sql.SqlDataTypeSpec spec)
        || !(spec.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlUserDefinedTypeNameSpec)) {
      return null;
    }
    List<String> names = spec.getTypeNameSpec().getTypeName().names;
    if (names.size() == 2 && names.get(0).equalsIgnoreCase("pg_catalog")) {
      return names.get(1).toLowerCase(java.util.Locale.ROOT);
    }
    if (names.size() == 1) {
      String n = names.get(0).toLowerCase(java.util.Locale.ROOT);
      return REG_TYPES.contains(n) || n.equals("oid") || n.equals("name") ? n : null;
    }
    return null;
  }

  private static boolean isSuffix(SqlOperator op) {
    return op.getKind() == SqlKind.DOT || op.getKind() == SqlKind.ITEM;
  }

  /**
   * An error found while parsing that is not a plain syntax error (a clause in the wrong
   * statement, a bad number). The parser turns it into a
   * {@link org.apache.calcite.sql.parser.SqlParseException} at {@code pos}.
   */
  public static CalciteContextException error(SqlParserPos pos, String message) {
    return new CalciteContextException(message, new SqlValidatorException(message, null),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
  }

  /**
   * Parses a sequence option's number (START WITH, INCREMENT BY, ...).
   *
   * @param negative true if a minus sign came before the digits
   */
  public static long parseLong(String digits, boolean negative, SqlParserPos pos) {
    try {
      return Long.parseLong(negative ? "-" + digits : digits);
    } catch (NumberFormatException e) {
      throw error(pos, "value \"" + (negative ? "-" : "") + digits + "\" is out of range for type bigint");
    }
  }
}
