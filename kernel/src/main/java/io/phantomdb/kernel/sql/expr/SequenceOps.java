package io.phantomdb.kernel.sql.expr;

/**
 * The sequence functions as the session running a statement sees them: names resolve through
 * its search path, and currval / lastval are its own. Handed to expressions through {@link
 * EvalContext#withSequences}.
 */
public interface SequenceOps {
  /**
   * @param name the sequence name as PostgreSQL's regclass text ({@code 's'}, {@code
   *     'public.s'}, {@code '"Mixed"'})
   * @return its next value
   */
  long nextval(String name);

  /**
   * @param name the sequence name
   * @return the value nextval last returned for it in this session
   */
  long currval(String name);

  /**
   * @param name the sequence name
   * @param value the new value
   * @param called whether {@code value} counts as handed out
   * @return {@code value}
   */
  long setval(String name, long value, boolean called);

  /** @return the value of this session's last nextval, whatever the sequence */
  long lastval();
}
