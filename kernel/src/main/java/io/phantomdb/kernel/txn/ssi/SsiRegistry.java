package io.phantomdb.kernel.txn.ssi;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.txn.ssi.SerializableTransaction.Status;
import io.phantomdb.spi.storage.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Serializable snapshot isolation (Cahill et al.; Ports and Grittner's PostgreSQL refinements) for
 * the SERIALIZABLE transactions of one engine. Each registers at its first statement; its reads
 * (ranges of versioned keys) and writes (logical keys) are recorded as they happen. A read of a
 * range holding a key that a concurrent transaction wrote and this one cannot see, or a write of a
 * key that a concurrent transaction read, is an rw-antidependency {@code reader →rw writer}. When
 * a new edge, or a commit, completes a dangerous structure {@code T_in →rw T_pivot →rw T_out} in
 * which {@code T_out} committed first ({@code T_in} may be {@code T_out}), one transaction fails
 * with 40001: the pivot if it has not committed (doomed: it fails at its next statement or
 * COMMIT, or at once if it is the caller), otherwise {@code T_in}. A read-only {@code T_in} is
 * safe unless {@code T_out} committed before its snapshot.
 *
 * <p>Committed transactions stay while a registered transaction overlaps them; a rolled-back one
 * leaves at once, with its edges. Thread-safe: every method holds the registry's monitor.
 * Commits are also serialized by the engine's write lock, statements are not.
 */
public final class SsiRegistry {
  private static final String MESSAGE = "could not serialize access due to read/write dependencies among transactions";
  private static final String HINT = "The transaction might succeed if retried.";

  /** What the failing transaction was doing, for PostgreSQL's reason code. */
  private enum Phase {
    READ("during conflict out checking"),
    WRITE("during conflict in checking"),
    COMMIT("during commit attempt");

    final String doomedDetail;

    Phase(String doomedDetail) {
      this.doomedDetail = doomedDetail;
    }
  }

  private final Set<SerializableTransaction> live = new LinkedHashSet<>();
  private long seq;

  /**
   * Registers a SERIALIZABLE transaction as its first statement starts.
   *
   * @param id the transaction's number
   * @param snapshot takes its snapshot; called under the registry's monitor, so no committed
   *     transaction it cannot see is forgotten meanwhile
   * @return its record, to pass to the other methods
   */
  public synchronized SerializableTransaction register(long id, LongSupplier snapshot) {
    long s = ++seq;
    long snapshotTs = snapshot.getAsLong();
    prune(snapshotTs);
    SerializableTransaction t = new SerializableTransaction(id, snapshotTs, s);
    live.add(t);
    return t;
  }

  /**
   * Records that {@code me} reads a range of versioned keys, finding the concurrent writers it
   * cannot see.
   *
   * @param me an active transaction
   * @param range the versioned keys it reads (all it may read, even if it stops early)
   * @throws SqlException 40001 if {@code me} is doomed or must fail for this read
   */
  public synchronized void recordRead(SerializableTransaction me, KeyRange range) {
    checkNotDoomed(me, Phase.READ);
    me.reads.add(range);
    for (SerializableTransaction w : List.copyOf(live)) {
      if (w != me && w.status != Status.ABORTED && w.invisibleTo(me) && w.wroteInto(range)) {
        edge(me, w, me, Phase.READ);
      }
    }
  }

  /**
   * Records the logical keys (rows and index entries) a statement of {@code me} wrote, finding the
   * concurrent readers that did not see them.
   *
   * @param me an active transaction
   * @param keys logical keys
   * @throws SqlException 40001 if {@code me} is doomed or must fail for these writes
   */
  public synchronized void recordWrites(SerializableTransaction me, Collection<byte[]> keys) {
    checkNotDoomed(me, Phase.WRITE);
    NavigableSet<byte[]> fresh = new TreeSet<>(Arrays::compareUnsigned);
    for (byte[] k : keys) {
      if (!me.writes.contains(k)) {
        fresh.add(k);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    me.writes.addAll(fresh);
    for (SerializableTransaction r : List.copyOf(live)) {
      if (r != me && r.overlaps(me) && r.readAny(fresh)) {
        edge(r, me, me, Phase.WRITE);
      }
    }
  }

  /**
   * Commits {@code me} if no dangerous structure makes it fail, then dooms every pivot it
   * completes a dangerous structure for as its {@code T_out}. Call under the engine's write lock,
   * after every other check that may refuse the commit.
   *
   * @param me an active transaction
   * @param commitTs gives its commit timestamp, or -1 if it wrote nothing; called once it may commit
   * @param readTs the engine's latest visible commit (to forget what no one can overlap any more)
   * @return the commit timestamp
   * @throws SqlException 40001 (nothing is committed)
   */
  public synchronized long commit(SerializableTransaction me, LongSupplier commitTs, LongSupplier readTs) {
    checkNotDoomed(me, Phase.COMMIT);
    for (SerializableTransaction out : me.out) {
      for (SerializableTransaction in : me.in) {
        if (dangerous(in, me, out)) {
          me.doomed = true;
          throw failure("Canceled on identification as a pivot, during commit attempt.");
        }
      }
    }
    long ts = commitTs.getAsLong();
    if (ts < 0) {
      // nothing written after all (rolled back to a savepoint): no one depends on its writes
      for (SerializableTransaction r : me.in) {
        r.out.remove(me);
      }
      me.in.clear();
      me.writes.clear();
    }
    me.status = Status.COMMITTED;
    me.commitTs = ts;
    me.commitSeq = ++seq;
    me.readOnly = me.writes.isEmpty();
    for (SerializableTransaction pivot : List.copyOf(me.in)) {
      for (SerializableTransaction in : List.copyOf(pivot.in)) {
        if (dangerous(in, pivot, me)) {
          pivot.doomed = true; // it is active: it committed after me would make me not first
        }
      }
    }
    prune(readTs.getAsLong());
    return ts;
  }

  /**
   * Forgets a transaction that ends without committing (rolled back, or its commit failed); its
   * edges go with it. Does nothing for a committed one.
   *
   * @param me the transaction
   * @param readTs the engine's latest visible commit
   */
  public synchronized void end(SerializableTransaction me, LongSupplier readTs) {
    if (me.status != Status.ACTIVE) {
      return;
    }
    me.status = Status.ABORTED;
    live.remove(me);
    for (SerializableTransaction t : me.in) {
      t.out.remove(me);
    }
    for (SerializableTransaction t : me.out) {
      t.in.remove(me);
    }
    me.in.clear();
    me.out.clear();
    me.reads.clear();
    me.writes.clear();
    prune(readTs.getAsLong());
  }

  /**
   * Forgets what no transaction overlaps any more, then counts what is left.
   *
   * @param readTs the engine's latest visible commit
   * @return how many transactions the registry holds (active, and committed ones still overlapped)
   */
  public synchronized int retained(long readTs) {
    prune(readTs);
    return live.size();
  }

  /** Adds {@code reader →rw writer}; checks the dangerous structures the new edge completes. */
  private void edge(SerializableTransaction reader, SerializableTransaction writer, SerializableTransaction me,
      Phase phase) {
    if (!reader.out.add(writer)) {
      return; // known: its structures were checked when it appeared and at each commit since
    }
    writer.in.add(reader);
    for (SerializableTransaction out : List.copyOf(writer.out)) {
      resolve(reader, writer, out, me, phase, writer);
    }
    for (SerializableTransaction in : List.copyOf(reader.in)) {
      resolve(in, reader, writer, me, phase, writer);
    }
  }

  /**
   * If the structure is dangerous: dooms the pivot, or T_in if the pivot has committed; throws if
   * that is the caller (PostgreSQL's reason codes: a writer fails as a pivot, a reader on its
   * conflict out to the writer it read).
   */
  private void resolve(SerializableTransaction in, SerializableTransaction pivot, SerializableTransaction out,
      SerializableTransaction me, Phase phase, SerializableTransaction writer) {
    if (!dangerous(in, pivot, out)) {
      return;
    }
    SerializableTransaction victim = pivot.committed() ? in : pivot;
    victim.doomed = true;
    if (victim == me) {
      throw failure(phase == Phase.WRITE ? "Canceled on identification as a pivot, during write."
          : "Canceled on conflict out to pivot " + writer.id() + ", during read.");
    }
  }

  /**
   * Whether {@code in →rw pivot →rw out} (edges known to exist) can close a cycle: all three may
   * still commit, {@code out} has committed and did so before the other two, and a read-only
   * {@code in} saw {@code out}'s commit.
   */
  private static boolean dangerous(SerializableTransaction in, SerializableTransaction pivot,
      SerializableTransaction out) {
    if (!in.alive() || !pivot.alive() || !out.alive() || !out.committed()) {
      return false;
    }
    if (pivot.committed() && pivot.commitSeq < out.commitSeq) {
      return false;
    }
    if (in != out && in.committed()) {
      if (in.commitSeq < out.commitSeq) {
        return false;
      }
      if (in.readOnly && out.commitTs > in.snapshotTs) {
        return false;
      }
    }
    return true;
  }

  private static void checkNotDoomed(SerializableTransaction me, Phase phase) {
    if (me.doomed) {
      throw failure("Canceled on identification as a pivot, " + phase.doomedDetail + ".");
    }
  }

  private static SqlException failure(String reason) {
    return new SqlException(SqlState.SERIALIZATION_FAILURE, MESSAGE, "Reason code: " + reason, HINT, null);
  }

  /**
   * Forgets committed transactions no registered transaction overlaps, nor can a future one (it
   * registers at or after {@code readTs}, so it sees every commit up to there).
   */
  private void prune(long readTs) {
    long minSnapshotTs = readTs;
    long minSnapshotSeq = Long.MAX_VALUE;
    for (SerializableTransaction t : live) {
      if (t.status == Status.ACTIVE) {
        minSnapshotTs = Math.min(minSnapshotTs, t.snapshotTs);
        minSnapshotSeq = Math.min(minSnapshotSeq, t.snapshotSeq);
      }
    }
    List<SerializableTransaction> gone = new ArrayList<>();
    for (Iterator<SerializableTransaction> it = live.iterator(); it.hasNext(); ) {
      SerializableTransaction t = it.next();
      if (t.status == Status.COMMITTED
          && (t.readOnly ? t.commitSeq <= minSnapshotSeq : t.commitTs <= minSnapshotTs)) {
        it.remove();
        gone.add(t);
      }
    }
    for (SerializableTransaction t : gone) {
      // no new edge can reach it; others keep it as a T_out (its commit order and timestamp)
      t.in.clear();
      t.out.clear();
      t.reads.clear();
      t.writes.clear();
    }
  }
}
