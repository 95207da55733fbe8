package io.phantomdb.kernel.sql.type;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates between Calcite's {@link RelDataType} (planning) and our {@link DataType} (run time),
 * both ways, keeping nullability and modifiers.
 *
 * <table>
 *   <caption>Mapping (Calcite to ours; ours to Calcite is the first Calcite type listed)</caption>
 *   <tr><th>Calcite</th><th>DataType</th></tr>
 *   <tr><td>BOOLEAN</td><td>BOOLEAN</td></tr>
 *   <tr><td>SMALLINT, TINYINT</td><td>SMALLINT</td></tr>
 *   <tr><td>INTEGER</td><td>INTEGER</td></tr>
 *   <tr><td>BIGINT</td><td>BIGINT</td></tr>
 *   <tr><td>DECIMAL(p, s)</td><td>NUMERIC(p, s); DECIMAL(1000, any s) is unconstrained
 *       NUMERIC (precision 0) — see {@link PhantomTypeSystem}</td></tr>
 *   <tr><td>REAL</td><td>REAL</td></tr>
 *   <tr><td>DOUBLE, FLOAT</td><td>DOUBLE</td></tr>
 *   <tr><td>CHAR(n)</td><td>CHAR(n)</td></tr>
 *   <tr><td>VARCHAR(n)</td><td>VARCHAR(n)</td></tr>
 *   <tr><td>VARCHAR (no length)</td><td>TEXT (PostgreSQL types string expressions as text;
 *       our VARCHAR without length goes to Calcite as VARCHAR too)</td></tr>
 *   <tr><td>VARBINARY, BINARY(n)</td><td>BYTEA</td></tr>
 *   <tr><td>DATE</td><td>DATE</td></tr>
 *   <tr><td>TIME(p)</td><td>TIME(p)</td></tr>
 *   <tr><td>TIMESTAMP(p)</td><td>TIMESTAMP(p)</td></tr>
 *   <tr><td>TIMESTAMP_WITH_LOCAL_TIME_ZONE(p), TIMESTAMP_TZ(p)</td><td>TIMESTAMPTZ(p):
 *       PostgreSQL's timestamptz is an instant shown in the session time zone, which is
 *       Calcite's "with local time zone"</td></tr>
 *   <tr><td>every INTERVAL_* qualifier</td><td>INTERVAL (ours goes to Calcite as INTERVAL DAY
 *       TO SECOND; Calcite cannot mix year-month and day-time intervals, PostgreSQL can)</td></tr>
 *   <tr><td>UUID (Calcite 1.42 has it)</td><td>UUID</td></tr>
 *   <tr><td>NULL, UNKNOWN</td><td>UNKNOWN (ours goes to Calcite as NULL)</td></tr>
 *   <tr><td>ARRAY of BOOLEAN, SMALLINT, INTEGER, BIGINT, CHAR/VARCHAR</td><td>BOOL_ARRAY,
 *       INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY (arrays of other types: 0A000)</td></tr>
 * </table>
 *
 * <p>A ROW (struct) type is RECORD (computed only: {@link #toRelDataType} refuses it, its fields
 * being unknown). Any other Calcite type (MAP, ANY, unsigned types, TIME WITH TIME ZONE, ...) is
 * {@code 0A000 feature not supported}.
 */
public final class CalciteTypes {
  private CalciteTypes() {}

  /**
   * @param type a Calcite type
   * @return our type, with the same nullability
   * @throws SqlException 0A000 for a type PhantomDB does not have
   */
  public static DataType toDataType(RelDataType type) {
    boolean nullable = type.isNullable();
    SqlTypeName name = type.getSqlTypeName();
    DataType t = switch (name) {
      case BOOLEAN -> DataType.of(TypeKind.BOOLEAN);
      case TINYINT, SMALLINT -> DataType.of(TypeKind.SMALLINT);
      case INTEGER -> DataType.of(TypeKind.INTEGER);
      case BIGINT -> DataType.of(TypeKind.BIGINT);
      case DECIMAL -> isUnconstrainedNumeric(type)
          ? DataType.of(TypeKind.NUMERIC)
          : DataType.of(TypeKind.NUMERIC, type.getPrecision(), Math.max(0, type.getScale()));
      case REAL -> DataType.of(TypeKind.REAL);
      case FLOAT, DOUBLE -> DataType.of(TypeKind.DOUBLE);
      case CHAR -> DataType.of(TypeKind.CHAR, Math.max(1, type.getPrecision()), 0);
      case VARCHAR -> type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
          ? DataType.of(TypeKind.TEXT)
          : DataType.of(TypeKind.VARCHAR, type.getPrecision(), 0);
      case BINARY, VARBINARY -> DataType.of(TypeKind.BYTEA);
      case DATE -> DataType.of(TypeKind.DATE);
      case TIME -> DataType.of(TypeKind.TIME, timePrecision(type), 0);
      case TIMESTAMP -> DataType.of(TypeKind.TIMESTAMP, timePrecision(type), 0);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ ->
          DataType.of(TypeKind.TIMESTAMPTZ, timePrecision(type), 0);
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY, INTERVAL_DAY_HOUR,
          INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_HOUR_MINUTE,
          INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND ->
          DataType.of(TypeKind.INTERVAL);
      case UUID -> DataType.of(TypeKind.UUID);
      case NULL, UNKNOWN -> DataType.of(TypeKind.UNKNOWN);
      case ARRAY -> arrayType(type);
      case ROW -> DataType.of(TypeKind.RECORD);
      default -> throw new SqlException(
          SqlState.FEATURE_NOT_SUPPORTED, "type " + type.getFullTypeString() + " is not supported");
    };
    return t.withNullable(nullable);
  }

  /**
   * The type of a table column: as {@link #toDataType}, but arrays are refused (they are computed
   * only, never stored).
   *
   * @param type a Calcite type
   * @return our type
   * @throws SqlException 0A000 for an array or a type PhantomDB does not have
   */
  public static DataType toColumnType(RelDataType type) {
    DataType t = toDataType(type);
    if (t.kind().isArray()) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "columns of array type are not supported");
    }
    return t;
  }

  /**
   * @param typeFactory the factory to create the type with (use one on {@link PhantomTypeSystem})
   * @param type our type
   * @return the Calcite type, with the same nullability
   */
  public static RelDataType toRelDataType(RelDataTypeFactory typeFactory, DataType type) {
    RelDataType t = switch (type.kind()) {
      case BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
      case SMALLINT -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
      case NUMERIC -> type.precision() == 0
          ? PhantomTypeSystem.unconstrainedNumeric(typeFactory, type.scale())
          : typeFactory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case REAL -> typeFactory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
      case CHAR -> typeFactory.createSqlType(SqlTypeName.CHAR, Math.max(1, type.precision()));
      case VARCHAR -> type.precision() == 0
          ? typeFactory.createSqlType(SqlTypeName.VARCHAR)
          : typeFactory.createSqlType(SqlTypeName.VARCHAR, type.precision());
      case TEXT -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
      case BYTEA -> typeFactory.createSqlType(SqlTypeName.VARBINARY);
      case DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
      case TIME -> typeFactory.createSqlType(SqlTypeName.TIME, type.precision());
      case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, type.precision());
      case TIMESTAMPTZ ->
          typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, type.precision());
      case INTERVAL -> typeFactory.createSqlIntervalType(
          new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
      case UUID -> typeFactory.createSqlType(SqlTypeName.UUID);
      case UNKNOWN -> typeFactory.createSqlType(SqlTypeName.NULL);
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY -> typeFactory.createArrayType(
          toRelDataType(typeFactory, DataType.of(type.kind().elementKind())), -1);
      case RECORD -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "type record is not supported here");
    };
    return typeFactory.createTypeWithNullability(t, type.nullable());
  }

  /**
   * @param type a Calcite type
   * @return whether it is DECIMAL standing for PostgreSQL's unconstrained {@code numeric}
   */
  public static boolean isUnconstrainedNumeric(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.DECIMAL
        && type.getPrecision() >= PhantomTypeSystem.MAX_NUMERIC_PRECISION;
  }

  private static DataType arrayType(RelDataType type) {
    DataType element = toDataType(type.getComponentType());
    TypeKind kind = TypeKind.arrayOf(element.kind());
    if (kind == null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "arrays of type " + element.sqlName() + " are not supported");
    }
    return DataType.of(kind);
  }

  private static int timePrecision(RelDataType type) {
    int p = type.getPrecision();
    if (p == RelDataType.PRECISION_NOT_SPECIFIED) {
      return DataType.DEFAULT_TIME_PRECISION;
    }
    return Math.min(p, DataType.DEFAULT_TIME_PRECISION);
  }
}
