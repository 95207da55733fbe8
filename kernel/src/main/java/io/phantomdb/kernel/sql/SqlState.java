package io.phantomdb.kernel.sql;

/**
 * The SQLSTATE codes PhantomDB reports, as PostgreSQL uses them (Appendix A of its manual). A
 * client decides what to do by the code: retry on {@link #SERIALIZATION_FAILURE}, fix the
 * statement on syntax errors, fix the data on integrity violations.
 */
public final class SqlState {
  private SqlState() {}

  public static final String SUCCESSFUL_COMPLETION = "00000";
  public static final String WARNING = "01000";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  public static final String CARDINALITY_VIOLATION = "21000";
  public static final String DATA_EXCEPTION = "22000";
  public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
  public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
  public static final String NULL_VALUE_NOT_ALLOWED = "22004";
  public static final String INVALID_DATETIME_FORMAT = "22007";
  public static final String DATETIME_FIELD_OVERFLOW = "22008";
  public static final String DIVISION_BY_ZERO = "22012";
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  public static final String INVALID_PARAMETER_VALUE = "22023";
  public static final String SEQUENCE_GENERATOR_LIMIT_EXCEEDED = "2200H";
  public static final String INVALID_ESCAPE_SEQUENCE = "22025";
  public static final String INVALID_ROW_COUNT_IN_LIMIT_CLAUSE = "2201W";
  /** An invalid regular expression. */
  public static final String INVALID_REGULAR_EXPRESSION = "2201B";
  public static final String INTEGRITY_CONSTRAINT_VIOLATION = "23000";
  public static final String NOT_NULL_VIOLATION = "23502";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  public static final String UNIQUE_VIOLATION = "23505";
  public static final String CHECK_VIOLATION = "23514";
  public static final String INVALID_TRANSACTION_STATE = "25000";
  public static final String READ_ONLY_SQL_TRANSACTION = "25006";
  public static final String IN_FAILED_SQL_TRANSACTION = "25P02";
  /** A statement that cannot run inside a transaction block. */
  public static final String ACTIVE_SQL_TRANSACTION = "25001";
  /** COMMIT, ROLLBACK, SAVEPOINT ... outside a transaction block (a warning in PostgreSQL). */
  public static final String NO_ACTIVE_SQL_TRANSACTION = "25P01";
  /** ROLLBACK TO or RELEASE of a savepoint that does not exist. */
  public static final String INVALID_SAVEPOINT_SPECIFICATION = "3B001";
  public static final String INVALID_CATALOG_NAME = "3D000";
  public static final String INVALID_SCHEMA_NAME = "3F000";
  public static final String SERIALIZATION_FAILURE = "40001";
  public static final String DEADLOCK_DETECTED = "40P01";
  public static final String SYNTAX_ERROR = "42601";
  public static final String INVALID_NAME = "42602";
  public static final String GENERATED_ALWAYS = "428C9";
  public static final String INSUFFICIENT_PRIVILEGE = "42501";
  public static final String UNDEFINED_COLUMN = "42703";
  public static final String UNDEFINED_FUNCTION = "42883";
  public static final String UNDEFINED_TABLE = "42P01";
  public static final String UNDEFINED_PARAMETER = "42P02";
  /** A protocol message that does not fit (wrong number of parameter values, ...). */
  public static final String PROTOCOL_VIOLATION = "08P01";
  /** The type of a parameter cannot be determined. */
  public static final String INDETERMINATE_DATATYPE = "42P18";
  public static final String UNDEFINED_OBJECT = "42704";
  public static final String DUPLICATE_COLUMN = "42701";
  public static final String DUPLICATE_DATABASE = "42P04";
  public static final String DUPLICATE_SCHEMA = "42P06";
  public static final String DUPLICATE_TABLE = "42P07";
  public static final String DUPLICATE_OBJECT = "42710";
  /** A reserved name (role names {@code public}, {@code none}, {@code pg_*}). */
  public static final String RESERVED_NAME = "42939";
  /** Authentication or authorization failed (unknown role, login not permitted). */
  public static final String INVALID_AUTHORIZATION_SPECIFICATION = "28000";
  public static final String AMBIGUOUS_COLUMN = "42702";
  public static final String INVALID_COLUMN_REFERENCE = "42P10";
  public static final String GROUPING_ERROR = "42803";
  public static final String DATATYPE_MISMATCH = "42804";
  public static final String WRONG_OBJECT_TYPE = "42809";
  public static final String INVALID_COLUMN_DEFINITION = "42611";
  public static final String INVALID_TABLE_DEFINITION = "42P16";
  public static final String UNDEFINED_DATABASE = "3D000";
  public static final String DEPENDENT_OBJECTS_STILL_EXIST = "2BP01";
  public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
  public static final String QUERY_CANCELED = "57014";
  public static final String OBJECT_NOT_IN_PREREQUISITE_STATE = "55000";
  /** A lock could not be taken: NOWAIT found it held, or lock_timeout expired. */
  public static final String LOCK_NOT_AVAILABLE = "55P03";
  public static final String OBJECT_IN_USE = "55006";
  public static final String CANT_CHANGE_RUNTIME_PARAM = "55P02";
  public static final String INTERNAL_ERROR = "XX000";
  public static final String DATA_CORRUPTED = "XX001";
  public static final String INDEX_CORRUPTED = "XX002";
}
