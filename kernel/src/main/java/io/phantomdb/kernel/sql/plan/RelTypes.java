package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.type.DataType;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Our column types as Calcite relational types, for the planner's view of the catalog. */
final class RelTypes {
  private RelTypes() {}

  static RelDataType toRel(DataType t, RelDataTypeFactory f) {
    RelDataType r = switch (t.kind()) {
      case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
      case SMALLINT -> f.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case NUMERIC -> t.precision() == 0
          ? f.createSqlType(SqlTypeName.DECIMAL)
          : f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
      case REAL -> f.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case CHAR -> f.createSqlType(SqlTypeName.CHAR, t.precision());
      case VARCHAR -> t.precision() == 0
          ? f.createSqlType(SqlTypeName.VARCHAR)
          : f.createSqlType(SqlTypeName.VARCHAR, t.precision());
      case TEXT -> f.createSqlType(SqlTypeName.VARCHAR);
      case BYTEA -> f.createSqlType(SqlTypeName.VARBINARY);
      case DATE -> f.createSqlType(SqlTypeName.DATE);
      case TIME -> f.createSqlType(SqlTypeName.TIME, t.precision());
      case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, t.precision());
      case TIMESTAMPTZ -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, t.precision());
      case INTERVAL -> f.createSqlIntervalType(
          new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
      case UUID -> f.createSqlType(SqlTypeName.UUID);
      case UNKNOWN -> f.createSqlType(SqlTypeName.NULL);
    };
    return f.createTypeWithNullability(r, t.nullable());
  }
}
