package io.phantomdb.kernel.sql.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageCorruptionException;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the catalog in the storage keyspace {@code sql_catalog}: key {@code [kind tag][id, 4
 * bytes]} → the descriptor as JSON, {@code ['S'][table id]} → the table's {@link TableStatistics}
 * as JSON, plus a counter key holding the next object id; every value followed by its {@linkplain
 * Checksums checksum}, verified on open (XX001). A marker key holds the {@linkplain #DATA_FORMAT
 * data format}: a store of another format is refused (55000) rather than misread. Loads it whole
 * on open (creating database {@code postgres} with schema {@code public} in a new store, as
 * PostgreSQL's initdb does) and publishes an immutable {@link CatalogSnapshot} after each change.
 *
 * <p>Changes go through {@link #change()}: one at a time (a lock), each written in one storage
 * batch together with whatever data changes the DDL statement adds to it, so DDL is atomic.
 */
public final class CatalogStore {
  /** The storage keyspace of the catalog. */
  public static final String KEYSPACE = "sql_catalog";
  /** The database a new store starts with. */
  public static final String DEFAULT_DATABASE = "postgres";
  /** The schema every database starts with. */
  public static final String DEFAULT_SCHEMA = "public";

  /**
   * The data format this build writes and reads: 2 = every row version, index entry and catalog
   * entry carries a {@linkplain Checksums checksum} (format 1, before, had none and no marker).
   */
  public static final int DATA_FORMAT = 2;

  private static final byte[] NEXT_ID_KEY = {0, 'n', 'e', 'x', 't', '-', 'i', 'd'};
  /** The data format, a plain 4-byte integer (no checksum, so any version can read it). */
  private static final byte[] FORMAT_KEY = {0, 'f', 'o', 'r', 'm', 'a', 't'};
  /** First byte of the keys of table statistics ({@code ['S'][table id]} → JSON). */
  private static final byte STATISTICS_TAG = 'S';
  /** The first id of a new store: user objects get OIDs from 16384, as in PostgreSQL. */
  private static final int FIRST_ID = 16384;
  /** The OID of database {@code postgres} in PostgreSQL 15. */
  private static final int DEFAULT_DATABASE_ID = 5;
  /** The OID of schema {@code public} in PostgreSQL 15. */
  private static final int DEFAULT_SCHEMA_ID = 2200;

  private final StorageEngine storage;
  private final Keyspace keyspace;
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final ReentrantLock changeLock = new ReentrantLock();
  private volatile CatalogSnapshot current;
  private int nextId;

  private CatalogStore(StorageEngine storage) {
    this.storage = storage;
    this.keyspace = storage.createKeyspace(KEYSPACE);
  }

  /**
   * Opens the catalog of a store, creating the initial database and schema in an empty one.
   *
   * @param storage the open storage engine
   * @return the catalog
   * @throws StorageCorruptionException if a stored descriptor cannot be read
   */
  public static CatalogStore open(StorageEngine storage) {
    CatalogStore store = new CatalogStore(storage);
    store.load();
    CatalogSnapshot loaded = store.current;
    boolean noOids = loaded.objects().stream().anyMatch(o -> o instanceof TableDescriptor t && needsOids(t));
    if (loaded.databases().isEmpty() || loaded.roles().isEmpty() || noOids) {
      try (Change c = store.change()) {
        if (loaded.databases().isEmpty()) {
          c.batch.put(store.keyspace, FORMAT_KEY, ByteBuffer.allocate(4).putInt(DATA_FORMAT).array());
          DatabaseDescriptor db = new DatabaseDescriptor(DEFAULT_DATABASE_ID, DEFAULT_DATABASE);
          c.put(db);
          c.put(new SchemaDescriptor(DEFAULT_SCHEMA_ID, db.id(), DEFAULT_SCHEMA));
        }
        if (loaded.roles().isEmpty()) {
          c.put(new RoleDescriptor(RoleDescriptor.BOOTSTRAP_ID, RoleDescriptor.BOOTSTRAP_NAME, true, true, true,
              true, true, true, true, -1, null, null));
        }
        for (CatalogObject o : loaded.objects()) {
          if (o instanceof TableDescriptor t && needsOids(t)) {
            c.put(t); // a store from before OIDs: its indexes and checks get them now, once
          }
        }
        c.commit(new WriteBatch());
      }
    }
    return store;
  }

  /**
   * Checks that a store holds the data format this build reads.
   *
   * @param storage the open storage engine
   * @param catalog its catalog keyspace
   * @throws SqlException 55000 if the catalog is not empty and of another format
   */
  static void checkFormat(StorageEngine storage, Keyspace catalog) {
    byte[] marker = storage.get(catalog, FORMAT_KEY);
    int format;
    if (marker != null) {
      format = marker.length == 4 ? ByteBuffer.wrap(marker).getInt() : -1;
    } else {
      try (Cursor c = storage.scan(catalog, KeyRange.all(), ScanOrder.FORWARD)) {
        if (!c.next()) {
          return; // a new store
        }
      }
      format = 1; // written before the marker existed
    }
    if (format != DATA_FORMAT) {
      throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "database files are incompatible with this PhantomDB: the data directory has data format "
              + (format < 0 ? "(unreadable)" : format) + ", this PhantomDB reads data format " + DATA_FORMAT,
          null, null, null);
    }
  }

  /**
   * Verifies the checksum of every catalog entry, for {@code phantomdb check}.
   *
   * @param storage the open storage engine, holding a catalog
   * @return the keys of the damaged entries; empty if all are intact
   * @throws SqlException 55000 if the store holds another data format
   */
  public static java.util.List<byte[]> damagedEntries(StorageEngine storage) {
    java.util.List<byte[]> damaged = new java.util.ArrayList<>();
    Keyspace ks = storage.keyspace(KEYSPACE);
    checkFormat(storage, ks);
    try (Cursor c = storage.scan(ks, KeyRange.all(), ScanOrder.FORWARD)) {
      while (c.next()) {
        if (!java.util.Arrays.equals(c.key(), FORMAT_KEY) && !Checksums.verify(c.key(), c.value())) {
          damaged.add(c.key());
        }
      }
    }
    return damaged;
  }

  private static boolean needsOids(TableDescriptor t) {
    return t.indexes().stream().anyMatch(i -> i.oid() == 0) || t.checks().stream().anyMatch(ch -> ch.oid() == 0);
  }

  private void load() {
    checkFormat(storage, keyspace);
    Map<Integer, CatalogObject> objects = new HashMap<>();
    Map<Integer, TableStatistics> statistics = new HashMap<>();
    int next = FIRST_ID;
    try (Cursor c = storage.scan(keyspace, KeyRange.all(), ScanOrder.FORWARD)) {
      while (c.next()) {
        byte[] key = c.key();
        if (java.util.Arrays.equals(key, FORMAT_KEY)) {
          continue;
        }
        byte[] value = verified(key, c.value());
        if (java.util.Arrays.equals(key, NEXT_ID_KEY)) {
          next = ByteBuffer.wrap(value).getInt();
          continue;
        }
        if (key.length > 0 && key[0] == STATISTICS_TAG) {
          TableStatistics s = read(key, value, TableStatistics.class);
          statistics.put(s.tableId(), s);
          continue;
        }
        CatalogObject o = read(key, value, CatalogObject.class);
        objects.put(o.id(), o);
      }
    }
    nextId = next;
    current = new CatalogSnapshot(0, objects, statistics);
  }

  /** The body of a catalog value whose checksum matches; XX001 otherwise. */
  private static byte[] verified(byte[] key, byte[] stored) {
    if (!Checksums.verify(key, stored)) {
      throw new SqlException(SqlState.DATA_CORRUPTED,
          "invalid checksum in catalog entry \\x" + java.util.HexFormat.of().formatHex(key), null, null, null);
    }
    return Checksums.body(stored);
  }

  private void putSealed(WriteBatch batch, byte[] key, byte[] body) {
    batch.put(keyspace, key, Checksums.seal(key, body));
  }

  private <T> T read(byte[] key, byte[] value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (IOException e) {
      throw new StorageCorruptionException(
          "catalog entry " + java.util.HexFormat.of().formatHex(key) + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** @return the catalog as of the last committed change */
  public CatalogSnapshot current() {
    return current;
  }

  /**
   * Starts a catalog change; only one runs at a time (this blocks until the previous one ends).
   *
   * @return the change, to be committed or closed (which abandons it)
   */
  public Change change() {
    changeLock.lock();
    return new Change();
  }

  private static byte[] key(CatalogObject o) {
    return ByteBuffer.allocate(5).put(o.kind().tag()).putInt(o.id()).array();
  }

  private static byte[] statisticsKey(int tableId) {
    return ByteBuffer.allocate(5).put(STATISTICS_TAG).putInt(tableId).array();
  }

  /**
   * One catalog change: new ids, objects to put and delete, committed in one storage batch with
   * the statement's data changes. Not thread-safe; holds the catalog's change lock until closed.
   */
  public final class Change implements AutoCloseable {
    private final Map<Integer, CatalogObject> objects = new HashMap<>(current.objectsById());
    private final Map<Integer, TableStatistics> statistics = new HashMap<>(current.statisticsByTable());
    private final WriteBatch batch = new WriteBatch();
    private int next = nextId;
    private boolean done;

    private Change() {}

    /** @return the catalog as this change has it so far */
    public CatalogSnapshot view() {
      return new CatalogSnapshot(current.version() + 1, objects, statistics);
    }

    /** @return a fresh object id */
    public int newId() {
      return next++;
    }

    /**
     * Adds or replaces an object.
     *
     * @param o the object
     */
    public void put(CatalogObject o) {
      if (o instanceof TableDescriptor t && needsOids(t)) {
        o = withOids(t, objects.get(t.id()) instanceof TableDescriptor old ? old : null);
      }
      try {
        putSealed(batch, key(o), json.writeValueAsBytes(o));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot serialize " + o, e);
      }
      objects.put(o.id(), o);
    }

    /**
     * Gives the table's indexes and checks without an OID one: the OID of the same index (by id)
     * or check (by name, else by condition) in the table's previous version, else a new id.
     */
    private TableDescriptor withOids(TableDescriptor t, TableDescriptor old) {
      java.util.List<IndexDescriptor> indexes = new java.util.ArrayList<>();
      for (IndexDescriptor i : t.indexes()) {
        int oid = i.oid();
        if (oid == 0 && old != null) {
          oid = old.indexes().stream().filter(x -> x.id() == i.id()).mapToInt(IndexDescriptor::oid).findFirst().orElse(0);
        }
        indexes.add(i.withOid(oid != 0 ? oid : newId()));
      }
      java.util.List<CheckDescriptor> oldChecks = old == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(old.checks());
      java.util.List<CheckDescriptor> checks = new java.util.ArrayList<>();
      for (CheckDescriptor ch : t.checks()) {
        int oid = ch.oid();
        if (oid == 0) {
          CheckDescriptor same = oldChecks.stream().filter(x -> x.name().equals(ch.name())).findFirst()
              .or(() -> oldChecks.stream().filter(x -> x.sql().equals(ch.sql())).findFirst()).orElse(null);
          if (same != null && same.oid() != 0) {
            oldChecks.remove(same);
            oid = same.oid();
          }
        }
        checks.add(ch.withOid(oid != 0 ? oid : newId()));
      }
      return t.withIndexes(indexes, t.nextIndexId()).withChecks(checks);
    }

    /**
     * Removes an object (a table's statistics with it).
     *
     * @param o the object
     */
    public void delete(CatalogObject o) {
      batch.delete(keyspace, key(o));
      objects.remove(o.id());
      if (o instanceof TableDescriptor && statistics.remove(o.id()) != null) {
        batch.delete(keyspace, statisticsKey(o.id()));
      }
    }

    /**
     * Adds or replaces a table's statistics.
     *
     * @param s the statistics (of a table in this change's view)
     */
    public void putStatistics(TableStatistics s) {
      try {
        putSealed(batch, statisticsKey(s.tableId()), json.writeValueAsBytes(s));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot serialize " + s, e);
      }
      statistics.put(s.tableId(), s);
    }

    /**
     * Writes the change and {@code data} (the statement's data changes) in one synced batch, then
     * publishes the new catalog.
     *
     * @param data data changes to make atomically with the catalog change
     */
    public void commit(WriteBatch data) {
      putSealed(batch, NEXT_ID_KEY, ByteBuffer.allocate(4).putInt(next).array());
      data.forEach(
          new WriteBatch.Visitor() {
            @Override
            public void put(Keyspace ks, byte[] k, byte[] v) {
              batch.put(ks, k, v);
            }

            @Override
            public void delete(Keyspace ks, byte[] k) {
              batch.delete(ks, k);
            }

            @Override
            public void deleteRange(Keyspace ks, byte[] from, byte[] to) {
              batch.deleteRange(ks, from, to);
            }
          });
      storage.write(batch, Durability.SYNC);
      nextId = next;
      current = new CatalogSnapshot(current.version() + 1, objects, statistics);
      done = true;
    }

    /** Ends the change (abandoning it if not committed) and releases the lock. */
    @Override
    public void close() {
      if (changeLock.isHeldByCurrentThread()) {
        changeLock.unlock();
      }
      done = true;
    }
  }
}
