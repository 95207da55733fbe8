package io.phantomdb.kernel.sql.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.StorageCorruptionException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key format on a few exact examples. */
class KeyEncoderTest {
  private static byte[] enc(TypeKind kind, Object v) {
    return KeyEncoder.encode(KeyColumn.asc(kind), v);
  }

  private static String hex(KeyColumn c, Object v) {
    return HexFormat.of().formatHex(KeyEncoder.encode(c, v));
  }

  @Test
  void integersAreVarints() {
    KeyColumn c = KeyColumn.asc(TypeKind.BIGINT);
    assertThat(hex(c, 0L)).isEqualTo("80");
    assertThat(hex(c, 118L)).isEqualTo("f6");
    assertThat(hex(c, 119L)).isEqualTo("f777");
    assertThat(hex(c, -119L)).isEqualTo("09");
    assertThat(hex(c, -120L)).isEqualTo("0888");
    assertThat(hex(c, Long.MAX_VALUE)).isEqualTo("fe7fffffffffffffff");
    assertThat(hex(c, Long.MIN_VALUE)).isEqualTo("018000000000000000");
    assertThat(hex(KeyColumn.desc(TypeKind.BIGINT), 0L)).isEqualTo("7f");
  }

  @Test
  void nullsGoLastInAscAndFirstInDescByDefault() {
    assertThat(hex(KeyColumn.asc(TypeKind.TEXT), null)).isEqualTo("ff");
    assertThat(hex(KeyColumn.desc(TypeKind.TEXT), null)).isEqualTo("00");
    assertThat(hex(new KeyColumn(DataType.of(TypeKind.TEXT), false, true), null)).isEqualTo("00");
    assertThat(hex(new KeyColumn(DataType.of(TypeKind.TEXT), true, false), null)).isEqualTo("ff");
  }

  @Test
  void equalValuesShareOneEncoding() {
    assertThat(enc(TypeKind.NUMERIC, new BigDecimal("1.0"))).isEqualTo(enc(TypeKind.NUMERIC, new BigDecimal("1.00")));
    assertThat(enc(TypeKind.NUMERIC, new BigDecimal("0.000"))).isEqualTo(enc(TypeKind.NUMERIC, BigDecimal.ZERO));
    assertThat(enc(TypeKind.DOUBLE, -0.0)).isEqualTo(enc(TypeKind.DOUBLE, 0.0));
    assertThat(enc(TypeKind.DOUBLE, Double.longBitsToDouble(0xFFF8000000000001L))).isEqualTo(enc(TypeKind.DOUBLE, Double.NaN));
    assertThat(enc(TypeKind.REAL, -0f)).isEqualTo(enc(TypeKind.REAL, 0f));
    assertThat(enc(TypeKind.CHAR, "ab  ")).isEqualTo(enc(TypeKind.CHAR, "ab"));
    assertThat(enc(TypeKind.INTERVAL, new PgInterval(1, 0, 0))).isEqualTo(enc(TypeKind.INTERVAL, new PgInterval(0, 30, 0)));
  }

  @Test
  void numericsAreBase100WithExponent() {
    KeyColumn c = KeyColumn.asc(TypeKind.NUMERIC);
    assertThat(hex(c, BigDecimal.ZERO)).isEqualTo("03");
    assertThat(hex(c, new BigDecimal("1"))).isEqualTo("04" + "81" + "02"); // 0.01 × 100^1, last digit 2·1
    assertThat(hex(c, new BigDecimal("12.5"))).isEqualTo("04" + "81" + "19" + "64"); // 0.12 50 × 100^1
    assertThat(hex(c, new BigDecimal("-1"))).isEqualTo("02" + "7e" + "fd");
  }

  @Test
  void textIsEscapedAndTerminated() {
    KeyColumn c = KeyColumn.asc(TypeKind.TEXT);
    assertThat(hex(c, "")).isEqualTo("06" + "0001");
    assertThat(hex(c, "a\0b")).isEqualTo("06" + "6100ff62" + "0001");
    assertThat(hex(KeyColumn.desc(TypeKind.TEXT), "a")).isEqualTo("f9" + "9e" + "fffe");
    assertThat(hex(c, "\ud83d\ude00")).isEqualTo("06" + "f09f9880" + "0001");
    assertThat(hex(c, "\ud800")).isEqualTo("06" + "eda080" + "0001");
  }

