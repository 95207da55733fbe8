package io.phantomdb.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property test: random sequences of puts, deletes, range deletes, multi-operation batches,
 * snapshots and reopens, applied to the engine and to a {@code TreeMap} with unsigned byte order;
 * every scan (both directions, random bounds) must agree with the model. Keys come from a small
 * alphabet of edge bytes ({@code 00 01 7f 80 ff}) and lengths 0 to 3, so collisions, empty keys
 * and prefixes are frequent.
 *
 * <p>An engine's test class extends this and implements only {@link #createEngine(Path)}.
 */
public abstract class AbstractStorageModelTest {

  /**
   * The one hook, as in {@link StorageTestSupport#createEngine(Path)}.
   *
   * @param directory the engine's data directory
   * @return an open engine
   */
  protected abstract StorageEngine createEngine(Path directory);

  /** One step of a generated history. */
  sealed interface Step permits Put, Delete, DeleteRange, Batch, Check, Reopen, SnapshotCheck {}

  record Put(byte[] key, byte[] value) implements Step {}

  record Delete(byte[] key) implements Step {}

  record DeleteRange(byte[] from, byte[] to) implements Step {}

  record Batch(List<Step> ops) implements Step {}

  record Check(byte[] lo, boolean loInc, byte[] hi, boolean hiInc, boolean reverse) implements Step {}

  record SnapshotCheck(byte[] key, byte[] value) implements Step {}

  record Reopen() implements Step {}

  @Property(tries = 60)
  void behavesLikeASortedMap(@ForAll("histories") List<Step> history) throws IOException {
    Path dir = Files.createTempDirectory("phantomdb-model-");
    StorageEngine[] engine = {createEngine(dir.resolve("e"))};
    try {
      Keyspace[] ks = {engine[0].createKeyspace("m")};
      NavigableMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
      for (Step step : history) {
        if (step instanceof Reopen) {
          engine[0].close();
          engine[0] = createEngine(dir.resolve("e"));
          ks[0] = engine[0].keyspace("m");
        } else if (step instanceof Check c) {
          check(engine[0], ks[0], model, c);
        } else if (step instanceof SnapshotCheck s) {
          try (ReadSnapshot snap = engine[0].snapshot()) {
            Map<String, String> before = dump(snap, ks[0]);
            engine[0].write(new WriteBatch().put(ks[0], s.key(), s.value()), Durability.NO_SYNC);
            model.put(s.key(), s.value());
            assertThat(dump(snap, ks[0])).isEqualTo(before);
          }
        } else {
          WriteBatch batch = new WriteBatch();
          add(batch, ks[0], step, model);
          engine[0].write(batch, Durability.NO_SYNC);
        }
      }
      check(engine[0], ks[0], model, new Check(null, true, null, true, false));
    } finally {
      engine[0].close();
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void add(WriteBatch batch, Keyspace ks, Step step, NavigableMap<byte[], byte[]> model) {
    if (step instanceof Put p) {
      batch.put(ks, p.key(), p.value());
      model.put(p.key(), p.value());
    } else if (step instanceof Delete d) {
      batch.delete(ks, d.key());
      model.remove(d.key());
    } else if (step instanceof DeleteRange d) {
      batch.deleteRange(ks, d.from(), d.to());
      if (Arrays.compareUnsigned(d.from(), d.to()) < 0) {
        model.subMap(d.from(), true, d.to(), false).clear();
      }
    } else if (step instanceof Batch b) {
      b.ops().forEach(op -> add(batch, ks, op, model));
    } else {
      throw new IllegalArgumentException(step.toString());
    }
  }

  private static void check(StorageEngine engine, Keyspace ks, NavigableMap<byte[], byte[]> model, Check c) {
    KeyRange range = KeyRange.of(c.lo(), c.loInc(), c.hi(), c.hiInc());
    List<String> expected = new ArrayList<>();
    List<byte[]> modelKeys = new ArrayList<>(model.keySet());
    if (c.reverse()) {
      java.util.Collections.reverse(modelKeys);
    }
    for (byte[] key : modelKeys) {
      if (range.contains(key)) {
        expected.add(hex(key) + "=" + hex(model.get(key)));
      }
    }
    List<String> actual = new ArrayList<>();
    try (Cursor cur = engine.scan(ks, range, c.reverse() ? ScanOrder.REVERSE : ScanOrder.FORWARD)) {
      while (cur.next()) {
        actual.add(hex(cur.key()) + "=" + hex(cur.value()));
      }
    }
    assertThat(actual).as("scan %s %s", range, c.reverse() ? "reverse" : "forward").isEqualTo(expected);
    for (byte[] key : model.keySet()) {
      assertThat(hex(engine.get(ks, key))).isEqualTo(hex(model.get(key)));
    }
  }

  private static Map<String, String> dump(KeyValueReader reader, Keyspace ks) {
    Map<String, String> out = new TreeMap<>();
    try (Cursor c = reader.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
      while (c.next()) {
        out.put(hex(c.key()), hex(c.value()));
      }
    }
    return out;
  }

  private static String hex(byte[] b) {
    return b == null ? "null" : HexFormat.of().formatHex(b);
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<byte[]> keys =
        Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x7F, (byte) 0x80, (byte) 0xFF)
            .list()
            .ofMaxSize(3)
            .map(AbstractStorageModelTest::toArray);
    Arbitrary<byte[]> values = Arbitraries.bytes().list().ofMaxSize(4).map(AbstractStorageModelTest::toArray);
    Arbitrary<Step> put = net.jqwik.api.Combinators.combine(keys, values).as(Put::new);
    Arbitrary<Step> delete = keys.map(Delete::new);
    Arbitrary<Step> deleteRange = net.jqwik.api.Combinators.combine(keys, keys).as(DeleteRange::new);
    Arbitrary<Step> simple = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, put), net.jqwik.api.Tuple.of(3, delete), net.jqwik.api.Tuple.of(1, deleteRange));
    Arbitrary<Step> batch = simple.list().ofMinSize(2).ofMaxSize(6).map(Batch::new);
    Arbitrary<Step> check =
        net.jqwik.api.Combinators.combine(
                keys.injectNull(0.3), Arbitraries.of(true, false), keys.injectNull(0.3),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as(Check::new);
    Arbitrary<Step> snapshot = net.jqwik.api.Combinators.combine(keys, values).as(SnapshotCheck::new);
    Arbitrary<Step> reopen = Arbitraries.just(new Reopen());
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, simple),
            net.jqwik.api.Tuple.of(3, batch),
            net.jqwik.api.Tuple.of(4, check),
            net.jqwik.api.Tuple.of(1, snapshot),
            net.jqwik.api.Tuple.of(1, reopen))
        .list()
        .ofMaxSize(40);
  }

  private static byte[] toArray(List<Byte> list) {
    byte[] out = new byte[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
