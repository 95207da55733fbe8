package io.phantomdb.kernel.sql.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.encoding.RowCodec.Column;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.kernel.sql.type.ValueArbitraries;
import io.phantomdb.spi.storage.StorageCorruptionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RowCodecTest {
  /** A layout and a row for its live columns. */
  record Table(List<Column> slots, Object[] row) {
    RowCodec codec() {
      return new RowCodec(slots);
    }

    @Override
    public String toString() {
      return slots + " " + KeyOrderPropertiesTest.show(row);
    }
  }

  record Evolution(Table before, List<Column> after) {}

  static Arbitrary<Column> slots() {
    return Combinators.combine(Arbitraries.of(ValueArbitraries.kinds()), Arbitraries.of(false, false, false, true))
        .as((kind, dropped) -> new Column(0, kind, dropped, null));
  }

  @Provide
  Arbitrary<Table> tables() {
    return slots().list().ofMaxSize(20).flatMap(RowCodecTest::rowsFor);
  }

  static Arbitrary<Table> rowsFor(List<Column> slots) {
    List<Arbitrary<Object>> values = new ArrayList<>();
    for (Column c : slots) {
      if (!c.dropped()) {
        values.add(ValueArbitraries.values(c.kind()).injectNull(0.2));
      }
    }
    // without edge cases: those of combined lists multiply (and are slow); the values have their own
    return Combinators.combine(values).as(v -> new Table(slots, v.toArray())).withoutEdgeCases();
  }

  @Provide
  Arbitrary<Evolution> evolutions() {
    Arbitrary<Column> added = Arbitraries.of(ValueArbitraries.kinds())
        .flatMap(k -> ValueArbitraries.values(k).injectNull(0.3).map(missing -> new Column(1, k, false, missing)));
    return tables().flatMap(t -> Combinators.combine(
            Arbitraries.of(true, false).list().ofSize(t.slots().size()), added.list().ofMaxSize(4))
        .as((drop, add) -> {
          List<Column> after = new ArrayList<>();
          for (int i = 0; i < t.slots().size(); i++) {
            after.add(drop.get(i) ? t.slots().get(i).drop() : t.slots().get(i));
          }
          after.addAll(add);
          return new Evolution(t, after);
        }));
  }

  @Property(tries = 3000)
  void rowsRoundTripExactly(@ForAll("tables") Table t) {
    byte[] value = t.codec().encode(t.row());
    assertThat(RowCodec.isTombstone(value)).isFalse();
    assertRow(t.codec().decode(value), t.row());
  }

  @Property(tries = 3000)
  void rowsWrittenBeforeAlterDecodeWithMissingValuesAndSkipDroppedColumns(@ForAll("evolutions") Evolution e) {
    Table before = e.before();
    byte[] value = before.codec().encode(before.row());
    List<Object> expected = new ArrayList<>();
    int live = 0;
    for (int i = 0; i < e.after().size(); i++) {
      Column now = e.after().get(i);
      boolean wasLive = i < before.slots().size() && !before.slots().get(i).dropped();
      Object old = wasLive ? before.row()[live++] : null;
      if (!now.dropped()) {
        expected.add(i < before.slots().size() ? old : now.missingValue());
      }
    }
    assertRow(new RowCodec(e.after()).decode(value), expected.toArray());
  }

  @Property(tries = 1000)
  void aReaderWithAnOlderLayoutIgnoresNewerSlots(@ForAll("evolutions") Evolution e) {
    List<Column> after = e.after();
    RowCodec newer = new RowCodec(after);
    Object[] row = new Object[newer.columnCount()];
    int live = 0;
    for (Column c : after) {
      if (!c.dropped()) {
        row[live++] = c.missingValue();
      }
    }
    byte[] value = newer.encode(row);
    // the old reader sees the slots it knows, dropped or not as the newer layout says
    List<Column> known = after.subList(0, e.before().slots().size());
    Object[] decoded = new RowCodec(known).decode(value);
    assertRow(decoded, Arrays.copyOf(row, decoded.length));
  }

  @Property(tries = 1000)
  void unwantedColumnsAreSkipped(@ForAll("tables") Table t, @ForAll long seed) {
    boolean[] wanted = new boolean[t.row().length];
    java.util.Random random = new java.util.Random(seed);
    Object[] expected = new Object[wanted.length];
    for (int i = 0; i < wanted.length; i++) {
      wanted[i] = random.nextBoolean();
      expected[i] = wanted[i] ? t.row()[i] : null;
    }
    assertRow(t.codec().decode(t.codec().encode(t.row()), wanted), expected);
  }

  @Property(tries = 500)
  void truncatedRowsAreCorrupt(@ForAll("tables") Table t) {
    byte[] value = t.codec().encode(t.row());
    for (int len = 0; len < value.length; len++) {
      byte[] cut = Arrays.copyOf(value, len);
      assertThatThrownBy(() -> t.codec().decode(cut)).isInstanceOf(StorageCorruptionException.class);
    }
  }

  @Test
  void tombstonesAreNotRows() {
    RowCodec codec = new RowCodec(List.of(Column.of(1, TypeKind.INTEGER)));
    assertThat(RowCodec.isTombstone(RowCodec.tombstone())).isTrue();
    assertThat(RowCodec.isTombstone(codec.encode(new Object[] {null}))).isFalse();
    assertThat(RowCodec.isTombstone(new byte[0])).isFalse();
    assertThatThrownBy(() -> codec.decode(RowCodec.tombstone()))
        .isInstanceOf(StorageCorruptionException.class)
        .hasMessageContaining("tombstone");
    assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0x41, 0, 0}))
        .isInstanceOf(StorageCorruptionException.class);
  }

  @Test
  void exactDetailSurvives() {
    RowCodec codec = new RowCodec(List.of(
        Column.of(1, TypeKind.DOUBLE), Column.of(2, TypeKind.REAL), Column.of(3, TypeKind.NUMERIC),
        Column.of(4, TypeKind.INTERVAL), Column.of(5, TypeKind.CHAR)));
    Object[] row = {-0.0, Float.intBitsToFloat(0x7FC00123), new BigDecimal("1.500"), new PgInterval(1, 0, 0), "ab  "};
    assertRow(codec.decode(codec.encode(row)), row);
  }

  @Test
  void rowsAreCompact() {
    RowCodec codec = new RowCodec(List.of(
        Column.of(1, TypeKind.BIGINT), Column.of(2, TypeKind.TEXT), Column.of(3, TypeKind.INTEGER)));
    // header, count, bitmap, varint 1, length 3 + "abc"
    assertThat(codec.encode(new Object[] {1L, "abc", null})).hasSize(8);
  }

  static void assertRow(Object[] actual, Object[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(exactlyEqual(expected[i], actual[i]))
          .as("column %d: expected %s, got %s", i, KeyOrderPropertiesTest.show(expected[i]),
              KeyOrderPropertiesTest.show(actual[i]))
          .isTrue();
    }
  }

  /** Equal as Java values: same class, bits of floats, scale of numerics, bytes of arrays. */
  static boolean exactlyEqual(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof byte[] x) {
      return Arrays.equals(x, (byte[]) b);
    }
    if (a instanceof Double x) {
      return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits((Double) b);
    }
    if (a instanceof Float x) {
      return Float.floatToRawIntBits(x) == Float.floatToRawIntBits((Float) b);
    }
    return a.equals(b); // BigDecimal.equals includes the scale
  }
}
