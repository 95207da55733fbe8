package io.phantomdb.spi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRangeTest {
  private static byte[] k(int... bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (byte) bytes[i];
    }
    return out;
  }

  @Test
  void comparesUnsignedWithPrefixesFirst() {
    assertThat(KeyRange.compareKeys(k(0x7F), k(0x80))).isNegative();
    assertThat(KeyRange.compareKeys(k(0xFF), k(0x00, 0x00))).isPositive();
    assertThat(KeyRange.compareKeys(k(), k(0x00))).isNegative();
    assertThat(KeyRange.compareKeys(k(1, 2), k(1, 2))).isZero();
  }

  @Test
  void prefixEndSkipsTrailingFfBytes() {
    assertThat(KeyRange.prefixEnd(k(1, 2))).containsExactly(1, 3);
    assertThat(KeyRange.prefixEnd(k(1, 0xFF))).containsExactly(2);
    assertThat(KeyRange.prefixEnd(k(0xFF, 0xFF))).isNull();
    assertThat(KeyRange.prefixEnd(k())).isNull();
  }

  @Test
  void boundsAreHonoured() {
    KeyRange r = KeyRange.of(k(10), false, k(20), true);
    assertThat(r.contains(k(10))).isFalse();
    assertThat(r.contains(k(10, 0))).isTrue();
    assertThat(r.contains(k(20))).isTrue();
    assertThat(r.contains(k(20, 0))).isFalse();
    assertThat(r.belowLower(k(10))).isTrue();
    assertThat(r.aboveUpper(k(21))).isTrue();
    assertThat(KeyRange.prefix(k(0xFF)).contains(k(0xFF, 0xFF, 0xFF))).isTrue();
    assertThat(KeyRange.all().contains(k())).isTrue();
  }

  @Test
  void emptinessOfCrossingOrHalfOpenPoints() {
    assertThat(KeyRange.closed(k(2), k(1)).isEmpty()).isTrue();
    assertThat(KeyRange.closedOpen(k(1), k(1)).isEmpty()).isTrue();
    assertThat(KeyRange.closed(k(1), k(1)).isEmpty()).isFalse();
    assertThat(KeyRange.closedOpen(null, k(1)).isEmpty()).isFalse();
    assertThat(KeyRange.of(k(1), true, k(1, 0), false).toString()).isEqualTo("[01, 0100)");
  }
}
