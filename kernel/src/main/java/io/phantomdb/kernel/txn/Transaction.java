package io.phantomdb.kernel.txn;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An explicit transaction of one session (BEGIN ... COMMIT): its isolation level, its snapshot,
 * and its writes. Writes are intents held here, by logical key (row or index entry, without a
 * version), visible only to this transaction ({@link WriteSetReader}) until the commit writes them
 * all as versions at one commit timestamp. Savepoints remember the write set as it was.
 *
 * <p>Not thread-safe: it belongs to its session, which runs one statement at a time.
 */
public final class Transaction {
  /** PostgreSQL's isolation levels. */
  public enum Isolation {
    READ_COMMITTED("read committed"),
    REPEATABLE_READ("repeatable read"),
    SERIALIZABLE("serializable");

    private final String sql;

    Isolation(String sql) {
      this.sql = sql;
    }

    /** @return the level as SHOW transaction_isolation spells it */
    public String sql() {
      return sql;
    }

    /**
     * @param text a level as SQL or a setting spells it, any case
     * @return the level
     * @throws IllegalArgumentException for anything else
     */
    public static Isolation of(String text) {
      String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      for (Isolation i : values()) {
        if (i.sql.equals(t)) {
          return i;
        }
      }
      if (t.equals("read uncommitted")) {
        return READ_COMMITTED; // as PostgreSQL
      }
      throw new IllegalArgumentException("unknown isolation level: " + text);
    }
  }

  /** Where the transaction is. */
  public enum State {
    /** Running statements. */
    ACTIVE,
    /** A statement failed: everything but ROLLBACK (or ROLLBACK TO a savepoint) is refused. */
    FAILED
  }

  private record Savepoint(String name, NavigableMap<byte[], byte[]> writes) {}

  private final long id;
  private Isolation isolation;
  private State state = State.ACTIVE;
  private long snapshotTs = -1;
  private boolean snapshotTaken;
  private NavigableMap<byte[], byte[]> writes = newWriteSet();
  private final Deque<Savepoint> savepoints = new ArrayDeque<>();
  private long catalogVersion = -1;
  private ActiveSnapshots.Registration heldSnapshot;
  private io.phantomdb.kernel.txn.ssi.SerializableTransaction serializable;
  private boolean readOnly;

  /**
   * @param id a number unique among the engine's transactions
   * @param isolation its isolation level
   */
  public Transaction(long id, Isolation isolation) {
    this.id = id;
    this.isolation = isolation;
  }

  /** @return an empty write set, ordered as keys are stored */
  public static NavigableMap<byte[], byte[]> newWriteSet() {
    return new TreeMap<>(Arrays::compareUnsigned);
  }

  /** @return the transaction's number */
  public long id() {
    return id;
  }

  /** @return its isolation level */
  public Isolation isolation() {
    return isolation;
  }

  /**
   * SET TRANSACTION ISOLATION LEVEL: allowed until the first query takes the snapshot.
   *
   * @param level the level
   * @return false if the snapshot was already taken (PostgreSQL: 25001)
   */
  public boolean setIsolation(Isolation level) {
    if (snapshotTaken && level != isolation) {
      return false;
    }
    this.isolation = level;
    return true;
  }

  /** @return whether the transaction is READ ONLY */
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * SET TRANSACTION READ ONLY | READ WRITE: READ ONLY at any time; READ WRITE in a read-only
   * transaction only before its first query, as PostgreSQL.
   *
   * @param value true for READ ONLY
   * @return false if READ WRITE comes too late (PostgreSQL: 25001)
   */
  public boolean setReadOnly(boolean value) {
    if (!value && readOnly && snapshotTaken) {
      return false;
    }
    this.readOnly = value;
    return true;
  }

  /** @return whether a savepoint is open (PostgreSQL's subtransaction) */
  public boolean inSubtransaction() {
    return !savepoints.isEmpty();
  }

  /** @return whether it is active or failed */
  public State state() {
    return state;
  }

  /** Marks the transaction failed (a statement raised an error). */
  public void fail() {
    state = State.FAILED;
  }

