package io.phantomdb.sql.parser.type;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL type names that have no Calcite equivalent of their own and are kept distinct in
 * the parse tree by {@link PgTypeNameSpec}. PostgreSQL aliases that do have one ({@code int4},
 * {@code float8}, {@code bool}, {@code bytea}, {@code timestamptz}, ...) are parsed straight
 * into Calcite's {@link org.apache.calcite.sql.SqlBasicTypeNameSpec}.
 */
public enum PgTypeName {
  /** {@code text}: unbounded character string (PostgreSQL OID 25); validates as VARCHAR. */
  TEXT("TEXT", SqlTypeName.VARCHAR),
  /** {@code serial} / {@code serial4}: an INTEGER column with a sequence default (CREATE TABLE only). */
  SERIAL("SERIAL", SqlTypeName.INTEGER),
  /** {@code bigserial} / {@code serial8}: a BIGINT column with a sequence default (CREATE TABLE only). */
  BIGSERIAL("BIGSERIAL", SqlTypeName.BIGINT),
  /** {@code smallserial} / {@code serial2}: a SMALLINT column with a sequence default (CREATE TABLE only). */
  SMALLSERIAL("SMALLSERIAL", SqlTypeName.SMALLINT),
  /**
   * {@code interval} as a column type, with or without fields. The validator sees Calcite's
   * day-time interval (or the interval of the given fields); PostgreSQL's months + days +
   * microseconds value is the kernel's business.
   */
  INTERVAL("INTERVAL", SqlTypeName.INTERVAL_DAY_SECOND);

  private final String sqlName;
  private final SqlTypeName calciteType;

  PgTypeName(String sqlName, SqlTypeName calciteType) {
    this.sqlName = sqlName;
    this.calciteType = calciteType;
  }

  /** @return the name as written in SQL (upper case) */
  public String sqlName() {
    return sqlName;
  }

  /** @return the Calcite type the validator derives for it */
  public SqlTypeName calciteType() {
    return calciteType;
  }

  /** @return true for {@code serial}, {@code bigserial} and {@code smallserial} */
  public boolean isSerial() {
    return this == SERIAL || this == BIGSERIAL || this == SMALLSERIAL;
  }
}
