package io.phantomdb.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Point reads and writes, key ordering and range scans. Part of {@link
 * AbstractStorageEngineTest}; not run on its own.
 */
public abstract class StorageKeyValueTests extends StorageTestSupport {

  @Test
  void putThenGetReturnsTheValue() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("v"));
    assertThat(engine.get(ks, b("k"))).isEqualTo(b("v"));
  }

  @Test
  void getOfAnAbsentKeyIsNull() {
    Keyspace ks = engine.createKeyspace("t");
    assertThat(engine.get(ks, b("nothing"))).isNull();
  }

  @Test
  void putOverwritesAndDeleteRemoves() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("one"));
    put(ks, b("k"), b("two"));
    assertThat(engine.get(ks, b("k"))).isEqualTo(b("two"));
    delete(ks, b("k"));
    assertThat(engine.get(ks, b("k"))).isNull();
    delete(ks, b("never-there"));
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD)).isEmpty();
  }

  @Test
  void emptyValueIsPresentNotAbsent() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), new byte[0]);
    assertThat(engine.get(ks, b("k"))).isNotNull().isEmpty();
    assertThat(scan(engine, ks, KeyRange.all(), ScanOrder.FORWARD)).hasSize(1);
  }

  @Test
  void returnedArraysBelongToTheCaller() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("k"), b("value"));
    put(ks, b("l"), b("other"));
    byte[] v = engine.get(ks, b("k"));
    v[0] = 'X';
    assertThat(engine.get(ks, b("k"))).isEqualTo(b("value"));
    byte[] key;
    byte[] value;
    try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
      assertThat(c.next()).isTrue();
      key = c.key();
      value = c.value();
      assertThat(c.next()).isTrue();
      assertThat(c.key()).isEqualTo(b("l"));
    }
    assertThat(key).as("still valid after next() and close()").isEqualTo(b("k"));
    assertThat(value).isEqualTo(b("value"));
    key[0] = 'Z';
    assertThat(engine.get(ks, b("k"))).as("the caller's array is not the engine's").isEqualTo(b("value"));
  }

  @Test
  void keysOrderAsUnsignedBytes() {
    Keyspace ks = engine.createKeyspace("t");
    List<byte[]> keys =
        new ArrayList<>(
            List.of(k(0xFF), k(0x80), k(0x7F), k(0x01), k(0x00), k(0x00, 0x00), k(0x80, 0x00), k(0xFE, 0xFF)));
    Collections.shuffle(keys);
    for (byte[] key : keys) {
      put(ks, key, key);
    }
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD))
        .containsExactly("00", "0000", "01", "7f", "80", "8000", "feff", "ff");
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.REVERSE))
        .containsExactly("ff", "feff", "8000", "80", "7f", "01", "0000", "00");
  }

  @Test
  void aPrefixSortsBeforeLongerKeys() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("ab"), b("1"));
    put(ks, b("a"), b("2"));
    put(ks, k('a', 0), b("3"));
    put(ks, b("abc"), b("4"));
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD))
        .containsExactly(hex(b("a")), hex(k('a', 0)), hex(b("ab")), hex(b("abc")));
  }

  @Test
  void theEmptyKeyIsStoredAndSortsFirst() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, k(0x00), b("zero"));
    put(ks, new byte[0], b("empty"));
    assertThat(engine.get(ks, new byte[0])).isEqualTo(b("empty"));
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD)).containsExactly("", "00");
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.REVERSE)).containsExactly("00", "");
    delete(ks, new byte[0]);
    assertThat(engine.get(ks, new byte[0])).isNull();
  }

  @Test
  void longKeysUpToTheEngineLimitWork() {
    Keyspace ks = engine.createKeyspace("t");
    int len = Math.min(engine.maxKeyLength(), 64 * 1024);
    assertThat(engine.maxKeyLength()).isGreaterThanOrEqualTo(256);
    byte[] a = new byte[len];
    Arrays.fill(a, (byte) 0xAB);
    byte[] bkey = a.clone();
    bkey[len - 1] = (byte) 0xAC;
    byte[] shorter = Arrays.copyOf(a, len - 1);
    put(ks, bkey, b("b"));
    put(ks, a, b("a"));
    put(ks, shorter, b("s"));
    assertThat(engine.get(ks, a)).isEqualTo(b("a"));
    assertThat(engine.get(ks, bkey)).isEqualTo(b("b"));
    assertThat(scan(engine, ks, KeyRange.all(), ScanOrder.FORWARD))
        .extracting(e -> e.getValue())
        .containsExactly(hex(b("s")), hex(b("a")), hex(b("b")));
  }

  /** Keys 10, 20, 30, 40, 50 (one byte each). */
  private Keyspace fiveKeys() {
    Keyspace ks = engine.createKeyspace("t");
    for (int i = 10; i <= 50; i += 10) {
      put(ks, k(i), k(i));
    }
    return ks;
  }

  private static String expected(int... keys) {
    StringBuilder sb = new StringBuilder();
    for (int key : keys) {
      sb.append(sb.length() == 0 ? "" : ",").append(hex(k(key)));
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "[{0} {1}, {2} {3}]")
  @CsvSource({
    "20, true, 40, true, '20,30,40'",
    "20, false, 40, true, '30,40'",
    "20, true, 40, false, '20,30'",
    "20, false, 40, false, '30'",
    "15, true, 45, true, '20,30,40'",
    "15, false, 45, false, '20,30,40'",
    "-1, true, 30, false, '10,20'",
    "30, false, -1, true, '40,50'",
    "-1, true, -1, true, '10,20,30,40,50'",
    "30, true, 30, true, '30'",
    "30, true, 30, false, ''",
    "40, true, 20, true, ''",
    "51, true, 99, true, ''",
    "0, true, 9, true, ''"
  })
  void rangeBoundsForwardAndReverse(int lo, boolean loInc, int hi, boolean hiInc, String want) {
    Keyspace ks = fiveKeys();
    KeyRange range = KeyRange.of(lo < 0 ? null : k(lo), loInc, hi < 0 ? null : k(hi), hiInc);
    List<String> forward = keys(engine, ks, range, ScanOrder.FORWARD);
    assertThat(String.join(",", forward)).isEqualTo(want.isEmpty() ? "" : hexList(want));
    List<String> reverse = new ArrayList<>(keys(engine, ks, range, ScanOrder.REVERSE));
    Collections.reverse(reverse);
    assertThat(reverse).isEqualTo(forward);
  }

  private static String hexList(String decimals) {
    return String.join(
        ",", Arrays.stream(decimals.split(",")).map(d -> expected(Integer.parseInt(d))).toList());
  }

  @Test
  void prefixRangesIncludingAllOnesPrefixes() {
    Keyspace ks = engine.createKeyspace("t");
    for (byte[] key : List.of(k(1), k(1, 0), k(1, 0xFF), k(2), k(0xFF), k(0xFF, 0xFF), k(0xFF, 0xFF, 3))) {
      put(ks, key, key);
    }
    assertThat(keys(engine, ks, KeyRange.prefix(k(1)), ScanOrder.FORWARD))
        .containsExactly("01", "0100", "01ff");
    assertThat(keys(engine, ks, KeyRange.prefix(k(0xFF)), ScanOrder.REVERSE))
        .containsExactly("ffff03", "ffff", "ff");
    assertThat(keys(engine, ks, KeyRange.prefix(new byte[0]), ScanOrder.FORWARD)).hasSize(7);
  }

  @Test
  void reverseScanStartsAtTheGreatestKeyBelowAnExclusiveBound() {
    Keyspace ks = fiveKeys();
    put(ks, k(30, 0), b("x"));
    assertThat(keys(engine, ks, KeyRange.closedOpen(null, k(30, 0)), ScanOrder.REVERSE))
        .containsExactly(expected(30), expected(20), expected(10));
    assertThat(keys(engine, ks, KeyRange.of(null, false, k(30, 0), true), ScanOrder.REVERSE))
        .first()
        .isEqualTo("1e00");
  }

  @Test
  void aCursorDoesNotSeeWritesMadeAfterItOpened() {
    Keyspace ks = fiveKeys();
    try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
      assertThat(c.next()).isTrue();
      put(ks, k(35), b("new"));
      delete(ks, k(40));
      List<String> seen = new ArrayList<>();
      seen.add(hex(c.key()));
      while (c.next()) {
        seen.add(hex(c.key()));
      }
      assertThat(seen).containsExactly("0a", "14", "1e", "28", "32");
    }
  }

  @Test
  void cursorAccessorsNeedACurrentEntryAndExhaustionIsSticky() {
    Keyspace ks = engine.createKeyspace("t");
    put(ks, b("only"), b("1"));
    try (Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
      assertThatThrownBy(c::key).isInstanceOf(IllegalStateException.class);
      assertThat(c.next()).isTrue();
      assertThat(c.next()).isFalse();
      assertThat(c.next()).isFalse();
      assertThatThrownBy(c::value).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void closingACursorTwiceIsHarmless() {
    Keyspace ks = fiveKeys();
    Cursor c = engine.scan(ks, KeyRange.all(), ScanOrder.REVERSE);
    assertThat(c.next()).isTrue();
    c.close();
    c.close();
  }

  @Test
  void scansOfManyKeysVisitEachOnceInOrder() {
    Keyspace ks = engine.createKeyspace("t");
    int n = 5000;
    var batch = new io.phantomdb.spi.storage.WriteBatch(n);
    for (int i = 0; i < n; i++) {
      batch.put(ks, k(i >>> 8, i & 0xFF), b("v" + i));
    }
    engine.write(batch, io.phantomdb.spi.storage.Durability.NO_SYNC);
    List<String> forward = keys(engine, ks, KeyRange.all(), ScanOrder.FORWARD);
    assertThat(forward).hasSize(n).isSorted();
    assertThat(keys(engine, ks, KeyRange.all(), ScanOrder.REVERSE))
        .hasSize(n)
        .isSortedAccordingTo(Collections.reverseOrder());
  }
}
