package io.phantomdb.kernel.sql.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.kernel.sql.type.ValueArbitraries;
import io.phantomdb.kernel.sql.type.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Byte order of encoded keys is SQL order, for every type, direction and NULL placement. */
class KeyOrderPropertiesTest {
  record Pair(KeyColumn column, Object a, Object b) {
    @Override
    public String toString() {
      return column + ": " + show(a) + " vs " + show(b);
    }
  }

  record Composite(List<KeyColumn> columns, Object[] a, Object[] b) {
    @Override
    public String toString() {
      return columns + ": " + show(a) + " vs " + show(b);
    }
  }

  static Arbitrary<KeyColumn> columns(TypeKind kind) {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((desc, nullsFirst) -> new KeyColumn(DataType.of(kind, 0, 0), desc, nullsFirst));
  }

  @Provide
  Arbitrary<Pair> pairs() {
    return Arbitraries.of(ValueArbitraries.kinds()).flatMap(kind -> {
      Arbitrary<Object> v = ValueArbitraries.values(kind).injectNull(0.05);
      return Combinators.combine(columns(kind), v, v).as(Pair::new);
    });
  }

  @Provide
  Arbitrary<Composite> composites() {
    Arbitrary<KeyColumn> column = Arbitraries.of(ValueArbitraries.kinds()).flatMap(KeyOrderPropertiesTest::columns);
    return column.list().ofMinSize(1).ofMaxSize(3).flatMap(cols -> {
      List<Arbitrary<Object[]>> perColumn = new ArrayList<>();
      for (KeyColumn c : cols) {
        Arbitrary<Object> v = ValueArbitraries.values(c.kind()).injectNull(0.1);
        // half the time equal values, so later columns decide
        perColumn.add(Arbitraries.oneOf(v.map(x -> new Object[] {x, x}), v.list().ofSize(2).map(List::toArray))
            .withoutEdgeCases()); // edge cases of nested combinations multiply; the values have their own
      }
      return Combinators.combine(perColumn).as(pairs -> {
        Object[] a = new Object[cols.size()];
        Object[] b = new Object[cols.size()];
        for (int i = 0; i < a.length; i++) {
          a[i] = pairs.get(i)[0];
          b[i] = pairs.get(i)[1];
        }
        return new Composite(cols, a, b);
      });
    });
  }

