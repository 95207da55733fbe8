package io.phantomdb.kernel.sql.slt;

import java.util.List;
import java.util.Locale;

/**
 * One record of a sqllogictest file: a statement, a query, a {@code hash-threshold} or a {@code
 * halt}, with the {@code skipif}/{@code onlyif} conditions written before it.
 */
sealed interface SltRecord {

  /** @return the line of the record's first line (after its conditions) */
  int line();

  /** @return its {@code skipif} and {@code onlyif} lines, in order */
  List<Condition> conditions();

  /**
   * Whether a runner for the named engine skips this record: it does if a {@code skipif} names
   * the engine or an {@code onlyif} names another (names compared ignoring case, as
   * sqllogictest does).
   *
   * @param engine the engine's name, such as {@code postgresql}
   * @return true to skip
   */
  default boolean skippedFor(String engine) {
    for (Condition c : conditions()) {
      boolean match = c.engine().equalsIgnoreCase(engine);
      if (c.skipIf() == match) {
        return true;
      }
    }
    return false;
  }

  /**
   * A {@code skipif <engine>} or {@code onlyif <engine>} line.
   *
   * @param skipIf true for skipif, false for onlyif
   * @param engine the engine named
   */
  record Condition(boolean skipIf, String engine) {
    @Override
    public String toString() {
      return (skipIf ? "skipif " : "onlyif ") + engine;
    }
  }

  /**
   * {@code statement ok} or {@code statement error}.
   *
   * @param line the line of {@code statement}
   * @param conditions its conditions
   * @param expectError true for {@code statement error}
   * @param sql the statement (its lines joined with line feeds)
   * @param expectedState for {@code statement error <SQLSTATE>} (PhantomDB's own files), the
   *     SQLSTATE the error must have; null to accept any error that is not internal
   */
  record Statement(int line, List<Condition> conditions, boolean expectError, String sql,
      String expectedState) implements SltRecord {
    Statement(int line, List<Condition> conditions, boolean expectError, String sql) {
      this(line, conditions, expectError, sql, null);
    }
  }

  /**
   * {@code query <types> [<sort> [<label>]]}, the SQL, and after {@code ----} the expected
   * values, one per line, or one line {@code N values hashing to <md5>}.
   *
   * @param line the line of {@code query}
   * @param conditions its conditions
   * @param types one of {@code I}, {@code R}, {@code T} per result column
   * @param sort how the values are ordered before comparing
   * @param label the label, or null: queries with the same label must have the same result
   * @param sql the query
   * @param expected the lines after {@code ----}
   */
  record Query(int line, List<Condition> conditions, String types, SortMode sort, String label,
      String sql, List<String> expected) implements SltRecord {}

  /**
   * {@code hash-threshold N}: results of more than N values are compared by their hash (0: never).
   *
   * @param line its line
   * @param conditions its conditions
   * @param threshold N
   */
  record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {}

  /**
   * {@code connection <name>} before a record (sqllogictest-rs's extension, used by PhantomDB's own
   * files): the next statement or query runs in the named session of the file's database, opened
   * on first use; records without one run in the default session.
   *
   * @param line its line
   * @param conditions the conditions of the record it precedes
   * @param name the session's name
   */
  record Connection(int line, List<Condition> conditions, String name) implements SltRecord {}

  /**
   * {@code halt}: the rest of the file is not run.
   *
   * @param line its line
   * @param conditions its conditions
   */
  record Halt(int line, List<Condition> conditions) implements SltRecord {}

  /** How a query's values are ordered before they are compared or hashed. */
  enum SortMode {
    /** As the engine returned them. */
    NOSORT,
    /** Rows sorted, comparing their values' text left to right. */
    ROWSORT,
    /** Every value sorted on its own, regardless of rows. */
    VALUESORT;

    /**
     * The mode a {@code query} line names.
     *
     * @param token {@code nosort}, {@code rowsort} or {@code valuesort}
     * @return the mode
     * @throws IllegalArgumentException for anything else
     */
    static SortMode of(String token) {
      for (SortMode m : values()) {
        if (m.name().toLowerCase(Locale.ROOT).equals(token)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown sort method '" + token + "'");
    }
  }
}
