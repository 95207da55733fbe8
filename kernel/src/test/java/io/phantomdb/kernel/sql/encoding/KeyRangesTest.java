package io.phantomdb.kernel.sql.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.kernel.sql.type.ValueArbitraries;
import io.phantomdb.kernel.sql.type.Values;
import io.phantomdb.spi.storage.KeyRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Ranges built for predicates hold exactly the keys whose column satisfies them. */
class KeyRangesTest {
  record Case(KeyColumn column, Object x, Object lower, boolean lowerInc, Object upper, boolean upperInc) {}

  private static final KeyColumn NEXT = KeyColumn.asc(TypeKind.INTEGER);

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(ValueArbitraries.kinds()).flatMap(kind -> {
      Arbitrary<Object> v = ValueArbitraries.values(kind);
      return Combinators.combine(
              KeyOrderPropertiesTest.columns(kind), v.injectNull(0.1), v.injectNull(0.2), Arbitraries.of(true, false),
              v.injectNull(0.2), Arbitraries.of(true, false))
          .as(Case::new);
    });
  }

  private static byte[] key(byte[] prefix, KeyColumn column, Object x, int next, long ts) {
    return new KeyEncoder().appendEncoded(prefix, 0, prefix.length).append(column, x).append(NEXT, next)
        .appendVersion(ts).toByteArray();
  }

  @Property(tries = 20_000)
  void betweenHoldsExactlyTheQualifyingKeys(@ForAll("cases") Case c, @ForAll int next, @ForAll("ts") long ts) {
    byte[] prefix = new KeyEncoder().appendTableIndex(5, 1).append(NEXT, 3).toByteArray();
    KeyRange range = KeyRanges.between(prefix, c.column(), c.lower(), c.lowerInc(), c.upper(), c.upperInc());
    TypeKind kind = c.column().kind();
    boolean expected = c.x() != null;
    if (expected && c.lower() != null) {
      int cmp = Values.compare(kind, c.x(), c.lower());
      expected = c.lowerInc() ? cmp >= 0 : cmp > 0;
    }
    if (expected && c.upper() != null) {
      int cmp = Values.compare(kind, c.x(), c.upper());
      expected = c.upperInc() ? cmp <= 0 : cmp < 0;
    }
    assertThat(range.contains(key(prefix, c.column(), c.x(), next, ts))).as("%s in %s", c, range).isEqualTo(expected);

    boolean equal = c.x() == null ? c.lower() == null : c.lower() != null && Values.equals(kind, c.x(), c.lower());
    assertThat(KeyRanges.equal(prefix, c.column(), c.lower()).contains(key(prefix, c.column(), c.x(), next, ts)))
        .isEqualTo(equal);
    // other prefixes are never included
    byte[] otherPrefix = new KeyEncoder().appendTableIndex(5, 1).append(NEXT, 4).toByteArray();
    assertThat(range.contains(key(otherPrefix, c.column(), c.x(), next, ts))).isFalse();
  }

  @Provide
  Arbitrary<Long> ts() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(0L, Long.MAX_VALUE));
  }
}
