package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.sequence.SequenceStore;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.txn.ActiveSnapshots;
import io.phantomdb.kernel.txn.gc.GcPassResult;
import io.phantomdb.kernel.txn.gc.GcSettings;
import io.phantomdb.kernel.txn.gc.GcTotals;
import io.phantomdb.kernel.txn.gc.VersionGc;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQL engine over one open storage engine: the catalog, the data keyspace, the commit
 * timestamps, and the sessions that run statements. Until transactions arrive, every statement
 * commits on its own at a new timestamp, and writing statements run one at a time.
 *
 * <p>Thread-safe; sessions are not (one per connection).
 */
public final class SqlEngine implements AutoCloseable {
  /** The storage keyspace of rows and index entries. */
  public static final String DATA_KEYSPACE = "sql_data";
  private static final byte[] LAST_TS_KEY = {0, 't', 's'};

  private final StorageEngine storage;
  private final Keyspace data;
  private final CatalogStore catalog;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicLong lastTs;
  private final AtomicLong rowIds;
  private final io.phantomdb.kernel.txn.HybridLogicalClock clock;
  private final io.phantomdb.kernel.txn.lock.LockManager locks = new io.phantomdb.kernel.txn.lock.LockManager();
  private final AtomicLong transactionIds = new AtomicLong();
  private final io.phantomdb.kernel.txn.ssi.SsiRegistry ssi = new io.phantomdb.kernel.txn.ssi.SsiRegistry();
  private final Map<Integer, TableLayout> layouts = new ConcurrentHashMap<>();
  private final PlanCache plans = new PlanCache(1024);
  private final PlanCache textPlans = new PlanCache(256);
  private final PlanCache shapes = new PlanCache(1024);
  /** Open sessions and their databases; also the lock DROP DATABASE holds while it commits. */
  private final Map<EngineSession, String> sessions = new java.util.IdentityHashMap<>();
  private final SequenceStore sequences;
  /** Session numbers: what pg_backend_pid() returns unless the protocol layer sets its own. */
  private final AtomicLong sessionIds = new AtomicLong(1000);

  /** The server's defaults of session settings (configuration), canonical values by name. */
  private final Map<String, String> sessionDefaults;

  private SqlEngine(StorageEngine storage, GcSettings gcSettings, Map<String, String> sessionDefaults) {
    Map<String, String> checked = new java.util.LinkedHashMap<>();
    sessionDefaults.forEach((k, v) -> checked.put(k, io.phantomdb.kernel.sql.session.SessionSettings.checkDefault(k, v)));
    this.sessionDefaults = Map.copyOf(checked);
    this.storage = storage;
    this.data = storage.createKeyspace(DATA_KEYSPACE);
    this.catalog = CatalogStore.open(storage);
    this.sequences = new SequenceStore(storage, data,
        id -> catalog.current().byId(id).orElse(null) instanceof SequenceDescriptor s ? s : null);
    byte[] last = storage.get(data, LAST_TS_KEY);
    this.lastTs = new AtomicLong(last == null ? 0 : ByteBuffer.wrap(last).getLong());
    this.clock = new io.phantomdb.kernel.txn.HybridLogicalClock(lastTs.get());
    // Row ids of tables without a primary key: above anything issued before, assuming fewer than
    // 16 rows per microsecond on average (far above what a single node inserts).
    this.rowIds = new AtomicLong(Math.max(System.currentTimeMillis() * 1000, lastTs.get()) * 16);
    // Commits go through a replication group: the built-in one-node `local` group, which
    // group-commits (one synced batch for all the commits waiting). It keeps no files of its own.
    this.group = new io.phantomdb.kernel.consensus.local.LocalConsensusProvider().open(
        io.phantomdb.spi.consensus.GroupContext.of("sql", new SqlStateMachine(storage, data, LAST_TS_KEY,
            this::committed), java.nio.file.Path.of("local-group-keeps-no-files")));
    this.ddlLock = new DrainingLock(writeLock, this::awaitCommits);
    this.snapshots = new ActiveSnapshots(lastTs::get);
    this.gc = new VersionGc(storage, data, snapshots, gcSettings,
        () -> System.currentTimeMillis() * 1000);
    gc.start();
  }

