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
  void noRangesReadNothing() {
    assertThat(read(List.of(), 5, ScanOrder.FORWARD)).isEmpty();
    assertThat(read(List.of(), 5, ScanOrder.REVERSE)).isEmpty();
  }
}
