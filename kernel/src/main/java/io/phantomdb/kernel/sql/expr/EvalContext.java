package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What expressions of one statement execution share: the bound parameter values, the statement's
 * start time (what {@code now()} and {@code current_timestamp} return, the same for every row of
 * the statement, as PostgreSQL does within a transaction), the session ({@link
 * SessionContext}: database, search path, settings, time zone) and the session's sequence
 * functions. Create one per execution; it is immutable but for the correlation rows and the
 * parameter row a multi-row INSERT binds ({@link #bindParameters}).
 */
public final class EvalContext {
  private static final Object[] NO_PARAMETERS = new Object[0];

  private final Object[] parameters;
  private final Instant statementStart;
  private final ZoneId timeZone;
  private final SessionContext session;
  private final SequenceOps sequences;
  private final java.util.Map<Integer, Object[]> correlations;

  /**
   * @param parameters the values of {@code $1, $2, ...} (index 0 is {@code $1}), each null or of
   *     the Java class of the parameter's type (a value of another class is cast to it, so text
   *     from the wire may be passed as String)
   * @param statementStart when the statement started; kept to microseconds
   * @param timeZone the session time zone
   */
  public EvalContext(Object[] parameters, Instant statementStart, ZoneId timeZone) {
    this(parameters, statementStart, SessionContext.of(timeZone));
  }

  /**
   * @param parameters the values of {@code $1, $2, ...}, see {@link #EvalContext(Object[],
   *     Instant, ZoneId)}
   * @param statementStart when the statement started; kept to microseconds
   * @param session the session running the statement (its time zone is the context's)
   */
  public EvalContext(Object[] parameters, Instant statementStart, SessionContext session) {
    this.parameters = parameters == null ? NO_PARAMETERS : parameters.clone();
    this.statementStart = statementStart.truncatedTo(ChronoUnit.MICROS);
    this.session = Objects.requireNonNull(session, "session");
    this.timeZone = Objects.requireNonNull(session.timeZone(), "timeZone");
    this.sequences = null;
    this.correlations = new java.util.HashMap<>();
  }

  private EvalContext(EvalContext base, SequenceOps sequences) {
    this.parameters = base.parameters;
    this.statementStart = base.statementStart;
    this.timeZone = base.timeZone;
    this.session = base.session;
    this.sequences = sequences;
    this.correlations = base.correlations;
  }

  /**
   * Sets the row a correlated sub-query reads its outer columns from (a correlate join sets it
   * for each outer row).
   *
   * @param id the correlation variable's id ({@code $cor<id>})
   * @param row the current outer row
   */
  public void setCorrelation(int id, Object[] row) {
    correlations.put(id, row);
  }

  /**
   * @param id a correlation variable's id
   * @return the outer row it stands for now
   */
  public Object[] correlation(int id) {
    Object[] row = correlations.get(id);
    if (row == null) {
      throw new IllegalStateException("correlation $cor" + id + " is not set");
    }
    return row;
  }

  /**
   * @param ops the sequence functions of the session running the statement
   * @return a copy of this context whose {@code nextval}, {@code currval}, {@code setval} and
   *     {@code lastval} use {@code ops}
   */
  public EvalContext withSequences(SequenceOps ops) {
    return new EvalContext(this, Objects.requireNonNull(ops, "ops"));
  }

  /**
   * @return the sequence functions
   * @throws SqlException 0A000 if this context has none (constant folding, DDL evaluation)
   */
  public SequenceOps sequences() {
    if (sequences == null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "sequence functions cannot be evaluated here");
    }
    return sequences;
  }

  /**
   * A context starting now, in UTC.
   *
   * @param parameters the parameter values, see {@link #EvalContext(Object[], Instant, ZoneId)}
   * @return the context
   */
  public static EvalContext of(Object... parameters) {
    return new EvalContext(parameters, Instant.now(), ZoneOffset.UTC);
  }

  /**
   * @param index 0-based parameter index ({@code $1} is 0)
   * @return the parameter's value
   * @throws SqlException 42P02 if the statement got fewer parameters
   */
  public Object parameter(int index) {
    if (index < 0 || index >= parameters.length) {
      throw new SqlException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + (index + 1));
    }
    return parameters[index];
  }

  /**
   * Binds the next row of a many-row INSERT ... VALUES planned as one parameterized row: the
   * expressions of this execution (and of the contexts made from it) read these values from now.
   *
   * @param values the values of {@code $1, $2, ...}, as many as this context has, converted to
   *     the parameters' types
   */
  public void bindParameters(Object[] values) {
    if (values.length != parameters.length) {
      throw new IllegalArgumentException("expected " + parameters.length + " parameter values, got " + values.length);
    }
    System.arraycopy(values, 0, parameters, 0, values.length);
  }

  /** @return how many parameter values there are */
  public int parameterCount() {
    return parameters.length;
  }

  /** @return the statement's start, in microseconds */
  public Instant statementStart() {
    return statementStart;
  }

  /** @return the session time zone */
  public ZoneId timeZone() {
    return timeZone;
  }

  /** @return the session running the statement */
  public SessionContext session() {
    return session;
  }
}
