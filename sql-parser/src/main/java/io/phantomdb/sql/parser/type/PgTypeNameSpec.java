package io.phantomdb.sql.parser.type;

import java.util.Objects;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A type name from {@link PgTypeName}: {@code text}, the serial types, or {@code interval} as a
 * column type. It derives the Calcite type given by {@link PgTypeName#calciteType()} so the
 * validator can work with it, and prints itself back under its PostgreSQL name.
 */
public final class PgTypeNameSpec extends SqlTypeNameSpec {
  private final PgTypeName type;
  private final @Nullable SqlIntervalQualifier intervalFields;

  /**
   * @param type the PostgreSQL type
   * @param intervalFields for {@link PgTypeName#INTERVAL} only: the fields
   *     ({@code interval day to second}), or null for a plain {@code interval}
   * @param pos where it was written
   */
  public PgTypeNameSpec(PgTypeName type, @Nullable SqlIntervalQualifier intervalFields,
      SqlParserPos pos) {
    super(new SqlIdentifier(type.sqlName(), pos), pos);
    this.type = Objects.requireNonNull(type, "type");
    if (intervalFields != null && type != PgTypeName.INTERVAL) {
      throw new IllegalArgumentException("interval fields on " + type);
    }
    this.intervalFields = intervalFields;
  }

  /** @param type the PostgreSQL type; @param pos where it was written */
  public PgTypeNameSpec(PgTypeName type, SqlParserPos pos) {
    this(type, null, pos);
  }

  /** @return the PostgreSQL type */
  public PgTypeName pgType() {
    return type;
  }

  /** @return the fields of an {@code interval}, or null */
  public @Nullable SqlIntervalQualifier intervalFields() {
    return intervalFields;
  }

  @Override public RelDataType deriveType(SqlValidator validator) {
    if (type == PgTypeName.INTERVAL) {
      final SqlIntervalQualifier fields = intervalFields != null
          ? intervalFields
          : new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, getParserPos());
      return validator.getTypeFactory().createSqlIntervalType(fields);
    }
    return new SqlBasicTypeNameSpec(type.calciteType(), getParserPos()).deriveType(validator);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(type.sqlName());
    if (intervalFields != null) {
      intervalFields.unparse(writer, 0, 0);
    }
  }

  @Override public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof PgTypeNameSpec)) {
      return litmus.fail("{} != {}", this, spec);
    }
    final PgTypeNameSpec that = (PgTypeNameSpec) spec;
    if (type != that.type) {
      return litmus.fail("{} != {}", this, spec);
    }
    if (intervalFields == null ? that.intervalFields != null
        : !intervalFields.equalsDeep(that.intervalFields, Litmus.IGNORE)) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }
}
