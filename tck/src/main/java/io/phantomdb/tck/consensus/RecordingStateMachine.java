package io.phantomdb.tck.consensus;

import io.phantomdb.spi.consensus.LogEntry;
import io.phantomdb.spi.consensus.StateMachine;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reference {@link StateMachine}: it stores every applied command under its index in a
 * storage engine (keyspace {@code entries}) and {@code lastApplied} beside them (keyspace {@code
 * meta}), one synced batch per {@link #apply} call, and checks the provider keeps the contract.
 *
 * <p>Contract breaches — {@code apply} called concurrently, with no entries, with indexes that
 * do not increase by 1, with a gap after {@code lastApplied}, or after {@link #fence()} — are
 * recorded in {@link #violations()} (and the call throws {@link IllegalStateException}); the
 * suites assert there are none. It also counts {@code apply} calls and their sizes, so a test can
 * see group commit, and can be told to fail on one command ({@link #failOn(byte[])}).
 *
 * <p>Thread-safe. Snapshots are a plain stream: a magic number, {@code lastApplied}, the number
 * of entries, then each entry's index, length and bytes.
 */
public final class RecordingStateMachine implements StateMachine, AutoCloseable {
  private static final byte[] LAST_APPLIED = {'l', 'a', 's', 't'};
  private static final byte[] AFTER_EVERY_INDEX = {(byte) 0xff, (byte) 0xff, (byte) 0xff,
      (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0};
  private static final int SNAPSHOT_MAGIC = 0x5048_5353; // "PHSS"

  private final StorageEngine engine;
  private final Keyspace entries;
  private final Keyspace meta;
  private final AtomicBoolean applying = new AtomicBoolean();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> applySizes = Collections.synchronizedList(new ArrayList<>());
  private volatile long lastApplied;
  private volatile boolean fenced;
  private volatile byte[] poison;

  /**
   * A state machine over {@code engine}, which it owns and closes.
   *
   * @param engine an open storage engine; its keyspaces {@code entries} and {@code meta} are
   *     created if missing
   */
  public RecordingStateMachine(StorageEngine engine) {
    this.engine = engine;
    this.entries = engine.createKeyspace("entries");
    this.meta = engine.createKeyspace("meta");
    byte[] last = engine.get(meta, LAST_APPLIED);
    this.lastApplied = last == null ? 0 : ByteBuffer.wrap(last).getLong();
  }

  /**
   * Opens (or creates) a state machine stored by the reference {@code memory} engine.
   *
   * @param directory the engine's directory
   * @return the state machine, resumed from what the directory holds
   */
  public static RecordingStateMachine open(Path directory) {
    return new RecordingStateMachine(new MemoryStorageEngineFactory().open(StorageContext.of(directory)));
  }

  @Override
  public void apply(List<LogEntry> batch) {
    if (!applying.compareAndSet(false, true)) {
      throw violation("apply was called while another apply call was running");
    }
    try {
      applySizes.add(batch.size());
      if (fenced) {
        throw violation("apply was called after the group was closed");
      }
      if (batch.isEmpty()) {
        throw violation("apply was called with no entries");
      }
      WriteBatch write = new WriteBatch(batch.size() + 1);
      long last = lastApplied;
      long previous = -1;
      for (LogEntry e : batch) {
        if (previous >= 0 && e.index() != previous + 1) {
          throw violation("entry " + e.index() + " follows entry " + previous + " in one apply call");
        }
        previous = e.index();
        if (e.index() <= last) {
          continue; // a replay
        }
        if (e.index() != last + 1) {
          throw violation("entry " + e.index() + " was applied after entry " + last + ": a gap");
        }
        byte[] p = poison;
        if (p != null && Arrays.equals(p, e.command())) {
          throw new IllegalStateException("entry " + e.index() + " holds the command this state"
              + " machine was told to fail on");
        }
        write.put(entries, key(e.index()), e.command().clone());
        last = e.index();
      }
      if (last > lastApplied) {
        write.put(meta, LAST_APPLIED, key(last));
        engine.write(write, Durability.SYNC);
        lastApplied = last;
      }
    } finally {
      applying.set(false);
    }
  }

  private IllegalStateException violation(String message) {
    violations.add(message);
    return new IllegalStateException("consensus contract violated: " + message);
  }

  @Override
  public long lastApplied() {
    return lastApplied;
  }

  @Override
  public long takeSnapshot(OutputStream out) throws IOException {
    List<LogEntry> all = entries();
    long index = lastApplied;
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(SNAPSHOT_MAGIC);
    data.writeLong(index);
    data.writeInt(all.size());
    for (LogEntry e : all) {
      data.writeLong(e.index());
      data.writeInt(e.command().length);
      data.write(e.command());
    }
    data.flush();
    return index;
  }

  @Override
  public void restore(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != SNAPSHOT_MAGIC) {
      throw new IOException("not a snapshot of a RecordingStateMachine");
    }
    long index = data.readLong();
    int count = data.readInt();
    if (index < 0 || count < 0) {
      throw new IOException("malformed snapshot: index " + index + ", " + count + " entries");
    }
    WriteBatch write = new WriteBatch(count + 2).deleteRange(entries, new byte[0], AFTER_EVERY_INDEX);
    for (int i = 0; i < count; i++) {
      long n = data.readLong();
      int length = data.readInt();
      if (length < 0) {
        throw new IOException("malformed snapshot: entry " + n + " has length " + length);
      }
      byte[] command = new byte[length];
      data.readFully(command);
      write.put(entries, key(n), command);
    }
    write.put(meta, LAST_APPLIED, key(index));
    engine.write(write, Durability.SYNC);
    lastApplied = index;
  }

  /**
   * The command applied at {@code index}.
   *
   * @param index a log index
   * @return a copy of the command, or null if no entry with that index was applied
   */
  public byte[] command(long index) {
    return engine.get(entries, key(index));
  }

  /**
   * Every applied entry, read from storage.
   *
   * @return the entries in index order
   */
  public List<LogEntry> entries() {
    List<LogEntry> out = new ArrayList<>();
    try (Cursor c = engine.scan(entries, KeyRange.all(), ScanOrder.FORWARD)) {
      while (c.next()) {
        out.add(new LogEntry(ByteBuffer.wrap(c.key()).getLong(), c.value()));
      }
    }
    return out;
  }

  /** @return how many times {@link #apply} was called on this instance */
  public int applyCalls() {
    return applySizes.size();
  }

  /** @return the number of entries of each {@link #apply} call on this instance, in call order */
  public List<Integer> applySizes() {
    synchronized (applySizes) {
      return List.copyOf(applySizes);
    }
  }

  /** @return the contract breaches seen so far; empty when the provider behaved */
  public List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  /** From now on any {@link #apply} call is a violation: call it once the group is closed. */
  public void fence() {
    fenced = true;
  }

  /** Lets {@link #apply} be called again after {@link #fence()}, for a reopened group. */
  public void unfence() {
    fenced = false;
  }

  /**
   * Makes every later {@link #apply} call that holds {@code command} throw {@link
   * IllegalStateException} without applying anything, as a failing disk would.
   *
   * @param command the command to fail on, or null to stop failing
   */
  public void failOn(byte[] command) {
    this.poison = command == null ? null : command.clone();
  }

  /** Closes the storage engine. Close the group first. */
  @Override
  public void close() {
    engine.close();
  }

  private static byte[] key(long index) {
    return ByteBuffer.allocate(8).putLong(index).array();
  }
}
