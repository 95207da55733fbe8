package io.phantomdb.kernel.sql.sequence;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The values of every sequence of an engine: {@code nextval} and {@code setval} as PostgreSQL
 * has them, outside transactions (a value handed out is never handed out again, whatever happens
 * to the statement that took it) and safe across sessions.
 *
 * <p>Durability without a write per value: like PostgreSQL, which logs 32 values ahead, a
 * sequence writes its state ({@link SequenceKeys}) only when the values written ahead run out,
 * recording the last value of the next block ({@link #LOG_VALUES} values, or {@code CACHE} if
 * larger, for sequences that do not cycle) with a synced write before handing out the first of
 * them. After a crash or a restart the sequence goes on after that value: values are never
 * repeated, at the cost of a gap of up to one block.
 *
 * <p>Each sequence has a lock; nextval holds it for the computation and, once per block, the
 * write. DDL that changes a sequence's state or options ({@link #locked}) holds the locks of the
 * sequences it touches while it commits, so no nextval writes a stale state over it; the
 * sequences then reload their state from storage. A sequence's options are read from the current
 * catalog under its lock, so an ALTER SEQUENCE applies to the very next value.
 */
public final class SequenceStore {
  /** How many values a sequence writes ahead at least (PostgreSQL's SEQ_LOG_VALS). */
  public static final int LOG_VALUES = 32;

  private final StorageEngine storage;
  private final Keyspace data;
  private final IntFunction<SequenceDescriptor> current;
  private final Map<Integer, State> states = new ConcurrentHashMap<>();

  /**
   * @param storage the storage engine
   * @param data the data keyspace, where states live under {@link SequenceKeys}
   * @param current the sequence of an id in the current catalog, or null once it is dropped
   */
  public SequenceStore(StorageEngine storage, Keyspace data, IntFunction<SequenceDescriptor> current) {
    this.storage = storage;
    this.data = data;
    this.current = current;
  }

  /** The in-memory state of one sequence, guarded by its lock. */
  private static final class State {
    final ReentrantLock lock = new ReentrantLock();
    boolean loaded;
    long last;
    boolean called;
    /** Values that may still be handed out before the state must be written again. */
    long logged;
  }

  /**
   * The last value and whether it was handed out: {@code last} is the next value if not.
   *
   * @param last the last value
   * @param called whether {@code last} was handed out (PostgreSQL's is_called)
   */
  public record Value(long last, boolean called) {}

  /**
   * The next value of a sequence.
   *
   * @param seq the sequence (its current options are used)
   * @return the value
   * @throws SqlException 2200H at the sequence's limit if it does not cycle; 42P01 if it was dropped
   */
  public long nextval(SequenceDescriptor seq) {
    State s = states.computeIfAbsent(seq.id(), k -> new State());
    s.lock.lock();
    try {
      SequenceDescriptor d = live(seq, s);
      long next = s.called ? step(d, s.last) : s.last;
      if (s.logged <= 0) {
        long block = d.cycle() ? LOG_VALUES : Math.max(LOG_VALUES, d.cache());
        write(d.id(), ahead(d, next, block - 1), true);
        s.logged = block;
      }
      s.logged--;
      s.last = next;
      s.called = true;
      return next;
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * Sets a sequence's value, as PostgreSQL's {@code setval}.
   *
   * @param seq the sequence
   * @param value the value
   * @param called true if {@code value} counts as handed out (the next is one step further)
   * @throws SqlException 22003 if the value is outside the sequence's bounds
   */
  public void setval(SequenceDescriptor seq, long value, boolean called) {
    State s = states.computeIfAbsent(seq.id(), k -> new State());
    s.lock.lock();
    try {
      SequenceDescriptor d = live(seq, s);
      if (value < d.minValue() || value > d.maxValue()) {
        throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
            + " is out of bounds for sequence \"" + d.name() + "\" (" + d.minValue() + ".." + d.maxValue() + ")");
      }
      write(d.id(), value, called);
      s.last = value;
      s.called = called;
      s.logged = 0;
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * @param id a sequence id
   * @return true if the current catalog has that sequence
   */
  public boolean exists(int id) {
    return current.apply(id) != null;
  }

  /**
   * Runs a DDL step that changes sequences while holding their locks (in id order), then makes
   * them reload their state from storage (unless {@code step} failed). {@code step} may call {@link #value} for these ids and
   * must write their new state ({@link #putState}) in the batch it commits.
   *
   * @param ids the sequences touched
   * @param step the DDL step; its result is returned
   * @param <T> the step's result type
   * @return what {@code step} returns
   */
  public <T> T locked(Collection<Integer> ids, Supplier<T> step) {
    List<State> held = new ArrayList<>();
    boolean done = false;
    try {
      for (int id : new TreeSet<>(ids)) {
        State s = states.computeIfAbsent(id, k -> new State());
        s.lock.lock();
        held.add(s);
      }
      T result = step.get();
      done = true;
      return result;
    } finally {
      for (State s : held) {
        if (done) {
          s.loaded = false;
        }
        s.lock.unlock();
      }
    }
  }

  /**
   * The current value of a sequence, for DDL that must keep it (ALTER SEQUENCE without RESTART).
   * Call inside {@link #locked} for that sequence.
   *
   * @param seq the sequence
   * @return its last value and whether it was handed out
   */
  public Value value(SequenceDescriptor seq) {
    State s = states.computeIfAbsent(seq.id(), k -> new State());
    s.lock.lock();
    try {
      if (!s.loaded) {
        load(s, seq);
      }
      return new Value(s.last, s.called);
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * Restarts sequences at their start values (TRUNCATE ... RESTART IDENTITY), in one synced write.
   *
   * @param seqs the sequences
   */
  public void restart(Collection<SequenceDescriptor> seqs) {
    if (seqs.isEmpty()) {
      return;
    }
    locked(seqs.stream().map(SequenceDescriptor::id).toList(), () -> {
      WriteBatch batch = new WriteBatch();
      for (SequenceDescriptor d : seqs) {
        putState(batch, data, d.id(), new Value(d.start(), false));
      }
      storage.write(batch, Durability.SYNC);
      return null;
    });
  }

  /**
   * Writes the exact state of every sequence that handed out values since it last wrote, so a
   * clean restart goes on without the gap a crash leaves. Called when the engine closes.
   */
  public void flush() {
    WriteBatch batch = new WriteBatch();
    boolean any = false;
    for (Map.Entry<Integer, State> e : states.entrySet()) {
      State s = e.getValue();
      s.lock.lock();
      try {
        if (s.loaded && s.logged > 0 && current.apply(e.getKey()) != null) {
          putState(batch, data, e.getKey(), new Value(s.last, s.called));
          s.logged = 0;
          any = true;
        }
      } finally {
        s.lock.unlock();
      }
    }
    if (any) {
      storage.write(batch, Durability.SYNC);
    }
  }

  /**
   * Adds a sequence's state to a batch (CREATE / ALTER SEQUENCE commit it with the catalog).
   *
   * @param batch the batch
   * @param data the data keyspace
   * @param id the sequence id
   * @param value its state
   */
  public static void putState(WriteBatch batch, Keyspace data, int id, Value value) {
    batch.put(data, SequenceKeys.key(id), SequenceKeys.value(id, value.last(), value.called()));
  }

  /**
   * Adds the deletion of a dropped sequence's state to a batch.
   *
   * @param batch the batch
   * @param data the data keyspace
   * @param id the sequence id
   */
  public static void deleteState(WriteBatch batch, Keyspace data, int id) {
    batch.delete(data, SequenceKeys.key(id));
  }

  /** The current options of {@code seq}, its state loaded; fails if it was dropped. */
  private SequenceDescriptor live(SequenceDescriptor seq, State s) {
    SequenceDescriptor d = current.apply(seq.id());
    if (d == null) {
      states.remove(seq.id(), s);
      throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + seq.name() + "\" does not exist");
    }
    if (!s.loaded) {
      load(s, d);
    }
    return d;
  }

  private void load(State s, SequenceDescriptor d) {
    byte[] v = storage.get(data, SequenceKeys.key(d.id()));
    if (v == null) {
      s.last = d.start();
      s.called = false;
    } else {
      if (!SequenceKeys.intact(d.id(), v)) {
        throw new SqlException(SqlState.DATA_CORRUPTED, "invalid checksum in state of sequence \"" + d.name() + "\"",
            null, null, null);
      }
      s.last = SequenceKeys.last(v);
      s.called = SequenceKeys.called(v);
    }
    s.logged = 0;
    s.loaded = true;
  }

  private void write(int id, long last, boolean called) {
    WriteBatch batch = new WriteBatch();
    putState(batch, data, id, new Value(last, called));
    storage.write(batch, Durability.SYNC);
  }

  /** The value after {@code v}, wrapping if the sequence cycles. */
  static long step(SequenceDescriptor d, long v) {
    long inc = d.increment();
    if (inc > 0) {
      if (d.maxValue() >= 0 ? v > d.maxValue() - inc : v + inc > d.maxValue()) {
        if (!d.cycle()) {
          throw new SqlException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
              "nextval: reached maximum value of sequence \"" + d.name() + "\" (" + d.maxValue() + ")");
        }
        return d.minValue();
      }
      return v + inc;
    }
    if (d.minValue() < 0 ? v < d.minValue() - inc : v + inc < d.minValue()) {
      if (!d.cycle()) {
        throw new SqlException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
            "nextval: reached minimum value of sequence \"" + d.name() + "\" (" + d.minValue() + ")");
      }
      return d.maxValue();
    }
    return v + inc;
  }

  /**
   * The value {@code n} steps after {@code v}: for a sequence that does not cycle, stopping at its
   * limit (nothing beyond it is handed out); one that cycles wraps.
   */
  static long ahead(SequenceDescriptor d, long v, long n) {
    if (d.cycle()) {
      long x = v;
      for (long i = 0; i < n; i++) {
        x = step(d, x);
      }
      return x;
    }
    long limit = d.increment() > 0 ? d.maxValue() : d.minValue();
    try {
      long x = Math.addExact(v, Math.multiplyExact(d.increment(), n));
      return d.increment() > 0 ? Math.min(x, limit) : Math.max(x, limit);
    } catch (ArithmeticException overflow) {
      return limit;
    }
  }
}
