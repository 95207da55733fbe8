package io.phantomdb.kernel.sql.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Visible versions over several ranges, forward and in reverse, against a model of the history. */
class RangeCursorTest {
  private static final byte[] PREFIX = KeyEncoder.tableIndexPrefix(100, 1);
  private static final KeyColumn KEY = KeyColumn.asc(TypeKind.INTEGER);
  private static final TableLayout TABLE = TableLayout.of(new TableDescriptor(100, 2, "t",
      List.of(ColumnDescriptor.of(1, "k", DataType.of(TypeKind.INTEGER).withNullable(false), null)),
      List.of(new IndexDescriptor(1, "t_pkey", List.of(IndexColumn.asc(1)), true, true, true)), List.of(), 2, 2));

  @TempDir Path dir;
  StorageEngine storage;
  Keyspace data;

  @BeforeEach
  void setUp() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    data = storage.createKeyspace("sql_data");
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  private static byte[] key(int k) {
    return new KeyEncoder().appendEncoded(PREFIX, 0, PREFIX.length).append(KEY, k).toByteArray();
  }

  private List<Integer> read(List<KeyRange> ranges, long at, ScanOrder order) {
    List<Integer> out = new ArrayList<>();
    try (RangeCursor c = new RangeCursor(storage, TABLE, data, ranges, at, order)) {
      while (c.next()) {
        out.add(c.value()[1] & 0xff);
      }
    }
    return out;
  }

  @Test
  void readsTheNewestVisibleVersionInEitherDirection() {
    // history of 40 keys over 30 timestamps: puts (value = the key) and deletions
    Random random = new Random(7);
    Map<Long, TreeMap<Integer, Boolean>> liveAt = new HashMap<>();
    TreeMap<Integer, Boolean> live = new TreeMap<>();
    for (long ts = 1; ts <= 30; ts++) {
      WriteBatch batch = new WriteBatch();
      for (int n = 0; n < 8; n++) {
        int k = random.nextInt(40);
        boolean delete = random.nextInt(3) == 0;
        Checksums.putVersion(batch, data, key(k), ts, delete ? RowCodec.tombstone() : new byte[] {1, (byte) k});
        live.put(k, !delete);
      }
      storage.write(batch, Durability.NO_SYNC);
      liveAt.put(ts, new TreeMap<>(live));
    }
    List<KeyRange> ranges = List.of(
        KeyRange.closedOpen(key(0), key(5)), KeyRange.prefix(key(9)), KeyRange.closedOpen(key(12), key(30)),
        KeyRange.closedOpen(key(31), key(31)), KeyRange.closedOpen(key(35), null));
    for (long at = 0; at <= 31; at++) {
      TreeMap<Integer, Boolean> state = liveAt.getOrDefault(Math.min(at, 30), new TreeMap<>());
      List<Integer> expected = new ArrayList<>();
      state.forEach((k, isLive) -> {
        boolean inRange = k < 5 || k == 9 || (k >= 12 && k < 30) || k >= 35;
        if (isLive && inRange) {
          expected.add(k);
        }
      });
      assertThat(read(ranges, at, ScanOrder.FORWARD)).as("forward at %d", at).isEqualTo(expected);
      Collections.reverse(expected);
      assertThat(read(ranges, at, ScanOrder.REVERSE)).as("reverse at %d", at).isEqualTo(expected);
    }
  }

  @Test
  void aPointLookupStopsAtTheVisibleVersionOfAKeyWithALongHistory() {
    // a hot row: 1,000 versions; a lookup of the whole key must not walk the older ones (nor, in an
    // LSM engine, the tombstones garbage collection leaves among them)
    for (long ts = 1; ts <= 1000; ts++) {
      WriteBatch batch = new WriteBatch();
      Checksums.putVersion(batch, data, key(9), ts, new byte[] {1, (byte) ts});
      Checksums.putVersion(batch, data, key(10), ts, new byte[] {1, 10});
      storage.write(batch, Durability.NO_SYNC);
    }
    int[] steps = new int[1];
    io.phantomdb.spi.storage.KeyValueReader counting = new io.phantomdb.spi.storage.KeyValueReader() {
      @Override
      public byte[] get(Keyspace keyspace, byte[] key) {
        return storage.get(keyspace, key);
      }

      @Override
      public io.phantomdb.spi.storage.Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
        io.phantomdb.spi.storage.Cursor c = storage.scan(keyspace, range, order);
        return new io.phantomdb.spi.storage.Cursor() {
          @Override
          public boolean next() {
            steps[0]++;
            return c.next();
          }

          @Override
          public byte[] key() {
            return c.key();
          }

          @Override
          public byte[] value() {
            return c.value();
          }

          @Override
          public void close() {
            c.close();
          }
        };
      }
    };
    for (long at : new long[] {1000, 500, 1}) {
      steps[0] = 0;
      List<Integer> values = new ArrayList<>();
      try (RangeCursor c = new RangeCursor(counting, TABLE, data, List.of(KeyRange.prefix(key(9))), at, ScanOrder.FORWARD)) {
        while (c.next()) {
          values.add(c.value()[1] & 0xff);
        }
      }
      assertThat(values).as("at %d", at).containsExactly((int) (at & 0xff));
      assertThat(steps[0]).as("storage steps at %d", at).isEqualTo(1 + (int) (1000 - at));
    }
    // two whole keys in one range still yield both
    assertThat(read(List.of(KeyRange.closedOpen(key(9), key(11))), 1000, ScanOrder.FORWARD)).containsExactly(1000 & 0xff, 10);
  }

  @Test
  void noRangesReadNothing() {
    assertThat(read(List.of(), 5, ScanOrder.FORWARD)).isEmpty();
    assertThat(read(List.of(), 5, ScanOrder.REVERSE)).isEmpty();
  }
}
