package io.phantomdb.kernel.sql.type;

/**
 * A SQL interval as PostgreSQL keeps it: months, days and microseconds, each signed and kept
 * apart (a month is not a fixed number of days, a day not a fixed number of microseconds across
 * daylight-saving changes). Comparison and ordering follow PostgreSQL: a month counts as 30 days
 * and a day as 24 hours, so {@code '1 month'} equals {@code '30 days'} when compared.
 *
 * @param months whole months (years are 12 months)
 * @param days whole days
 * @param micros the time part, in microseconds
 */
public record PgInterval(int months, int days, long micros) implements Comparable<PgInterval> {
  /** Microseconds in a day. */
  public static final long MICROS_PER_DAY = 86_400_000_000L;

  /** The zero interval. */
  public static final PgInterval ZERO = new PgInterval(0, 0, 0);

  /**
   * The interval as one number of microseconds, months as 30 days and days as 24 hours: the
   * quantity PostgreSQL compares and sorts by.
   *
   * @return the span in microseconds, for comparison only
   */
  public java.math.BigInteger comparableMicros() {
    return java.math.BigInteger.valueOf(months)
        .multiply(java.math.BigInteger.valueOf(30 * MICROS_PER_DAY))
        .add(java.math.BigInteger.valueOf(days).multiply(java.math.BigInteger.valueOf(MICROS_PER_DAY)))
        .add(java.math.BigInteger.valueOf(micros));
  }

  @Override
  public int compareTo(PgInterval o) {
    return comparableMicros().compareTo(o.comparableMicros());
  }
}