  private final ActiveSnapshots snapshots;
  private final VersionGc gc;

  /** @return the read timestamps in use, which version garbage collection keeps visible */
  ActiveSnapshots snapshots() {
    return snapshots;
  }

  /**
   * Runs one version garbage collection pass over all tables now (as {@code VACUUM} does): deletes
   * the row and index versions that no running statement or transaction can see any more.
   *
   * @return what the pass did
   */
  public GcPassResult collectGarbage() {
    return gc.collect(List.of(VersionGc.VERSIONED_DATA));
  }

  /**
   * Runs one pass over some key ranges of the data keyspace (VACUUM of some tables).
   *
   * @param ranges ranges holding versioned keys only
   * @return what the pass did
   */
  GcPassResult collectGarbage(List<KeyRange> ranges) {
    return gc.collect(ranges);
  }

  /** @return what version garbage collection did since the engine opened */
  public GcTotals gcTotals() {
    return gc.totals();
  }

  private final io.phantomdb.spi.consensus.ReplicationGroup group;
  private final DrainingLock ddlLock;

  /**
   * Submits a committed transaction's command to the replication group.
   *
   * @param command a {@link CommitCommand}
   * @return completes once it is durable and visible
   */
  java.util.concurrent.CompletableFuture<Long> submit(byte[] command) {
    return group.submit(command);
  }

