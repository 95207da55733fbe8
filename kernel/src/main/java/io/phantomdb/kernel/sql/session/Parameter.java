package io.phantomdb.kernel.sql.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * One known configuration parameter: its name as PostgreSQL spells it ({@code TimeZone}), what
 * {@code SHOW ALL} says of it, its default, its flags, and how a value is checked and put in the
 * canonical form {@code SHOW} returns. Immutable.
 */
public final class Parameter {
  /** What a parameter is and does. */
  public enum Flag {
    /** Cannot be changed by SET or RESET (PostgreSQL's {@code PGC_INTERNAL}): 55P02. */
    READ_ONLY,
    /** The client is told its value at start and whenever it changes ({@code GUC_REPORT}). */
    REPORTED,
    /** Takes a list: SET may give several values, joined with {@code ", "} ({@code GUC_LIST_INPUT}). */
    LIST,
    /** List items are identifiers, quoted when SET gives them ({@code GUC_LIST_QUOTE}). */
    LIST_QUOTE
  }

  /** Checks a value and returns its canonical text. */
  @FunctionalInterface
  public interface Checker {
    /**
     * @param parameter the parameter being set
     * @param value the value as written (a SET's values already joined)
     * @param current the parameter's current value (some parameters keep parts of it)
     * @return the canonical value
     * @throws io.phantomdb.kernel.sql.SqlException 22023 (or 0A000 for values PostgreSQL accepts
     *     and PhantomDB does not support) if the value is refused
     */
    String check(Parameter parameter, String value, String current);
  }

  private final String name;
  private final String description;
  private final String defaultValue;
  private final Set<Flag> flags;
  private final Checker checker;

  /**
   * @param name the name as PostgreSQL spells it
   * @param description PostgreSQL's one-line description
   * @param defaultValue the canonical default (what a new session and RESET give)
   * @param checker checks a new value
   * @param flags the parameter's flags
   */
  public Parameter(String name, String description, String defaultValue, Checker checker, Flag... flags) {
    this.name = name;
    this.description = description;
    this.defaultValue = defaultValue;
    this.checker = checker;
    this.flags = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.of(flags[0], flags);
  }

  /** @return the name as PostgreSQL spells it */
  public String name() {
    return name;
  }

  /** @return the description {@code SHOW ALL} gives */
  public String description() {
    return description;
  }

  /** @return the default value */
  public String defaultValue() {
    return defaultValue;
  }

  /**
   * @param flag a flag
   * @return whether the parameter has it
   */
  public boolean has(Flag flag) {
    return flags.contains(flag);
  }

  /**
   * Checks a value.
   *
   * @param value the value as written
   * @param current the current value
   * @return the canonical value
   */
  public String check(String value, String current) {
    return checker.check(this, value, current);
  }
}