  /**
   * The read timestamp of a statement starting now: READ COMMITTED reads the latest commit at
   * every statement; REPEATABLE READ and SERIALIZABLE read the snapshot taken by the first
   * statement.
   *
   * @param latest the engine's latest commit timestamp
   * @return the timestamp to read at
   */
  public long statementReadTs(long latest) {
    if (isolation == Isolation.READ_COMMITTED) {
      snapshotTaken = true;
      snapshotTs = snapshotTs < 0 ? latest : snapshotTs; // the first statement's, for conflict checks
      return latest;
    }
    if (!snapshotTaken) {
      snapshotTaken = true;
      snapshotTs = latest;
    }
    return snapshotTs;
  }

  /**
   * Keeps the transaction's snapshot registered for version garbage collection until {@link
   * #releaseSnapshot()} (REPEATABLE READ and SERIALIZABLE read at it in every statement).
   *
   * @param registration the snapshot's registration; a second one is released at once
   */
  public void holdSnapshot(ActiveSnapshots.Registration registration) {
    if (heldSnapshot != null) {
      registration.close();
      return;
    }
    heldSnapshot = registration;
  }

  /** @return whether {@link #holdSnapshot} registered the snapshot and it is not released */
  public boolean holdsSnapshot() {
    return heldSnapshot != null;
  }

  /** Releases the snapshot's registration, at commit or rollback. Idempotent. */
  public void releaseSnapshot() {
    if (heldSnapshot != null) {
      heldSnapshot.close();
      heldSnapshot = null;
    }
  }

  /**
   * The timestamp conflicts are checked against at commit: a key this transaction wrote must
   * not have a version committed after it (first committer wins).
   *
   * @return the snapshot of the first statement, or -1 if no statement ran
   */
  public long snapshotTs() {
    return snapshotTs;
  }

  /**
   * Records the catalog version the transaction's writes were planned against (the first one).
   *
   * @param version the catalog version of a writing statement
   */
  public void noteCatalogVersion(long version) {
    if (catalogVersion < 0) {
      catalogVersion = version;
    }
  }

  /** @return the catalog version of the first writing statement, or -1 */
  public long catalogVersion() {
    return catalogVersion;
  }

  /**
   * @return its record in the engine's SSI registry (SERIALIZABLE, once its first statement
   *     started), or null
   */
  public io.phantomdb.kernel.txn.ssi.SerializableTransaction serializable() {
    return serializable;
  }

  /**
   * Attaches the SSI record made when the first statement of a SERIALIZABLE transaction started.
   *
   * @param record the record
   */
  public void serializable(io.phantomdb.kernel.txn.ssi.SerializableTransaction record) {
    this.serializable = record;
  }

  /** @return the write set: logical key → stored value (row, index marker or tombstone) */
  public NavigableMap<byte[], byte[]> writes() {
    return writes;
  }

  /**
   * Adds a statement's writes once the statement succeeded.
   *
   * @param statementWrites its writes by logical key
   */
  public void addWrites(Map<byte[], byte[]> statementWrites) {
    writes.putAll(statementWrites);
  }

  /**
   * SAVEPOINT name: remembers the write set (a name used before is shadowed, as in PostgreSQL).
   *
   * @param name the savepoint's name
   */
  public void savepoint(String name) {
    NavigableMap<byte[], byte[]> copy = newWriteSet();
    copy.putAll(writes);
    savepoints.push(new Savepoint(name, copy));
  }

  /**
   * ROLLBACK TO SAVEPOINT name: the write set as it was at the savepoint, which stays; later
   * savepoints go; the transaction is active again.
   *
   * @param name the savepoint's name
   * @return false if there is no such savepoint
   */
  public boolean rollbackTo(String name) {
    for (Iterator<Savepoint> it = savepoints.iterator(); it.hasNext(); ) {
      Savepoint s = it.next();
      if (s.name().equals(name)) {
        writes = newWriteSet();
        writes.putAll(s.writes());
        state = State.ACTIVE;
        return true;
      }
      it.remove();
    }
    return false;
  }

  /**
   * RELEASE SAVEPOINT name: forgets it and every later one; the writes stay.
   *
   * @param name the savepoint's name
   * @return false if there is no such savepoint
   */
  public boolean release(String name) {
    if (savepoints.stream().noneMatch(s -> s.name().equals(name))) {
      return false;
    }
    while (!savepoints.isEmpty()) {
      if (savepoints.pop().name().equals(name)) {
        return true;
      }
    }
    return true;
  }
}
