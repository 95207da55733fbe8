package io.phantomdb.kernel.txn.ssi;

import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the SSI registry knows of one SERIALIZABLE transaction: its snapshot, what it read (ranges
 * of versioned keys), what it wrote (logical keys), its rw-antidependencies to and from other
 * serializable transactions, and whether it is active, committed or gone, or doomed (it must fail
 * at its next statement or COMMIT).
 *
 * <p>Every field is guarded by the {@link SsiRegistry} that made it; only {@link #id()} and the
 * read-only accessors may be called without it (tests, diagnostics).
 */
public final class SerializableTransaction {
  enum Status {
    ACTIVE,
    COMMITTED,
    ABORTED
  }

  private final long id;
  final long snapshotTs;
  /** The registry's event number when it registered (before its snapshot was read). */
  final long snapshotSeq;
  Status status = Status.ACTIVE;
  /** Its commit timestamp, or -1 while active (and for a commit that wrote nothing). */
  long commitTs = -1;
  /** The registry's event number at its commit: the order commits happened in. */
  long commitSeq = Long.MAX_VALUE;
  boolean readOnly;
  volatile boolean doomed;
  final List<KeyRange> reads = new ArrayList<>();
  final NavigableSet<byte[]> writes = new TreeSet<>(Arrays::compareUnsigned);
  /** Transactions T with T →rw this (T read something this one wrote, without seeing it). */
  final Set<SerializableTransaction> in = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Transactions T with this →rw T (this one read something T wrote, without seeing it). */
  final Set<SerializableTransaction> out = Collections.newSetFromMap(new IdentityHashMap<>());

  SerializableTransaction(long id, long snapshotTs, long snapshotSeq) {
    this.id = id;
    this.snapshotTs = snapshotTs;
    this.snapshotSeq = snapshotSeq;
  }

  /** @return the transaction's number (as the lock manager knows it) */
  public long id() {
    return id;
  }

  /** @return the snapshot its statements read at */
  public long snapshotTs() {
    return snapshotTs;
  }

  /** @return whether another transaction's commit decided this one must fail */
  public boolean isDoomed() {
    return doomed;
  }

  /** Neither rolled back nor doomed: it may still commit (or has). */
  boolean alive() {
    return status != Status.ABORTED && !doomed;
  }

  boolean committed() {
    return status == Status.COMMITTED;
  }

  /** Whether a version this one writes would be invisible to {@code reader}. */
  boolean invisibleTo(SerializableTransaction reader) {
    return status == Status.ACTIVE || (status == Status.COMMITTED && commitTs > reader.snapshotTs);
  }

  /**
   * Whether this one (a reader) overlapped {@code writer}: it is active, or committed after the
   * writer registered (a read-only one) or after the writer's snapshot (one that wrote).
   */
  boolean overlaps(SerializableTransaction writer) {
    if (status == Status.ACTIVE) {
      return true;
    }
    if (status != Status.COMMITTED) {
      return false;
    }
    return readOnly ? commitSeq > writer.snapshotSeq : commitTs > writer.snapshotTs;
  }

  /** Whether it wrote a logical key some version of which lies in {@code range}. */
  boolean wroteInto(KeyRange range) {
    return wroteInto(range, writes);
  }

  /** Whether it read a range holding a version of one of {@code keys} (logical keys). */
  boolean readAny(NavigableSet<byte[]> keys) {
    for (KeyRange r : reads) {
      if (wroteInto(r, keys)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a logical key of {@code keys} has a version in {@code range}. Logical keys are
   * prefix-free and a version is the logical key plus a suffix, so the candidates start at the
   * greatest key not above the range's lower bound and end past its upper bound.
   */
  static boolean wroteInto(KeyRange range, NavigableSet<byte[]> keys) {
    if (keys.isEmpty() || range.isEmpty()) {
      return false;
    }
    NavigableSet<byte[]> candidates = keys;
    if (range.lower() != null) {
      byte[] floor = keys.floor(range.lower());
      candidates = keys.tailSet(floor == null ? range.lower() : floor, true);
    }
    for (byte[] key : candidates) {
      if (range.upper() != null && Arrays.compareUnsigned(key, range.upper()) > 0) {
        return false;
      }
      if (intersects(range, VersionedKeys.allVersions(key))) {
        return true;
      }
    }
    return false;
  }

  /** Whether two ranges share a key. */
  static boolean intersects(KeyRange a, KeyRange b) {
    return !a.isEmpty() && !b.isEmpty() && !below(a, b) && !below(b, a);
  }

  /** Whether every key of {@code a} sorts before every key of {@code b}. */
  private static boolean below(KeyRange a, KeyRange b) {
    if (a.upper() == null || b.lower() == null) {
      return false;
    }
    int c = Arrays.compareUnsigned(a.upper(), b.lower());
    return c < 0 || (c == 0 && !(a.upperInclusive() && b.lowerInclusive()));
  }

  @Override
  public String toString() {
    return "serializable transaction " + id + " (" + status + (doomed ? ", doomed" : "") + ")";
  }
}
