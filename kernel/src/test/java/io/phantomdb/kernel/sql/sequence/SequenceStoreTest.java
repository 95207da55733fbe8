package io.phantomdb.kernel.sql.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequence store alone: values written ahead in blocks, what a crash (a new store over the
 * same storage, the old one's memory lost) and a storage reopen keep, limits and cycling.
 */
class SequenceStoreTest {
  @TempDir Path dir;
  StorageEngine storage;
  Keyspace data;
  final Map<Integer, SequenceDescriptor> catalog = new HashMap<>();

  @BeforeEach
  void open() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    data = storage.createKeyspace("sql_data");
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private SequenceDescriptor define(int id, long start, long increment, long min, long max, long cache, boolean cycle) {
    SequenceDescriptor d = new SequenceDescriptor(id, 1, "s" + id, TypeKind.BIGINT, start, increment, min, max,
        cache, cycle, 0, 0, false);
    catalog.put(id, d);
    WriteBatch b = new WriteBatch();
    SequenceStore.putState(b, data, id, new SequenceStore.Value(start, false));
    storage.write(b, Durability.SYNC);
    return d;
  }

  private SequenceStore store() {
    return new SequenceStore(storage, data, catalog::get);
  }

  private long persisted(int id) {
    return SequenceKeys.last(storage.get(data, SequenceKeys.key(id)));
  }

  @Test
  void writesAheadInBlocksOf32() {
    SequenceDescriptor s = define(500, 1, 1, 1, Long.MAX_VALUE, 1, false);
    SequenceStore store = store();
    assertThat(store.nextval(s)).isEqualTo(1);
    assertThat(persisted(500)).isEqualTo(32);
    for (int i = 2; i <= 32; i++) {
      assertThat(store.nextval(s)).isEqualTo(i);
    }
    assertThat(persisted(500)).isEqualTo(32);
    assertThat(store.nextval(s)).isEqualTo(33);
    assertThat(persisted(500)).isEqualTo(64);
  }

  @Test
  void aCrashNeverRepeatsAValue() {
    SequenceDescriptor s = define(501, 10, 5, 1, Long.MAX_VALUE, 1, false);
    List<Long> seen = new ArrayList<>();
    for (int crash = 0; crash < 5; crash++) {
      SequenceStore store = store(); // the previous store's memory is lost, as in kill -9
      for (int i = 0; i < 7 + crash * 13; i++) {
        seen.add(store.nextval(s));
      }
    }
    assertThat(seen).doesNotHaveDuplicates().isSorted();
    assertThat(seen.get(0)).isEqualTo(10);
  }

  @Test
  void surviveStorageReopen() {
    SequenceDescriptor s = define(502, 1, 1, 1, Long.MAX_VALUE, 1, false);
    long last = 0;
    for (int i = 0; i < 3; i++) {
      last = store().nextval(s);
    }
    storage.close();
    open();
    assertThat(store().nextval(s)).isGreaterThan(last);
  }

  @Test
  void flushKeepsTheExactValue() {
    SequenceDescriptor s = define(503, 1, 1, 1, Long.MAX_VALUE, 1, false);
    SequenceStore store = store();
    store.nextval(s);
    store.nextval(s);
    store.flush();
    assertThat(store().nextval(s)).isEqualTo(3);
  }

  @Test
  void cacheMakesLargerBlocks() {
    SequenceDescriptor s = define(504, 1, 2, 1, Long.MAX_VALUE, 100, false);
    store().nextval(s);
    assertThat(persisted(504)).isEqualTo(1 + 99 * 2);
  }

  @Test
  void theBlockStopsAtTheLimit() {
    SequenceDescriptor s = define(505, 1, 1, 1, 10, 1, false);
    SequenceStore store = store();
    store.nextval(s);
    assertThat(persisted(505)).isEqualTo(10);
    for (int i = 2; i <= 10; i++) {
      store.nextval(s);
    }
    assertThatThrownBy(() -> store.nextval(s)).isInstanceOf(SqlException.class)
        .hasMessage("nextval: reached maximum value of sequence \"s505\" (10)")
        .extracting(e -> ((SqlException) e).sqlState()).isEqualTo("2200H");
    assertThatThrownBy(() -> store().nextval(s)).isInstanceOf(SqlException.class);
  }

  @Test
  void descendingAndCycling() {
    SequenceDescriptor s = define(506, 2, -1, -1, 2, 1, true);
    SequenceStore store = store();
    List<Long> v = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      v.add(store.nextval(s));
    }
    assertThat(v).containsExactly(2L, 1L, 0L, -1L, 2L, 1L);
  }

  @Test
  void extremeValuesDoNotOverflow() {
    SequenceDescriptor s = define(507, Long.MAX_VALUE - 1, 1, 1, Long.MAX_VALUE, 1000, false);
    SequenceStore store = store();
    assertThat(store.nextval(s)).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(store.nextval(s)).isEqualTo(Long.MAX_VALUE);
    assertThat(persisted(507)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> store.nextval(s)).isInstanceOf(SqlException.class);
    SequenceDescriptor down = define(508, Long.MIN_VALUE + 1, -3, Long.MIN_VALUE, 0, 1, false);
    assertThat(store.nextval(down)).isEqualTo(Long.MIN_VALUE + 1);
    assertThatThrownBy(() -> store.nextval(down)).isInstanceOf(SqlException.class)
        .hasMessageContaining("reached minimum value");
  }

  @Test
  void setvalIsDurableAndChecked() {
    SequenceDescriptor s = define(509, 1, 1, 1, 100, 1, false);
    SequenceStore store = store();
    store.nextval(s);
    store.setval(s, 50, true);
    assertThat(store().nextval(s)).isEqualTo(51);
    store.setval(s, 7, false);
    assertThat(store().nextval(s)).isEqualTo(7);
    assertThatThrownBy(() -> store.setval(s, 101, true)).isInstanceOf(SqlException.class)
        .hasMessage("setval: value 101 is out of bounds for sequence \"s509\" (1..100)");
  }

  @Test
  void aDroppedSequenceFails() {
    SequenceDescriptor s = define(510, 1, 1, 1, 100, 1, false);
    SequenceStore store = store();
    store.nextval(s);
    catalog.remove(510);
    assertThatThrownBy(() -> store.nextval(s)).isInstanceOf(SqlException.class)
        .extracting(e -> ((SqlException) e).sqlState()).isEqualTo("42P01");
    assertThat(store.exists(510)).isFalse();
  }
}
