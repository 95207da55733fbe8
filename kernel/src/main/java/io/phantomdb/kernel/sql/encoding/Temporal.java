package io.phantomdb.kernel.sql.encoding;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Times as whole microseconds, the precision {@link io.phantomdb.kernel.sql.type.TypeKind} gives
 * them. A value with a sub-microsecond part breaks that contract and is refused rather than
 * silently truncated (it would compare differently before and after a round trip). {@link
 * LocalDateTime#MIN}/{@link LocalDateTime#MAX} and {@link Instant#MIN}/{@link Instant#MAX}, which
 * may stand for -infinity/infinity, map to {@link Long#MIN_VALUE}/{@link Long#MAX_VALUE}; other
 * values must lie strictly between (about 292,000 years around 1970, beyond PostgreSQL's range).
 */
final class Temporal {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Temporal() {}

  static long timeMicros(LocalTime t) {
    long nanos = t.toNanoOfDay();
    if (nanos % 1000 != 0) {
      throw subMicro(t);
    }
    return nanos / 1000;
  }

  static LocalTime time(long micros) {
    return LocalTime.ofNanoOfDay(micros * 1000);
  }

  static long timestampMicros(LocalDateTime t) {
    if (t.equals(LocalDateTime.MIN)) {
      return Long.MIN_VALUE;
    }
    if (t.equals(LocalDateTime.MAX)) {
      return Long.MAX_VALUE;
    }
    return micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), t);
  }

  static LocalDateTime timestamp(long micros) {
    if (micros == Long.MIN_VALUE) {
      return LocalDateTime.MIN;
    }
    if (micros == Long.MAX_VALUE) {
      return LocalDateTime.MAX;
    }
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND),
        (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000,
        ZoneOffset.UTC);
  }

  static long instantMicros(Instant t) {
    if (t.equals(Instant.MIN)) {
      return Long.MIN_VALUE;
    }
    if (t.equals(Instant.MAX)) {
      return Long.MAX_VALUE;
    }
    return micros(t.getEpochSecond(), t.getNano(), t);
  }

  static Instant instant(long micros) {
    if (micros == Long.MIN_VALUE) {
      return Instant.MIN;
    }
    if (micros == Long.MAX_VALUE) {
      return Instant.MAX;
    }
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  private static long micros(long seconds, int nanos, Object value) {
    if (nanos % 1000 != 0) {
      throw subMicro(value);
    }
    long m;
    try {
      // (seconds + 1) first: near Long.MIN_VALUE seconds × 10^6 alone would overflow
      m = seconds < 0 && nanos > 0
          ? Math.addExact(Math.multiplyExact(seconds + 1, MICROS_PER_SECOND), nanos / 1000 - MICROS_PER_SECOND)
          : Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), nanos / 1000);
    } catch (ArithmeticException e) {
      m = Long.MIN_VALUE;
    }
    if (m == Long.MIN_VALUE || m == Long.MAX_VALUE) {
      throw new IllegalArgumentException("timestamp out of range: " + value);
    }
    return m;
  }

  private static IllegalArgumentException subMicro(Object value) {
    return new IllegalArgumentException(
        "time value with sub-microsecond precision (values carry whole microseconds): " + value);
  }
}
