package io.phantomdb.kernel.sql.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of non-null SQL values of each kind, mixing the full range with small domains (so
 * pairs often share prefixes or compare equal) and edge values.
 */
public final class ValueArbitraries {
  private static final long DAY = PgInterval.MICROS_PER_DAY;

  private ValueArbitraries() {}

  /** @return every kind but UNKNOWN and the array kinds (computed only, never stored) */
  public static List<TypeKind> kinds() {
    return Arrays.stream(TypeKind.values()).filter(k -> k != TypeKind.UNKNOWN && !k.isArray() && k != TypeKind.RECORD).toList();
  }

  /**
   * @param kind a kind other than UNKNOWN
   * @return non-null values of its Java class
   */
  public static Arbitrary<Object> values(TypeKind kind) {
    return switch (kind) {
      case BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY, RECORD ->
          throw new IllegalArgumentException("arrays and records are not stored");
      case BOOLEAN -> Arbitraries.of(true, false).asGeneric();
      case SMALLINT -> Arbitraries.oneOf(Arbitraries.shorts(), longs().map(Long::shortValue)).asGeneric();
      case INTEGER -> Arbitraries.oneOf(Arbitraries.integers(), longs().map(Long::intValue)).asGeneric();
      case BIGINT -> longs().asGeneric();
      case NUMERIC -> numerics().asGeneric();
      case REAL -> floats().asGeneric();
      case DOUBLE -> doubles().asGeneric();
      case CHAR -> Arbitraries.strings().withChars("ab \0").ofMaxLength(5).asGeneric();
      case VARCHAR, TEXT -> strings().asGeneric();
      case BYTEA -> bytes().asGeneric();
      case DATE -> dates().asGeneric();
      case TIME -> Arbitraries.oneOf(
              Arbitraries.longs().between(0, DAY - 1),
              Arbitraries.of(0L, 1L, DAY - 1, 43_200_000_000L))
          .map(m -> LocalTime.ofNanoOfDay(m * 1000))
          .asGeneric();
      case TIMESTAMP -> timestampMicros()
          .map(m -> m == Long.MIN_VALUE ? LocalDateTime.MIN : m == Long.MAX_VALUE ? LocalDateTime.MAX
              : LocalDateTime.ofEpochSecond(Math.floorDiv(m, 1_000_000), (int) Math.floorMod(m, 1_000_000) * 1000,
                  ZoneOffset.UTC))
          .asGeneric();
      case TIMESTAMPTZ -> timestampMicros()
          .map(m -> m == Long.MIN_VALUE ? Instant.MIN : m == Long.MAX_VALUE ? Instant.MAX
              : Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000), Math.floorMod(m, 1_000_000) * 1000))
          .asGeneric();
      case INTERVAL -> intervals().asGeneric();
      case UUID -> Arbitraries.oneOf(
              Arbitraries.longs(), Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L))
          .list().ofSize(2)
          .map(l -> new UUID(l.get(0), l.get(1)))
          .asGeneric();
      case UNKNOWN -> throw new IllegalArgumentException("unknown has no values");
    };
  }

  /** Longs: full range, small, and powers of two and their neighbours (varint boundaries). */
  static Arbitrary<Long> longs() {
    Arbitrary<Long> powers = Arbitraries.integers().between(0, 63)
        .flatMap(s -> Arbitraries.of(-1L, 0L, 1L).map(d -> (1L << s) + d))
        .flatMap(v -> Arbitraries.of(v, -v, ~v));
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(-300, 300),
        powers,
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -119L, -120L, 118L, 119L, 0L));
  }

  static Arbitrary<BigDecimal> numerics() {
    Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(80).negate(), BigInteger.TEN.pow(80)),
        Arbitraries.integers().between(0, 40).flatMap(k -> Arbitraries.of(
            BigInteger.TEN.pow(k), BigInteger.TEN.pow(k).negate(),
            BigInteger.TEN.pow(k).subtract(BigInteger.ONE), BigInteger.ONE.subtract(BigInteger.TEN.pow(k)))));
    Arbitrary<Integer> scale = Arbitraries.oneOf(
        Arbitraries.integers().between(-20, 20),
        Arbitraries.integers().between(-3, 3),
        Arbitraries.of(1_000_000_000, -1_000_000_000, 999_999_999, -999_999_999, Integer.MAX_VALUE - 100));
    Arbitrary<BigDecimal> fixed = Arbitraries.of("0", "0.00", "1", "1.0", "1.00", "-1", "-1.000", "0.01",
            "0.1", "10", "99", "100", "101", "9.99", "-0.001", "1E+3", "1000", "123456789.123456789")
        .map(BigDecimal::new);
    return Arbitraries.oneOf(Combinators.combine(unscaled, scale).as(BigDecimal::new), fixed);
  }

  static Arbitrary<Float> floats() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(Float::intBitsToFloat),
        Arbitraries.floats().between(-100f, 100f),
        Arbitraries.of(Float.NaN, Float.intBitsToFloat(0xFFC00001), -0f, 0f, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f));
  }

  static Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble),
        Arbitraries.doubles().between(-100, 100),
        Arbitraries.of(Double.NaN, Double.longBitsToDouble(0xFFF8000000000123L), -0d, 0d, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1d));
  }

  /** Strings: any UTF-16 (unpaired surrogates too), any code points, and a small alphabet. */
  static Arbitrary<String> strings() {
    Arbitrary<String> codePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .list().ofMaxSize(6)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    Arbitrary<String> small = Arbitraries.of("", "a", "b", "\0", "\u00ff", "\uffff", "\ud800", "\udc00",
            "\ue000", "\ud83d\ude00", "\udbff\udfff", "\u07ff", "\u0800", " ")
        .list().ofMaxSize(4)
        .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(8), codePoints, small);
  }

  static Arbitrary<byte[]> bytes() {
    Arbitrary<Byte> b = Arbitraries.oneOf(
        Arbitraries.bytes(), Arbitraries.of((byte) 0, (byte) 1, (byte) 0xFF, (byte) 0xFE, (byte) 0x80));
    return b.list().ofMaxSize(8).map(l -> {
      byte[] a = new byte[l.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = l.get(i);
      }
      return a;
    });
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay),
        Arbitraries.longs().between(-1000, 1000).map(LocalDate::ofEpochDay),
        Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.of(1, 1, 1),
            LocalDate.of(0, 12, 31), LocalDate.of(-4713, 11, 24), LocalDate.of(294276, 12, 31)));
  }

  private static Arbitrary<Long> timestampMicros() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE - 1),
        Arbitraries.longs().between(-10_000_000, 10_000_000),
        Arbitraries.longs().between(1_500_000_000_000_000L, 1_800_000_000_000_000L),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 0L, -1L));
  }

  /** Intervals: full range, extremes, and small fields that often compare equal. */
  static Arbitrary<PgInterval> intervals() {
    Arbitrary<PgInterval> small = Combinators.combine(
            Arbitraries.of(0, 1, -1, 12),
            Arbitraries.of(0, 1, -1, 30, -30),
            Arbitraries.of(0L, 1L, -1L, DAY, -DAY, 30 * DAY, 3_600_000_000L))
        .as(PgInterval::new);
    Arbitrary<PgInterval> any = Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.longs())
        .as(PgInterval::new);
    Arbitrary<PgInterval> extremes = Combinators.combine(
            Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0),
            Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0),
            Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L))
        .as(PgInterval::new);
    return Arbitraries.oneOf(small, any, extremes);
  }
}
