package io.phantomdb.kernel.sql.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The MVCC key layout against an ordered map standing in for the store. */
class VersionedKeysTest {
  private static final List<KeyColumn> PK = List.of(KeyColumn.asc(TypeKind.INTEGER), KeyColumn.desc(TypeKind.TEXT));

  private static byte[] logical(int table, int index, int a, String b) {
    return new KeyEncoder().appendTableIndex(table, index).appendAll(PK, new Object[] {a, b}).toByteArray();
  }

  @Test
  void splitAndJoin() {
    byte[] k = logical(1, 0, 5, "x");
    byte[] v = VersionedKeys.versioned(k, 123);
    VersionedKeys.Split s = VersionedKeys.split(v);
    assertThat(s.logicalKey()).isEqualTo(k);
    assertThat(s.commitTs()).isEqualTo(123);
    assertThat(VersionedKeys.isVersionOf(v, k)).isTrue();
    assertThat(VersionedKeys.isVersionOf(v, logical(1, 0, 5, "y"))).isFalse();
    assertThat(VersionedKeys.sameLogicalKey(v, VersionedKeys.versioned(k, 7))).isTrue();
    assertThat(VersionedKeys.allVersions(k).contains(VersionedKeys.versioned(k, 0))).isTrue();
    assertThat(VersionedKeys.allVersions(k).contains(VersionedKeys.versioned(k, Long.MAX_VALUE))).isTrue();
    assertThat(VersionedKeys.indexRange(1, 0).contains(v)).isTrue();
    assertThat(VersionedKeys.indexRange(1, 1).contains(v)).isFalse();
    assertThat(VersionedKeys.tableRange(1).contains(v)).isTrue();
    assertThat(VersionedKeys.tableRange(2).contains(v)).isFalse();
  }

  record Write(int table, int a, String b, long ts) {}

  @Provide
  Arbitrary<List<Write>> histories() {
    Arbitrary<Write> w = net.jqwik.api.Combinators.combine(
            Arbitraries.of(1, 2, 300), Arbitraries.integers().between(-3, 3), Arbitraries.of("", "a", "ab", "b", "\0"),
            Arbitraries.longs().between(0, 20))
        .as(Write::new);
    return w.list().ofMaxSize(40);
  }

  /** A reader at T sees, per logical key, the newest version at or before T: by seek and by scan. */
  @Property(tries = 1000)
  void readersSeeTheLatestVersionAtOrBeforeTheirTimestamp(
      @ForAll("histories") List<Write> history, @ForAll @IntRange(max = 21) int readTs) {
    NavigableMap<byte[], String> store = new TreeMap<>(Arrays::compareUnsigned);
    Map<List<Object>, long[]> latest = new java.util.HashMap<>();
    for (Write w : history) {
      store.put(VersionedKeys.versioned(logical(w.table(), 0, w.a(), w.b()), w.ts()), w.toString());
      if (w.ts() <= readTs) {
        latest.merge(List.of(w.table(), w.a(), w.b()), new long[] {w.ts()}, (x, y) -> x[0] >= y[0] ? x : y);
      }
    }
    // point reads
    for (Write w : history) {
      byte[] k = logical(w.table(), 0, w.a(), w.b());
      Map.Entry<byte[], String> e = store.ceilingEntry(VersionedKeys.seekKey(k, readTs));
      long[] expected = latest.get(List.of(w.table(), w.a(), w.b()));
      if (expected == null) {
        assertThat(e == null || !VersionedKeys.isVersionOf(e.getKey(), k)).isTrue();
      } else {
        assertThat(VersionedKeys.isVersionOf(e.getKey(), k)).isTrue();
        assertThat(VersionedKeys.commitTs(e.getKey())).isEqualTo(expected[0]);
        KeyRange visible = VersionedKeys.visibleVersions(k, readTs);
        assertThat(visible.contains(e.getKey())).isTrue();
      }
    }
    // a scan of table 2's rows yields each visible logical key once, in key order
    KeyRange range = VersionedKeys.indexRange(2, 0);
    List<byte[]> seen = new ArrayList<>();
    byte[] last = null;
    for (Map.Entry<byte[], String> e : store.entrySet()) {
      byte[] key = e.getKey();
      if (!range.contains(key) || VersionedKeys.commitTs(key) > readTs) {
        continue;
      }
      if (last != null && VersionedKeys.sameLogicalKey(last, key)) {
        continue;
      }
      last = key;
      seen.add(VersionedKeys.logicalKey(key));
    }
    long expectedCount = latest.keySet().stream().filter(k -> k.get(0).equals(2)).count();
    assertThat(seen).hasSize((int) expectedCount);
  }

  @Property(tries = 200)
  void versionsOfOneKeyNeverInterleaveWithAnother(@ForAll @Size(max = 10) List<@IntRange(min = -300, max = 300) Integer> as) {
    NavigableMap<byte[], Integer> store = new TreeMap<>(Arrays::compareUnsigned);
    for (int a : as) {
      for (long ts = 0; ts < 3; ts++) {
        store.put(VersionedKeys.versioned(logical(9, 0, a, "k"), ts), a);
      }
    }
    for (int a : as) {
      byte[] k = logical(9, 0, a, "k");
      KeyRange all = VersionedKeys.allVersions(k);
      assertThat(store.subMap(all.lower(), true, all.upper(), true).values()).hasSize(3).containsOnly(a);
    }
  }
}