  @Property(tries = 30_000)
  void byteOrderIsSqlOrder(@ForAll("pairs") Pair p) {
    byte[] ea = KeyEncoder.encode(p.column(), p.a());
    byte[] eb = KeyEncoder.encode(p.column(), p.b());
    int expected = Integer.signum(sqlCompare(p.column(), p.a(), p.b()));
    assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb)))
        .as("%s: %s vs %s", p, hex(ea), hex(eb))
        .isEqualTo(expected);
    if (expected != 0) {
      // self-delimiting: neither encoding is a prefix of the other
      int common = Math.min(ea.length, eb.length);
      assertThat(Arrays.equals(ea, 0, common, eb, 0, common)).as("prefix: %s vs %s", hex(ea), hex(eb)).isFalse();
    }
  }

  @Property(tries = 30_000)
  void keysDecodeToEqualValues(@ForAll("pairs") Pair p) {
    KeyColumn c = p.column();
    byte[] key = new KeyEncoder().appendTableIndex(7, 1).append(c, p.a()).append(c, p.b()).appendVersion(42).toByteArray();
    KeyDecoder d = new KeyDecoder(key);
    assertThat(d.readTableIndex()).containsExactly(7, 1);
    int start = d.position();
    Object a = d.read(c);
    Object b = d.read(c);
    assertThat(d.readVersion()).isEqualTo(42);
    assertThat(d.remaining()).isZero();
    assertDecoded(c, p.a(), a);
    assertDecoded(c, p.b(), b);

    KeyDecoder skipper = new KeyDecoder(key, start, key.length);
    skipper.skip(c);
    skipper.skip(c);
    assertThat(skipper.remaining()).isEqualTo(KeyEncoder.VERSION_LENGTH);
  }

  @Property(tries = 20_000)
  void compositeKeysSortColumnByColumn(@ForAll("composites") Composite k) {
    byte[] ka = new KeyEncoder().appendTableIndex(300, 2).appendAll(k.columns(), k.a()).toByteArray();
    byte[] kb = new KeyEncoder().appendTableIndex(300, 2).appendAll(k.columns(), k.b()).toByteArray();
    int expected = 0;
    for (int i = 0; i < k.a().length && expected == 0; i++) {
      expected = Integer.signum(sqlCompare(k.columns().get(i), k.a()[i], k.b()[i]));
    }
    assertThat(Integer.signum(Arrays.compareUnsigned(ka, kb))).as("%s: %s vs %s", k, hex(ka), hex(kb))
        .isEqualTo(expected);

    // with versions: equal logical keys order newest first, others as before
    byte[] va = new KeyEncoder().appendEncoded(ka, 0, ka.length).appendVersion(5).toByteArray();
    byte[] vb = new KeyEncoder().appendEncoded(kb, 0, kb.length).appendVersion(9).toByteArray();
    assertThat(Integer.signum(Arrays.compareUnsigned(va, vb))).isEqualTo(expected == 0 ? 1 : expected);

    Object[] decoded = new KeyDecoder(ka, KeyEncoder.tableIndexPrefix(300, 2).length, ka.length).readAll(k.columns());
    for (int i = 0; i < decoded.length; i++) {
      assertDecoded(k.columns().get(i), k.a()[i], decoded[i]);
    }
  }

  @Provide
  Arbitrary<String> surrogateHeavy() {
    return Arbitraries.strings().withChars("\ud800\udbff\udc00\udfff\ue000\uffffa\0").ofMaxLength(4);
  }

  /** Unpaired and paired surrogates next to BMP characters above them: code point order. */
  @Property(tries = 5000)
  void surrogatesSortByCodePoint(@ForAll("surrogateHeavy") String a, @ForAll("surrogateHeavy") String b) {
    int expected = Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
    assertThat(Integer.signum(Values.compare(TypeKind.TEXT, a, b))).as("%s vs %s", show(a), show(b))
        .isEqualTo(expected);
    for (KeyColumn c : List.of(KeyColumn.asc(TypeKind.TEXT), KeyColumn.desc(TypeKind.VARCHAR))) {
      byte[] ea = KeyEncoder.encode(c, a);
      assertThat(Integer.signum(Arrays.compareUnsigned(ea, KeyEncoder.encode(c, b))))
          .isEqualTo(c.descending() ? -expected : expected);
      assertThat(new KeyDecoder(ea).read(c)).isEqualTo(a);
    }
  }

  @Property(tries = 5000)
  void tableIndexPrefixesSortByTableThenIndex(
      @ForAll("ids") int t1, @ForAll("ids") int i1, @ForAll("ids") int t2, @ForAll("ids") int i2) {
    int expected = t1 != t2 ? Integer.compare(t1, t2) : Integer.compare(i1, i2);
    byte[] a = KeyEncoder.tableIndexPrefix(t1, i1);
    byte[] b = KeyEncoder.tableIndexPrefix(t2, i2);
    assertThat(Integer.signum(Arrays.compareUnsigned(a, b))).isEqualTo(Integer.signum(expected));
    assertThat(new KeyDecoder(a).readTableIndex()).containsExactly(t1, i1);
    assertThat(a).startsWith(KeyEncoder.tablePrefix(t1));
  }

  @Provide
  Arbitrary<Integer> ids() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, Integer.MAX_VALUE),
        Arbitraries.integers().between(0, 300),
        Arbitraries.of(0, 247, 248, 255, 256, 65_535, 65_536, Integer.MAX_VALUE));
  }

  /** SQL order of possibly-null values in a key column. */
  static int sqlCompare(KeyColumn c, Object a, Object b) {
    if (a == null || b == null) {
      if (a == b) {
        return 0;
      }
      return (a == null) == c.nullsFirst() ? -1 : 1;
    }
    int cmp = Values.compare(c.kind(), a, b);
    return c.descending() ? -cmp : cmp;
  }

  static void assertDecoded(KeyColumn c, Object expected, Object actual) {
    if (expected == null) {
      assertThat(actual).isNull();
      return;
    }
    assertThat(actual).isNotNull();
    assertThat(actual).isInstanceOf(c.kind().javaClass());
    assertThat(Values.equals(c.kind(), expected, actual)).as("%s decoded %s as %s", c, show(expected), show(actual))
        .isTrue();
    if (KeyDecoder.decodesExactly(c.type())) {
      assertThat(RowCodecTest.exactlyEqual(expected, actual)).as("%s exact %s vs %s", c, show(expected), show(actual))
          .isTrue();
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static String show(Object v) {
    if (v instanceof byte[] b) {
      return "\\x" + hex(b);
    }
    if (v instanceof Object[] a) {
      StringBuilder sb = new StringBuilder("[");
      for (Object o : a) {
        sb.append(show(o)).append(", ");
      }
      return sb.append("]").toString();
    }
    if (v instanceof String s) {
      StringBuilder sb = new StringBuilder("'");
      s.chars().forEach(ch -> sb.append(ch < 0x20 || ch > 0x7E ? String.format("\\u%04x", ch) : String.valueOf((char) ch)));
      return sb.append("'").toString();
    }
    return String.valueOf(v);
  }
}
