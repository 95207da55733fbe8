package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.UnknownKeyspaceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The keyspaces of one engine and every column family handle it holds: keyspaces by name, plus
 * RocksDB's {@code default} column family, column families without the {@link
 * LsmKeyspace#CF_PREFIX} (never shown as keyspaces) and those of dropped keyspaces not yet freed.
 *
 * <p>Thread-safe: lookups are lock-free, creation and dropping are serialized. Methods that call
 * RocksDB must run inside the engine's guard.
 */
final class LsmKeyspaces {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
  private static final byte[] PREFIX = LsmKeyspace.CF_PREFIX.getBytes(StandardCharsets.UTF_8);

  private final LsmStorageEngine engine;
  private final RocksDB db;
  private final ColumnFamilyOptions options;
  private final Path directory;
  private final Map<String, LsmKeyspace> byName = new ConcurrentHashMap<>();
  private final Set<ColumnFamilyHandle> handles = ConcurrentHashMap.newKeySet();
  private final Object ddlLock = new Object();

  /**
   * @param names the column families the database was opened with
   * @param openHandles their handles, in the same order; owned from now on
   */
  LsmKeyspaces(LsmStorageEngine engine, RocksDB db, ColumnFamilyOptions options, Path directory,
      List<byte[]> names, List<ColumnFamilyHandle> openHandles) {
    this.engine = engine;
    this.db = db;
    this.options = options;
    this.directory = directory;
    for (int i = 0; i < names.size(); i++) {
      byte[] name = names.get(i);
      handles.add(openHandles.get(i));
      if (name.length > PREFIX.length
          && Arrays.equals(name, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
        String ks = new String(name, PREFIX.length, name.length - PREFIX.length,
            StandardCharsets.UTF_8);
        byName.put(ks, new LsmKeyspace(engine, ks, openHandles.get(i)));
      }
    }
  }

  /**
   * @param name a keyspace name
   * @throws IllegalArgumentException if the SPI does not allow it
   */
  static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid keyspace name '" + name + "': use 1 to 200"
          + " characters from [A-Za-z0-9_.-]");
    }
  }

  /** Returns the keyspace {@code name}, creating its column family if needed. */
  LsmKeyspace create(String name) throws RocksDBException {
    LsmKeyspace existing = byName.get(name);
    if (existing != null) {
      return existing;
    }
    synchronized (ddlLock) {
      existing = byName.get(name);
      if (existing != null) {
        return existing;
      }
      ColumnFamilyHandle handle = db.createColumnFamily(
          new ColumnFamilyDescriptor(LsmKeyspace.columnFamilyName(name), options));
      handles.add(handle);
      LsmKeyspace created = new LsmKeyspace(engine, name, handle);
      byName.put(name, created);
      return created;
    }
  }

  /** @throws UnknownKeyspaceException if there is no keyspace {@code name} */
  LsmKeyspace get(String name) {
    LsmKeyspace ks = byName.get(name);
    if (ks == null) {
      throw unknown(name);
    }
    return ks;
  }

  /** @return the keyspace names, ascending */
  List<String> names() {
    List<String> names = new ArrayList<>(byName.keySet());
    names.sort(null);
    return names;
  }

  /** @return the number of keyspaces */
  int size() {
    return byName.size();
  }

  /**
   * Marks the keyspace dropped and drops its column family. The handle stays open: free it with
   * {@link #free(LsmKeyspace)} once no call can still use it.
   *
   * @return the dropped keyspace
   * @throws UnknownKeyspaceException if there is no keyspace {@code name}
   */
  LsmKeyspace drop(String name) throws RocksDBException {
    synchronized (ddlLock) {
      LsmKeyspace ks = get(name);
      ks.setDropped(true);
      try {
        db.dropColumnFamily(ks.handle());
      } catch (RocksDBException | RuntimeException e) {
        ks.setDropped(false);
        throw e;
      }
      byName.remove(name);
      return ks;
    }
  }

  /** Closes the handle of a dropped keyspace, unless {@link #closeAll()} already did. */
  void free(LsmKeyspace dropped) {
    if (handles.remove(dropped.handle())) {
      dropped.handle().close();
    }
  }

  /** Closes every handle; call after every call has left the engine's guard. */
  void closeAll() {
    handles.forEach(ColumnFamilyHandle::close);
    handles.clear();
  }

  private UnknownKeyspaceException unknown(String name) {
    return new UnknownKeyspaceException("no keyspace '" + name + "' in " + directory
        + "; existing keyspaces: " + names());
  }
}
