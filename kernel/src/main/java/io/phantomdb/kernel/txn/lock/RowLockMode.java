package io.phantomdb.kernel.txn.lock;

/**
 * The four row-level lock modes of PostgreSQL, weakest first, with PostgreSQL's conflict table
 * (manual, "Explicit Locking", table "Conflicting Row-Level Locks"):
 *
 * <pre>
 *                     held: KEY SHARE  SHARE  NO KEY UPDATE  UPDATE
 * requested KEY SHARE                                          X
 * requested SHARE                                   X          X
 * requested NO KEY UPDATE             X             X          X
 * requested UPDATE           X        X             X          X
 * </pre>
 *
 * {@link #SHARE} is the classic shared lock and {@link #UPDATE} the exclusive one; writers take
 * {@link #NO_KEY_UPDATE} for an UPDATE that leaves the key alone and {@link #UPDATE} for a DELETE
 * or a key change, and foreign-key checks take {@link #KEY_SHARE}.
 *
 * <p>Each mode conflicts with every mode its weaker neighbour conflicts with, and more. So a
 * transaction that holds a mode needs nothing to take a weaker one ({@link #covers}), and holding
 * two modes on one row is the same as holding the stronger.
 */
public enum RowLockMode {
  /** {@code FOR KEY SHARE}: blocks only deletion and key changes. */
  KEY_SHARE("FOR KEY SHARE", 0b1000),
  /** {@code FOR SHARE}: the shared lock; blocks any change of the row. */
  SHARE("FOR SHARE", 0b1100),
  /** {@code FOR NO KEY UPDATE}: an update that keeps the key; still lets KEY SHARE in. */
  NO_KEY_UPDATE("FOR NO KEY UPDATE", 0b1110),
  /** {@code FOR UPDATE}: the exclusive lock; conflicts with every mode. */
  UPDATE("FOR UPDATE", 0b1111);

  private static final RowLockMode[] VALUES = values();

  private final String sqlName;
  /** Bit {@code 1 << m.ordinal()} is set for each mode m this one conflicts with. */
  private final int conflicts;

  RowLockMode(String sqlName, int conflicts) {
    this.sqlName = sqlName;
    this.conflicts = conflicts;
  }

  /** @return the locking clause that takes this mode, for example {@code FOR NO KEY UPDATE} */
  public String sqlName() {
    return sqlName;
  }

  /**
   * @param other a mode another transaction holds or waits for
   * @return whether the two cannot be held on one row by different transactions (symmetric)
   */
  public boolean conflictsWith(RowLockMode other) {
    return (conflicts & other.bit()) != 0;
  }

  /**
   * @param other a mode
   * @return whether holding this mode makes taking {@code other} a no-op (this is as strong or
   *     stronger)
   */
  public boolean covers(RowLockMode other) {
    return ordinal() >= other.ordinal();
  }

  /**
   * @param a a mode
   * @param b a mode
   * @return the stronger of the two
   */
  public static RowLockMode strongest(RowLockMode a, RowLockMode b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /** @return this mode's bit in a set of modes */
  int bit() {
    return 1 << ordinal();
  }

  /**
   * @param modes a set of modes as bits ({@link #bit()})
   * @return whether this mode conflicts with any mode in the set
   */
  boolean conflictsWithAny(int modes) {
    return (conflicts & modes) != 0;
  }

  /** @return the mode with the given ordinal */
  static RowLockMode ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
