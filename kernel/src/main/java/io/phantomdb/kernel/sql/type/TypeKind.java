package io.phantomdb.kernel.sql.type;

/**
 * The SQL types PhantomDB stores and computes with, and the Java class that carries a non-null
 * value of each at run time (a row is an {@code Object[]}; SQL NULL is Java {@code null}).
 *
 * <table>
 *   <caption>Run-time representation</caption>
 *   <tr><th>kind</th><th>Java class</th><th>PostgreSQL type (OID)</th></tr>
 *   <tr><td>BOOLEAN</td><td>{@link Boolean}</td><td>bool (16)</td></tr>
 *   <tr><td>SMALLINT</td><td>{@link Short}</td><td>int2 (21)</td></tr>
 *   <tr><td>INTEGER</td><td>{@link Integer}</td><td>int4 (23)</td></tr>
 *   <tr><td>BIGINT</td><td>{@link Long}</td><td>int8 (20)</td></tr>
 *   <tr><td>NUMERIC</td><td>{@link java.math.BigDecimal}</td><td>numeric (1700)</td></tr>
 *   <tr><td>REAL</td><td>{@link Float}</td><td>float4 (700)</td></tr>
 *   <tr><td>DOUBLE</td><td>{@link Double}</td><td>float8 (701)</td></tr>
 *   <tr><td>CHAR</td><td>{@link String} (blank-padded to its length)</td><td>bpchar (1042)</td></tr>
 *   <tr><td>VARCHAR</td><td>{@link String}</td><td>varchar (1043)</td></tr>
 *   <tr><td>TEXT</td><td>{@link String}</td><td>text (25)</td></tr>
 *   <tr><td>BYTEA</td><td>{@code byte[]}</td><td>bytea (17)</td></tr>
 *   <tr><td>DATE</td><td>{@link java.time.LocalDate}</td><td>date (1082)</td></tr>
 *   <tr><td>TIME</td><td>{@link java.time.LocalTime} (microseconds)</td><td>time (1083)</td></tr>
 *   <tr><td>TIMESTAMP</td><td>{@link java.time.LocalDateTime} (microseconds)</td><td>timestamp (1114)</td></tr>
 *   <tr><td>TIMESTAMPTZ</td><td>{@link java.time.Instant} (microseconds)</td><td>timestamptz (1184)</td></tr>
 *   <tr><td>INTERVAL</td><td>{@link PgInterval}</td><td>interval (1186)</td></tr>
 *   <tr><td>UUID</td><td>{@link java.util.UUID}</td><td>uuid (2950)</td></tr>
 *   <tr><td>UNKNOWN</td><td>always null (the type of a bare NULL literal)</td><td>unknown (705)</td></tr>
 *   <tr><td>BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY</td><td>{@link PgArray}
 *       (one dimension, lower bound 1; computed only, never stored in a table)</td><td>bool[] (1000),
 *       int2[] (1005), int4[] (1007), int8[] (1016), text[] (1009)</td></tr>
 *   <tr><td>RECORD</td><td>{@link PgRecord} (computed only)</td><td>record (2249)</td></tr>
 * </table>
 */
public enum TypeKind {
  BOOLEAN(Boolean.class, 16),
  SMALLINT(Short.class, 21),
  INTEGER(Integer.class, 23),
  BIGINT(Long.class, 20),
  NUMERIC(java.math.BigDecimal.class, 1700),
  REAL(Float.class, 700),
  DOUBLE(Double.class, 701),
  CHAR(String.class, 1042),
  VARCHAR(String.class, 1043),
  TEXT(String.class, 25),
  BYTEA(byte[].class, 17),
  DATE(java.time.LocalDate.class, 1082),
  TIME(java.time.LocalTime.class, 1083),
  TIMESTAMP(java.time.LocalDateTime.class, 1114),
  TIMESTAMPTZ(java.time.Instant.class, 1184),
  INTERVAL(PgInterval.class, 1186),
  UUID(java.util.UUID.class, 2950),
  UNKNOWN(Object.class, 705),
  BOOL_ARRAY(PgArray.class, 1000),
  INT2_ARRAY(PgArray.class, 1005),
  INT4_ARRAY(PgArray.class, 1007),
  INT8_ARRAY(PgArray.class, 1016),
  TEXT_ARRAY(PgArray.class, 1009),
  RECORD(PgRecord.class, 2249);

  private final Class<?> javaClass;
  private final int pgOid;

  TypeKind(Class<?> javaClass, int pgOid) {
    this.javaClass = javaClass;
    this.pgOid = pgOid;
  }

  /** @return the class of a non-null value of this kind at run time */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** @return the PostgreSQL type OID clients see for this kind */
  public int pgOid() {
    return pgOid;
  }

  /** @return true for SMALLINT, INTEGER and BIGINT */
  public boolean isInteger() {
    return this == SMALLINT || this == INTEGER || this == BIGINT;
  }

  /** @return true for the integer kinds, NUMERIC, REAL and DOUBLE */
  public boolean isNumeric() {
    return isInteger() || this == NUMERIC || this == REAL || this == DOUBLE;
  }

  /** @return true for CHAR, VARCHAR and TEXT */
  public boolean isText() {
    return this == CHAR || this == VARCHAR || this == TEXT;
  }

  /** @return true for the array kinds */
  public boolean isArray() {
    return javaClass == PgArray.class;
  }

  /** @return the kind of an array kind's elements; null for other kinds */
  public TypeKind elementKind() {
    return switch (this) {
      case BOOL_ARRAY -> BOOLEAN;
      case INT2_ARRAY -> SMALLINT;
      case INT4_ARRAY -> INTEGER;
      case INT8_ARRAY -> BIGINT;
      case TEXT_ARRAY -> TEXT;
      default -> null;
    };
  }

  /**
   * @param element an element kind
   * @return the array kind of that element kind; null if PhantomDB has no array of it
   */
  public static TypeKind arrayOf(TypeKind element) {
    return switch (element) {
      case BOOLEAN -> BOOL_ARRAY;
      case SMALLINT -> INT2_ARRAY;
      case INTEGER -> INT4_ARRAY;
      case BIGINT -> INT8_ARRAY;
      case CHAR, VARCHAR, TEXT, UNKNOWN -> TEXT_ARRAY;
      default -> null;
    };
  }
}
