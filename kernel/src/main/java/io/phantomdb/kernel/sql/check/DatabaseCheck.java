package io.phantomdb.kernel.sql.check;

import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.DatabaseDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.check.CheckReport.Problem;
import io.phantomdb.kernel.sql.encoding.KeyDecoder;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import io.phantomdb.kernel.sql.sequence.SequenceKeys;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a whole database offline ({@code phantomdb check}): the checksums of the catalog's
 * entries, then every table ({@link TableCheck}: rows, index entries, every version, and each
 * index against its table), the state of every sequence, and that no stored key lies outside the
 * tables and indexes the catalog knows. Reads only; nothing is repaired. The storage engine must
 * not be in use by a running SQL engine.
 */
public final class DatabaseCheck {
  private DatabaseCheck() {}

  /**
   * @param storage an open storage engine
   * @return true if it holds a PhantomDB database (a SQL catalog and data keyspace)
   */
  public static boolean holdsDatabase(StorageEngine storage) {
    List<String> keyspaces = storage.keyspaces();
    if (!keyspaces.contains(CatalogStore.KEYSPACE) || !keyspaces.contains(SqlEngine.DATA_KEYSPACE)) {
      return false;
    }
    try (Cursor c = storage.scan(storage.keyspace(CatalogStore.KEYSPACE), KeyRange.all(), ScanOrder.FORWARD)) {
      return c.next();
    }
  }

  /**
   * Runs the check.
   *
   * @param storage an open storage engine that {@linkplain #holdsDatabase holds a database}
   * @return what was checked and what is damaged
   * @throws io.phantomdb.kernel.sql.SqlException 55000 if the store holds another data format
   */
  public static CheckReport run(StorageEngine storage) {
    List<Problem> problems = new ArrayList<>();
    List<byte[]> damaged = CatalogStore.damagedEntries(storage);
    for (byte[] key : damaged) {
      problems.add(new Problem("catalog", "Key \\x" + HexFormat.of().formatHex(key), "invalid checksum"));
    }
    if (!damaged.isEmpty()) {
      problems.add(new Problem("catalog", "-", "the catalog cannot be read, so no table was checked"));
      return new CheckReport(List.of(), problems);
    }
    CatalogSnapshot catalog = CatalogStore.open(storage).current();
    Keyspace data = storage.keyspace(SqlEngine.DATA_KEYSPACE);
    List<CheckReport.TableResult> tables = new ArrayList<>();
    List<byte[]> known = new ArrayList<>();
    for (DatabaseDescriptor db : sorted(catalog.databases(), DatabaseDescriptor::name)) {
      for (SchemaDescriptor schema : sorted(catalog.schemas(db.id()), SchemaDescriptor::name)) {
        for (CatalogObject o : sorted(catalog.relations(schema.id()), CatalogObject::name)) {
          String name = db.name() + "." + schema.name() + "." + o.name();
          if (o instanceof TableDescriptor t) {
            tables.add(new TableCheck(storage, data, TableLayout.of(t)).run(name));
            known.add(KeyEncoder.tableIndexPrefix(t.id(), IndexDescriptor.PRIMARY_INDEX_ID));
            for (IndexDescriptor i : t.secondaryIndexes()) {
              known.add(KeyEncoder.tableIndexPrefix(t.id(), i.id()));
            }
          } else if (o instanceof SequenceDescriptor s) {
            byte[] state = storage.get(data, SequenceKeys.key(s.id()));
            if (state != null && !SequenceKeys.intact(s.id(), state)) {
              problems.add(new Problem("sequence \"" + name + "\"", "state", "invalid checksum"));
            }
          }
        }
      }
    }
    problems.addAll(strayKeys(storage, data, known));
    return new CheckReport(tables, problems);
  }

  /** Keys outside every known table and index (the engine's own keys start with 00). */
  private static List<Problem> strayKeys(StorageEngine storage, Keyspace data, List<byte[]> known) {
    known.sort(Arrays::compareUnsigned);
    List<KeyRange> gaps = new ArrayList<>();
    byte[] from = {1};
    for (byte[] prefix : known) {
      gaps.add(KeyRange.closedOpen(from, prefix));
      from = KeyRange.prefixEnd(prefix);
    }
    if (from != null) {
      gaps.add(KeyRange.closedOpen(from, null));
    }
    Map<String, Long> stray = new TreeMap<>();
    for (KeyRange gap : gaps) {
      if (gap.isEmpty()) {
        continue;
      }
      try (Cursor c = storage.scan(data, gap, ScanOrder.FORWARD)) {
        while (c.next()) {
          stray.merge(owner(c.key()), 1L, Long::sum);
        }
      }
    }
    List<Problem> problems = new ArrayList<>();
    stray.forEach((owner, n) -> problems.add(new Problem("data", owner,
        n + " stored version" + (n == 1 ? "" : "s") + " of no table or index in the catalog")));
    return problems;
  }

  private static String owner(byte[] key) {
    try {
      int[] ids = new KeyDecoder(key).readTableIndex();
      return "table id " + ids[0] + ", index id " + ids[1];
    } catch (RuntimeException e) {
      return "Key \\x" + HexFormat.of().formatHex(key);
    }
  }

  private static <T> List<T> sorted(List<T> list, java.util.function.Function<T, String> name) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(name));
    return copy;
  }
}
