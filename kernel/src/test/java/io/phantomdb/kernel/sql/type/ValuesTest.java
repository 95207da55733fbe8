package io.phantomdb.kernel.sql.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ValuesTest {
  record Pair(TypeKind kind, Object a, Object b) {}

  @Provide
  Arbitrary<Pair> pairs() {
    return Arbitraries.of(ValueArbitraries.kinds()).flatMap(k -> Combinators
        .combine(ValueArbitraries.values(k), ValueArbitraries.values(k))
        .as((a, b) -> new Pair(k, a, b)));
  }

  @Property(tries = 5000)
  void compareMatchesAnIndependentReference(@ForAll("pairs") Pair p) {
    assertThat(Integer.signum(Values.compare(p.kind(), p.a(), p.b())))
        .as("%s %s vs %s", p.kind(), p.a(), p.b())
        .isEqualTo(Integer.signum(reference(p.kind(), p.a(), p.b())));
  }

  @Property(tries = 5000)
  void compareIsAntisymmetricAndConsistentWithEqualsAndHash(@ForAll("pairs") Pair p) {
    int ab = Values.compare(p.kind(), p.a(), p.b());
    assertThat(Integer.signum(Values.compare(p.kind(), p.b(), p.a()))).isEqualTo(-Integer.signum(ab));
    assertThat(Values.compare(p.kind(), p.a(), p.a())).isZero();
    assertThat(Values.equals(p.kind(), p.a(), p.b())).isEqualTo(ab == 0);
    if (ab == 0) {
      assertThat(Values.hash(p.kind(), p.a())).isEqualTo(Values.hash(p.kind(), p.b()));
    }
  }

  @Property(tries = 2000)
  void numericsEqualAcrossScalesHashEqual(@ForAll("numerics") BigDecimal d, @ForAll("smallInts") int extra) {
    BigDecimal wider = d.setScale(d.scale() + extra);
    assertThat(Values.equals(TypeKind.NUMERIC, d, wider)).isTrue();
    assertThat(Values.hash(TypeKind.NUMERIC, d)).isEqualTo(Values.hash(TypeKind.NUMERIC, wider));
  }

  @Provide
  Arbitrary<BigDecimal> numerics() {
    return ValueArbitraries.numerics().filter(d -> Math.abs((long) d.scale()) < 1000);
  }

  @Provide
  Arbitrary<Integer> smallInts() {
    return Arbitraries.integers().between(0, 5);
  }

  @Property(tries = 2000)
  void intervalsEqualByMonthsAsThirtyDaysHashEqual(
      @ForAll("smallInts") int months, @ForAll int days, @ForAll long micros) {
    int d = days % 100_000;
    PgInterval a = new PgInterval(months, d, micros / 2);
    PgInterval b = new PgInterval(0, d + months * 30, micros / 2);
    PgInterval c = new PgInterval(months, 0, micros / 2 + d * PgInterval.MICROS_PER_DAY);
    assertThat(Values.equals(TypeKind.INTERVAL, a, b)).isTrue();
    assertThat(Values.hash(TypeKind.INTERVAL, a)).isEqualTo(Values.hash(TypeKind.INTERVAL, b));
    assertThat(Values.equals(TypeKind.INTERVAL, a, c)).isTrue();
    assertThat(Values.hash(TypeKind.INTERVAL, a)).isEqualTo(Values.hash(TypeKind.INTERVAL, c));
  }

  @Test
  void numericComparesByValue() {
    assertThat(Values.compare(TypeKind.NUMERIC, new BigDecimal("1.0"), new BigDecimal("1.00"))).isZero();
    assertThat(Values.compare(TypeKind.NUMERIC, new BigDecimal("2"), new BigDecimal("10"))).isNegative();
    assertThat(Values.hash(TypeKind.NUMERIC, new BigDecimal("0.000")))
        .isEqualTo(Values.hash(TypeKind.NUMERIC, BigDecimal.ZERO));
  }

  @Test
  void floatsFollowPostgres() {
    assertThat(Values.compare(TypeKind.DOUBLE, -0.0, 0.0)).isZero();
    assertThat(Values.hash(TypeKind.DOUBLE, -0.0)).isEqualTo(Values.hash(TypeKind.DOUBLE, 0.0));
    assertThat(Values.compare(TypeKind.DOUBLE, Double.NaN, Double.longBitsToDouble(0xFFF8000000000001L))).isZero();
    assertThat(Values.compare(TypeKind.DOUBLE, Double.NaN, Double.POSITIVE_INFINITY)).isPositive();
    assertThat(Values.compare(TypeKind.DOUBLE, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE)).isNegative();
    assertThat(Values.compare(TypeKind.REAL, -0f, 0f)).isZero();
    assertThat(Values.compare(TypeKind.REAL, Float.NaN, Float.POSITIVE_INFINITY)).isPositive();
  }

  @Test
  void textComparesByCodePointNotUtf16() {
    String supplementary = "\ud83d\ude00"; // U+1F600
    assertThat("\uffff".compareTo(supplementary)).isPositive();
    assertThat(Values.compare(TypeKind.TEXT, "\uffff", supplementary)).isNegative();
    assertThat(Values.compare(TypeKind.TEXT, "a", "ab")).isNegative();
    assertThat(Values.compare(TypeKind.TEXT, "B", "a")).isNegative();
    assertThat(Values.compare(TypeKind.TEXT, "a ", "a")).isPositive();
    // a pair (U+10000) against an unpaired high surrogate (U+D800) followed by U+E000
    assertThat(Values.compare(TypeKind.TEXT, "\ud800\udc00", "\ud800\ue000")).isPositive();
    assertThat(Values.compare(TypeKind.TEXT, "\ud800", "\ud800\udc00")).isNegative();
  }

  @Test
  void charIgnoresTrailingBlanks() {
    assertThat(Values.compare(TypeKind.CHAR, "ab  ", "ab")).isZero();
    assertThat(Values.hash(TypeKind.CHAR, "ab  ")).isEqualTo(Values.hash(TypeKind.CHAR, "ab"));
    assertThat(Values.compare(TypeKind.CHAR, "a", "a\0")).isNegative();
  }

  @Test
  void byteaAndUuidCompareUnsigned() {
    assertThat(Values.compare(TypeKind.BYTEA, new byte[] {(byte) 0x80}, new byte[] {0x7F})).isPositive();
    UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
    UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
    assertThat(high.compareTo(low)).isNegative();
    assertThat(Values.compare(TypeKind.UUID, high, low)).isPositive();
  }

  @Test
  void intervalsAndBooleans() {
    assertThat(Values.compare(TypeKind.INTERVAL, new PgInterval(1, 0, 0), new PgInterval(0, 30, 0))).isZero();
    assertThat(Values.compare(TypeKind.INTERVAL, new PgInterval(0, 1, 0), new PgInterval(0, 0, 86_400_000_001L)))
        .isNegative();
    assertThat(Values.compare(TypeKind.BOOLEAN, false, true)).isNegative();
  }

  /** Comparisons written differently from {@link Values}, to check it. */
  static int reference(TypeKind kind, Object a, Object b) {
    return switch (kind) {
      case REAL -> Double.compare(canonical((Float) a), canonical((Float) b));
      case DOUBLE -> Double.compare(canonical((Double) a), canonical((Double) b));
      case CHAR -> Arrays.compare(codePoints(((String) a).replaceAll(" +$", "")),
          codePoints(((String) b).replaceAll(" +$", "")));
      case VARCHAR, TEXT -> Arrays.compare(codePoints((String) a), codePoints((String) b));
      case BYTEA -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case UUID -> Arrays.compareUnsigned(uuidBytes((UUID) a), uuidBytes((UUID) b));
      case INTERVAL -> ((PgInterval) a).comparableMicros().compareTo(((PgInterval) b).comparableMicros());
      default -> compareComparable(a, b);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareComparable(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private static double canonical(double d) {
    return d == 0 ? 0.0 : d;
  }

  private static int[] codePoints(String s) {
    return s.codePoints().toArray();
  }

  private static byte[] uuidBytes(UUID u) {
    return java.nio.ByteBuffer.allocate(16)
        .putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits())
        .array();
  }
}