  @Test
  void declaredModifiersShapeDecodedValues() {
    KeyColumn numeric = KeyColumn.asc(DataType.of(TypeKind.NUMERIC, 10, 2));
    assertThat(new KeyDecoder(KeyEncoder.encode(numeric, new BigDecimal("1.50"))).read(numeric))
        .isEqualTo(new BigDecimal("1.50"));
    KeyColumn unconstrained = KeyColumn.asc(TypeKind.NUMERIC);
    assertThat(new KeyDecoder(KeyEncoder.encode(unconstrained, new BigDecimal("1.50"))).read(unconstrained))
        .isEqualTo(new BigDecimal("1.5"));
    assertThat(new KeyDecoder(KeyEncoder.encode(unconstrained, new BigDecimal("1E+3"))).read(unconstrained))
        .isEqualTo(new BigDecimal("1000"));
    KeyColumn chars = KeyColumn.desc(DataType.of(TypeKind.CHAR, 4, 0));
    assertThat(new KeyDecoder(KeyEncoder.encode(chars, "ab")).read(chars)).isEqualTo("ab  ");
    KeyColumn interval = KeyColumn.asc(TypeKind.INTERVAL);
    assertThat(new KeyDecoder(KeyEncoder.encode(interval, new PgInterval(0, 45, 3_600_000_000L))).read(interval))
        .isEqualTo(new PgInterval(1, 15, 3_600_000_000L));
    assertThat(KeyDecoder.decodesExactly(DataType.of(TypeKind.NUMERIC, 10, 2))).isTrue();
    assertThat(KeyDecoder.decodesExactly(DataType.of(TypeKind.NUMERIC))).isFalse();
    assertThat(KeyDecoder.decodesExactly(DataType.of(TypeKind.TEXT))).isTrue();
  }

  @Test
  void extremeIntervalsDecodeToEqualIntervals() {
    KeyColumn c = KeyColumn.asc(TypeKind.INTERVAL);
    for (PgInterval iv : List.of(
        new PgInterval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE),
        new PgInterval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
        new PgInterval(Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE))) {
      assertThat((PgInterval) new KeyDecoder(KeyEncoder.encode(c, iv)).read(c)).isEqualByComparingTo(iv);
    }
  }

  @Test
  void timesMustBeWholeMicroseconds() {
    assertThatThrownBy(() -> enc(TypeKind.TIME, LocalTime.of(1, 2, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sub-microsecond");
    assertThatThrownBy(() -> enc(TypeKind.TIMESTAMPTZ, Instant.ofEpochSecond(0, 999)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> enc(TypeKind.TIMESTAMP, LocalDateTime.of(300_000, 1, 1, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
    KeyColumn ts = KeyColumn.asc(TypeKind.TIMESTAMP);
    assertThat(new KeyDecoder(KeyEncoder.encode(ts, LocalDateTime.MAX)).read(ts)).isEqualTo(LocalDateTime.MAX);
  }

  @Test
  void versionsSortNewestFirst() {
    byte[] older = new KeyEncoder().appendTableIndex(1, 0).appendVersion(10).toByteArray();
    byte[] newer = new KeyEncoder().appendTableIndex(1, 0).appendVersion(11).toByteArray();
    assertThat(java.util.Arrays.compareUnsigned(newer, older)).isNegative();
    assertThatThrownBy(() -> new KeyEncoder().appendVersion(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedKeysAreCorrupt() {
    KeyColumn c = KeyColumn.asc(TypeKind.TEXT);
    byte[] unterminated = {0x06, 0x61, 0x00};
    assertThatThrownBy(() -> new KeyDecoder(unterminated).read(c)).isInstanceOf(StorageCorruptionException.class);
    byte[] wrongTag = KeyEncoder.encode(KeyColumn.asc(TypeKind.UUID), new java.util.UUID(1, 2));
    assertThatThrownBy(() -> new KeyDecoder(wrongTag).read(c)).isInstanceOf(StorageCorruptionException.class);
    assertThatThrownBy(() -> new KeyDecoder(new byte[] {(byte) 0xF8}).read(KeyColumn.asc(TypeKind.INTEGER)))
        .isInstanceOf(StorageCorruptionException.class);
  }
}
