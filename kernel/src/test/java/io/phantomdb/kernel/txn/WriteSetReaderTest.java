package io.phantomdb.kernel.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.Cursor;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay of a transaction's writes against a model: the stored versions with the writes put in at the read timestamp. */
class WriteSetReaderTest {
  @TempDir Path dir;

  private static byte[] logical(int i) {
    // prefix-free logical keys: a fixed-length body
    return new byte[] {7, (byte) (i >> 8), (byte) i};
  }

  @Test
  void scansAndGetsSeeTheWritesOverTheCommittedVersions() {
    for (long seed = 1; seed <= 40; seed++) {
      check(new Random(seed));
    }
  }

  private void check(Random random) {
    try (StorageEngine storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir.resolve("s" + random.nextInt(1 << 30))))) {
      Keyspace data = storage.createKeyspace("sql_data");
      Keyspace other = storage.createKeyspace("other");
      NavigableMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
      WriteBatch batch = new WriteBatch();
      int keys = 1 + random.nextInt(30);
      long readTs = 100;
      for (int i = 0; i < keys; i++) {
        int versions = random.nextInt(4);
        for (int v = 0; v < versions; v++) {
          long ts = 90 + random.nextInt(21); // some after the read timestamp, some exactly at it
          byte[] k = VersionedKeys.versioned(logical(i), ts);
          byte[] value = {(byte) i, (byte) v};
          batch.put(data, k, value);
          model.put(k, value);
        }
      }
      batch.put(other, new byte[] {1}, new byte[] {2});
      storage.write(batch, Durability.NO_SYNC);
      NavigableMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
      for (int i = 0; i < keys + 3; i++) {
        if (random.nextInt(3) == 0) {
          byte[] value = {(byte) 0xEE, (byte) i};
          writes.put(logical(i), value);
          byte[] versioned = VersionedKeys.versioned(logical(i), readTs);
          model.put(versioned, Checksums.seal(versioned, value)); // shown as stored: with a checksum
        }
      }
      WriteSetReader reader = new WriteSetReader(storage, data, writes, readTs);
      for (int q = 0; q < 30; q++) {
        KeyRange range = randomRange(random, keys + 3);
        for (ScanOrder order : ScanOrder.values()) {
          List<String> expected = new ArrayList<>();
          NavigableMap<byte[], byte[]> sub = model;
          for (Map.Entry<byte[], byte[]> e : (order == ScanOrder.FORWARD ? sub : sub.descendingMap()).entrySet()) {
            if (range.contains(e.getKey())) {
              expected.add(Arrays.toString(e.getKey()) + "=" + Arrays.toString(e.getValue()));
            }
          }
          List<String> actual = new ArrayList<>();
          try (Cursor c = reader.scan(data, range, order)) {
            while (c.next()) {
              actual.add(Arrays.toString(c.key()) + "=" + Arrays.toString(c.value()));
            }
          }
          assertThat(actual).as("%s %s", range, order).isEqualTo(expected);
        }
      }
      for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
        assertThat(reader.get(data, e.getKey())).isEqualTo(e.getValue());
      }
      assertThat(reader.get(data, VersionedKeys.versioned(logical(999), readTs))).isNull();
      assertThat(reader.get(other, new byte[] {1})).isEqualTo(new byte[] {2});
    }
  }

  private static KeyRange randomRange(Random random, int keys) {
    switch (random.nextInt(4)) {
      case 0:
        return KeyRange.all();
      case 1: {
        byte[] p = logical(random.nextInt(keys));
        return KeyRange.prefix(p);
      }
      case 2: {
        int a = random.nextInt(keys);
        int b = a + random.nextInt(keys);
        return KeyRange.closedOpen(logical(a), logical(b));
      }
      default: {
        int a = random.nextInt(keys);
        return KeyRange.closed(VersionedKeys.versioned(logical(a), 95 + random.nextInt(10)),
            VersionedKeys.versioned(logical(a + random.nextInt(3)), 90 + random.nextInt(20)));
      }
    }
  }
}
