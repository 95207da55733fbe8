package io.phantomdb.tck.storage.memory;

import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ReadSnapshot;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageClosedException;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageException;
import io.phantomdb.spi.storage.StorageStats;
import io.phantomdb.spi.storage.UnknownKeyspaceException;
import io.phantomdb.spi.storage.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The reference engine. One writer at a time (a lock) appends each batch to the {@link MemoryLog}
 * and then applies it at the next sequence number, which it publishes last; readers read at the
 * published sequence number (or a snapshot's) without locking, so a batch becomes visible whole.
 */
public final class MemoryStorageEngine implements StorageEngine {
  static final int MAX_KEY_LENGTH = 1 << 20;
  static final int MAX_VALUE_LENGTH = 64 << 20;
  private static final Pattern KEYSPACE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
  private static final String LOG = "memory.log";

  private final Path dir;
  private final FileChannel lockChannel;
  private final ConcurrentHashMap<String, MemoryKeyspace> keyspaces = new ConcurrentHashMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private MemoryLog log;
  private volatile long seq;
  private volatile boolean closed;

  private MemoryStorageEngine(Path dir, FileChannel lockChannel) {
    this.dir = dir;
    this.lockChannel = lockChannel;
  }

  /**
   * Opens or creates the engine in {@code dir}.
   *
   * @param dir the data directory
   * @return the open engine
   */
  public static MemoryStorageEngine open(Path dir) {
    FileChannel lockChannel = lock(dir);
    MemoryStorageEngine engine = new MemoryStorageEngine(dir, lockChannel);
    try {
      engine.log = MemoryLog.open(dir.resolve(LOG), engine::replay);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
    return engine;
  }

  private static FileChannel lock(Path dir) {
    FileChannel ch = null;
    try {
      Files.createDirectories(dir);
      ch = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        throw new StorageException("data directory " + dir + " is in use by another process");
      }
      return ch;
    } catch (OverlappingFileLockException e) {
      closeQuietly(ch);
      throw new StorageException("data directory " + dir + " is already open in this process");
    } catch (IOException e) {
      closeQuietly(ch);
      throw new StorageException("cannot open data directory " + dir + ": " + e.getMessage(), e);
    } catch (StorageException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      if (ch != null) {
        ch.close();
      }
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  private void replay(ByteBuffer p) {
    byte type = p.get();
    switch (type) {
      case MemoryLog.CREATE -> {
        String name = MemoryLog.readString(p);
        keyspaces.computeIfAbsent(name, n -> new MemoryKeyspace(n, this));
      }
      case MemoryLog.DROP -> keyspaces.remove(MemoryLog.readString(p)).markDropped();
      case MemoryLog.BATCH -> {
        long s = seq + 1;
        int n = p.getInt();
        for (int i = 0; i < n; i++) {
          byte op = p.get();
          MemoryKeyspace ks = keyspaces.get(MemoryLog.readString(p));
          byte[] key = MemoryLog.readBytes(p);
          switch (op) {
            case MemoryLog.OP_PUT -> ks.write(s, key, MemoryLog.readBytes(p));
            case MemoryLog.OP_DELETE -> ks.write(s, key, null);
            case MemoryLog.OP_DELETE_RANGE -> ks.deleteRange(s, s, key, MemoryLog.readBytes(p));
            default -> throw new IllegalStateException("bad op " + op);
          }
        }
        seq = s;
      }
      default -> throw new IllegalStateException("bad record type " + type);
    }
  }

  boolean isOpen() {
    return !closed;
  }

  private void ensureOpen() {
    if (closed) {
      throw new StorageClosedException("storage engine at " + dir + " is closed");
    }
  }

  private MemoryKeyspace own(Keyspace keyspace) {
    Objects.requireNonNull(keyspace, "keyspace");
    if (!(keyspace instanceof MemoryKeyspace mk) || mk.owner() != this) {
      throw new IllegalArgumentException("keyspace " + keyspace.name() + " belongs to another engine");
    }
    if (mk.dropped()) {
      throw new UnknownKeyspaceException("keyspace '" + mk.name() + "' has been dropped");
    }
    return mk;
  }

  byte[] readAt(Keyspace keyspace, byte[] key, long at) {
    Objects.requireNonNull(key, "key");
    byte[] v = own(keyspace).get(key, at);
    return v == null ? null : v.clone();
  }

  Cursor scanAt(Keyspace keyspace, KeyRange range, ScanOrder order, long at, BooleanSupplier open) {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(order, "order");
    MemoryKeyspace ks = own(keyspace);
    var entries =
        range.isEmpty()
            ? Collections.<byte[], MemoryKeyspace.Version>emptyMap().entrySet().iterator()
            : ks.view(range, order == ScanOrder.REVERSE).entrySet().iterator();
    return new MemoryCursor(entries, at, open);
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    ensureOpen();
    return readAt(keyspace, key, seq);
  }

  @Override
  public Cursor scan(Keyspace keyspace, KeyRange range, ScanOrder order) {
    ensureOpen();
    return scanAt(keyspace, range, order, seq, this::isOpen);
  }

  @Override
  public Keyspace createKeyspace(String name) {
    Objects.requireNonNull(name, "name");
    if (!KEYSPACE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "keyspace name '" + name + "' must be 1 to 200 characters of A-Z a-z 0-9 _ . -");
    }
    writeLock.lock();
    try {
      ensureOpen();
      MemoryKeyspace ks = keyspaces.get(name);
      if (ks == null) {
        log.append(MemoryLog.keyspaceRecord(MemoryLog.CREATE, name), true);
        ks = new MemoryKeyspace(name, this);
        keyspaces.put(name, ks);
      }
      return ks;
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Keyspace keyspace(String name) {
    ensureOpen();
    MemoryKeyspace ks = keyspaces.get(Objects.requireNonNull(name, "name"));
    if (ks == null) {
      throw new UnknownKeyspaceException(
          "no keyspace '" + name + "'; existing keyspaces: " + keyspaces());
    }
    return ks;
  }

  @Override
  public List<String> keyspaces() {
    ensureOpen();
    List<String> names = new ArrayList<>(keyspaces.keySet());
    Collections.sort(names);
    return names;
  }

  @Override
  public void dropKeyspace(String name) {
    writeLock.lock();
    try {
      MemoryKeyspace ks = (MemoryKeyspace) keyspace(name);
      log.append(MemoryLog.keyspaceRecord(MemoryLog.DROP, name), true);
      keyspaces.remove(name);
      ks.markDropped();
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void write(WriteBatch batch, Durability durability) {
    Objects.requireNonNull(durability, "durability");
    ensureOpen();
    byte[] payload = MemoryBatchCodec.encode(batch, this::own, MAX_KEY_LENGTH, MAX_VALUE_LENGTH);
    writeLock.lock();
    try {
      ensureOpen();
      MemoryBatchCodec.checkNotDropped(batch);
      if (batch.isEmpty()) {
        if (durability == Durability.SYNC) {
          log.append(payload, true);
        }
        return;
      }
      log.append(payload, durability == Durability.SYNC);
      long s = seq + 1;
      batch.forEach(
          new WriteBatch.Visitor() {
            @Override
            public void put(Keyspace ks, byte[] key, byte[] value) {
              ((MemoryKeyspace) ks).write(s, key, value);
            }

            @Override
            public void delete(Keyspace ks, byte[] key) {
              ((MemoryKeyspace) ks).write(s, key, null);
            }

            @Override
            public void deleteRange(Keyspace ks, byte[] from, byte[] to) {
              ((MemoryKeyspace) ks).deleteRange(s, s, from, to);
            }
          });
      seq = s;
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public ReadSnapshot snapshot() {
    ensureOpen();
    return new MemorySnapshot(this, seq);
  }

  @Override
  public void checkpoint(Path target) {
    ensureOpen();
    Objects.requireNonNull(target, "target");
    if (Files.exists(target)) {
      throw new StorageException("checkpoint target " + target + " already exists");
    }
    long at = seq;
    List<byte[]> payloads = new ArrayList<>();
    for (MemoryKeyspace ks : List.copyOf(keyspaces.values())) {
      payloads.add(MemoryLog.keyspaceRecord(MemoryLog.CREATE, ks.name()));
      payloads.add(MemoryBatchCodec.dump(ks, at));
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp-checkpoint");
    try {
      Files.createDirectory(tmp);
      MemoryLog.writeFresh(tmp.resolve(LOG), payloads);
      Files.move(tmp, target);
    } catch (IOException | RuntimeException e) {
      MemoryBatchCodec.deleteTree(tmp);
      throw new StorageException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long approximateSize(Keyspace keyspace, KeyRange range) {
    ensureOpen();
    return own(keyspace).size(range, seq);
  }

  @Override
  public StorageStats stats() {
    ensureOpen();
    long keys = 0;
    for (MemoryKeyspace ks : keyspaces.values()) {
      keys += ks.count(seq);
    }
    long disk;
    try {
      disk = Files.size(dir.resolve(LOG));
    } catch (IOException e) {
      disk = -1;
    }
    return new StorageStats(disk, 0, keys, Map.of("sequence", seq));
  }

  @Override
  public int maxKeyLength() {
    return MAX_KEY_LENGTH;
  }

  @Override
  public int maxValueLength() {
    return MAX_VALUE_LENGTH;
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        log.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      closeQuietly(lockChannel);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "memory engine at " + dir;
  }
}