  /** Waits until every command submitted so far is applied (a barrier through the group). */
  void awaitCommits() {
    try {
      group.submit(CommitCommand.barrier()).join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR, "the commit log stopped: " + e.getCause().getMessage(),
          null, null, e.getCause());
    }
  }

  /**
   * The write lock as DDL takes it: once held, every transaction commit submitted before has been
   * applied, so DDL (which writes storage directly: catalog, TRUNCATE's range deletes, rewrites)
   * never overtakes a commit that got its timestamp earlier.
   */
  ReentrantLock ddlLock() {
    return ddlLock;
  }

  /** {@link #ddlLock()}: the engine's write lock, draining the commit queue when first taken. */
  private static final class DrainingLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;
    private final transient ReentrantLock inner;
    private final transient Runnable drain;

    DrainingLock(ReentrantLock inner, Runnable drain) {
      this.inner = inner;
      this.drain = drain;
    }

    @Override
    public void lock() {
      inner.lock();
      if (inner.getHoldCount() == 1) {
        try {
          drain.run();
        } catch (RuntimeException e) {
          inner.unlock();
          throw e;
        }
      }
    }

    @Override
    public void unlock() {
      inner.unlock();
    }

    @Override
    public boolean isHeldByCurrentThread() {
      return inner.isHeldByCurrentThread();
    }

    @Override
    public int getHoldCount() {
      return inner.getHoldCount();
    }
  }

  /**
   * Opens the SQL engine on a storage engine, creating the catalog of a new store.
   *
   * @param storage the open storage engine; the caller closes it after this engine
   * @return the engine
   */
  public static SqlEngine open(StorageEngine storage) {
    return open(storage, GcSettings.DEFAULT, Map.of());
  }

  /**
   * Opens the SQL engine with version garbage collection settings ({@code txn.gc.*}).
   *
   * @param storage the open storage engine; the caller closes it after this engine
   * @param gc when background passes run and what they keep
   * @return the engine
   */
  public static SqlEngine open(StorageEngine storage, GcSettings gc) {
    return open(storage, gc, Map.of());
  }

  /**
   * Opens the SQL engine with the server's defaults of session settings (from the configuration:
   * {@code lock_timeout}, {@code deadlock_timeout}, {@code default_transaction_isolation}, ...).
   *
   * @param storage the open storage engine; the caller closes it after this engine
   * @param sessionDefaults setting name → value, as {@code SET} would take it
   * @return the engine
   * @throws SqlException 42704 for an unknown setting, 22023 for a refused value
   */
  public static SqlEngine open(StorageEngine storage, Map<String, String> sessionDefaults) {
    return open(storage, GcSettings.DEFAULT, sessionDefaults);
  }

  /**
   * Opens the SQL engine with version garbage collection settings and the server's defaults of
   * session settings.
   *
   * @param storage the open storage engine; the caller closes it after this engine
   * @param gc when background passes run and what they keep
   * @param sessionDefaults setting name → value, as {@code SET} would take it
   * @return the engine
   * @throws SqlException 42704 for an unknown setting, 22023 for a refused value
   */
  public static SqlEngine open(StorageEngine storage, GcSettings gc, Map<String, String> sessionDefaults) {
    return new SqlEngine(storage, gc, sessionDefaults);
  }

  /** @return the server's defaults of session settings, canonical values by name */
  Map<String, String> sessionDefaults() {
    return sessionDefaults;
  }

  /**
   * @return a new session in database {@code postgres} as the bootstrap superuser (normally {@code
   *     postgres}), every setting at its default
   */
  public Session newSession() {
    return newSession(CatalogStore.DEFAULT_DATABASE);
  }

  /**
   * @return the roles, for a protocol server's authentication
   */
  public Roles roles() {
    return name -> catalog.current().role(name).map(r -> new Roles.Role(r.name(), r.login(), r.superuser(),
        r.password(), r.validUntil() == null || r.validUntil().equals("infinity") ? null
            : java.time.Instant.parse(r.validUntil()), r.connectionLimit()));
  }

  /**
   * Opens a session as a role, as a client that authenticated as that role: {@code current_user}
   * and {@code session_user} name it. Authentication (passwords, LOGIN, VALID UNTIL, CONNECTION
   * LIMIT) is the caller's, see {@link Roles}; this only checks that the role exists.
   *
   * @param user the role's name (case-sensitive)
   * @param database the database's name (case-sensitive)
   * @return the session, every setting at its default
   * @throws SqlException 28000 if there is no such role, 3D000 if there is no such database
   */
  public Session newSession(String user, String database) {
    if (catalog.current().role(user).isEmpty()) {
      throw new SqlException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + user + "\" does not exist");
    }
    return open(user, database);
  }

  /**
   * Opens a session connected to a database, as a client names one when it connects.
   *
   * @param database the database's name (case-sensitive, as a quoted identifier)
   * @return the session, every setting at its default
   * @throws SqlException 3D000 if there is no such database
   */
  public Session newSession(String database) {
    String bootstrap = catalog.current().byId(io.phantomdb.kernel.sql.catalog.RoleDescriptor.BOOTSTRAP_ID)
        .map(io.phantomdb.kernel.sql.catalog.CatalogObject::name).orElse(io.phantomdb.kernel.sql.catalog.RoleDescriptor.BOOTSTRAP_NAME);
    return open(bootstrap, database);
  }

  private Session open(String user, String database) {
    synchronized (sessions) {
      if (catalog.current().database(database).isEmpty()) {
        throw new SqlException(SqlState.INVALID_CATALOG_NAME, "database \"" + database + "\" does not exist");
      }
      EngineSession s = new EngineSession(this, database, user, sessionIds.incrementAndGet());
      sessions.put(s, database);
      return s;
    }
  }

  /**
   * @return how many sessions are open (made by {@code newSession} and not closed yet): what a
   *     server's tests check returns to zero once every client has gone
   */
  public int openSessions() {
    synchronized (sessions) {
      return sessions.size();
    }
  }

  /** The lock under which sessions open and close, and DROP DATABASE counts them and commits. */
  Object sessionsLock() {
    return sessions;
  }

  /**
   * @param database a database
   * @param self a session not to count
   * @return how many other open sessions are connected to it
   */
  int otherSessions(String database, EngineSession self) {
    synchronized (sessions) {
      int n = 0;
      for (Map.Entry<EngineSession, String> e : sessions.entrySet()) {
        if (e.getKey() != self && e.getValue().equals(database)) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * @param user a role name
   * @return how many open sessions run as that role (for its CONNECTION LIMIT)
   */
  public int sessionsOf(String user) {
    synchronized (sessions) {
      int n = 0;
      for (EngineSession s : sessions.keySet()) {
        if (s.user().equals(user)) {
          n++;
        }
      }
      return n;
    }
  }

  void closed(EngineSession session) {
    synchronized (sessions) {
      sessions.remove(session);
    }
  }

  /** Plans by statement shape: parameterized text, or prepared text with its declared types. */
  PlanCache plans() {
    return plans;
  }

  /** Plans by the text of a statement with its literals cut out ({@code LiteralShape}). */
  PlanCache shapes() {
    return shapes;
  }

  /** Plans by exact statement text, with the statement's literal values. */
  PlanCache textPlans() {
    return textPlans;
  }

  StorageEngine storage() {
    return storage;
  }

  Keyspace data() {
    return data;
  }

  CatalogStore catalog() {
    return catalog;
  }

  SequenceStore sequences() {
    return sequences;
  }

  ReentrantLock writeLock() {
    return writeLock;
  }

  TableLayout layout(TableDescriptor t) {
    // by table id, checked by identity first: a descriptor's own hashCode walks all its columns
    TableLayout known = layouts.get(t.id());
    if (known != null && (known.table() == t || known.table().equals(t))) {
      return known;
    }
    TableLayout made = TableLayout.of(t);
    layouts.put(t.id(), made);
    return made;
  }

  /** @return the row locks held and waited for right now (empty once every transaction ended) */
  public java.util.List<io.phantomdb.kernel.txn.lock.LockInfo> lockSnapshot() {
    return locks.snapshot();
  }

  /**
   * @return the row lock manager of all transactions (public for monitoring: its {@link
   *     io.phantomdb.kernel.txn.lock.LockManager#snapshot() snapshot} shows who waits)
   */
  public io.phantomdb.kernel.txn.lock.LockManager locks() {
    return locks;
  }

  /** @return the read and write sets of SERIALIZABLE transactions (serializable snapshot isolation) */
  io.phantomdb.kernel.txn.ssi.SsiRegistry ssi() {
    return ssi;
  }

  /** @return a new transaction number */
  long nextTransactionId() {
    return transactionIds.incrementAndGet();
  }

  long nextRowId() {
    return rowIds.incrementAndGet();
  }

  /** @return the timestamp of the last committed statement: what a new statement reads at */
  long readTs() {
    return lastTs.get();
  }

  /**
   * Under the write lock: the next commit timestamp, strictly above every earlier one and, when
   * the clock allows, close to the wall clock in microseconds (a hybrid logical clock on one node).
   */
  long nextCommitTs() {
    if (!writeLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("nextCommitTs needs the write lock");
    }
    return clock.now();
  }

  /** The batch entry that records {@code ts} as the last commit, written with each commit. */
  byte[][] lastTsEntry(long ts) {
    return new byte[][] {LAST_TS_KEY, ByteBuffer.allocate(8).putLong(ts).array()};
  }

  void committed(long ts) {
    lastTs.accumulateAndGet(ts, Math::max);
  }

  /** @return a commit timestamp for a transaction, under the write lock (no draining) */
  long nextTransactionCommitTs() {
    return clock.now();
  }

  /** Closes the engine (not the storage engine under it). */
  @Override
  public void close() {
    gc.close();
    group.close();
    sequences.flush();
    layouts.clear();
  }
}
