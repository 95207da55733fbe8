package io.phantomdb.kernel.sql.sequence;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.expr.SequenceOps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The sequence functions for one statement of one session: names resolve in the statement's
 * catalog and the session's search path (each name once per statement), values come from the
 * engine's {@link SequenceStore}, and currval / lastval from the session's {@link
 * SessionSequences}. Used by one thread at a time.
 */
public final class StatementSequences implements SequenceOps {
  private final SequenceStore store;
  private final SessionSequences session;
  private final CatalogSnapshot catalog;
  private final int databaseId;
  private final List<String> searchPath;
  private final Map<String, SequenceDescriptor> resolved = new HashMap<>();

  /**
   * @param store the engine's sequences
   * @param session the session's currval / lastval state
   * @param catalog the catalog the statement runs against
   * @param databaseId the session's database
   * @param searchPath the session's search path
   */
  public StatementSequences(SequenceStore store, SessionSequences session, CatalogSnapshot catalog,
      int databaseId, List<String> searchPath) {
    this.store = store;
    this.session = session;
    this.catalog = catalog;
    this.databaseId = databaseId;
    this.searchPath = searchPath;
  }

  @Override
  public long nextval(String name) {
    SequenceDescriptor s = resolve(name);
    long v = store.nextval(s);
    session.nextval(s.id(), v);
    return v;
  }

  @Override
  public long currval(String name) {
    SequenceDescriptor s = resolve(name);
    return session.currval(s.id()).orElseThrow(() -> new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
        "currval of sequence \"" + s.name() + "\" is not yet defined in this session"));
  }

  @Override
  public long setval(String name, long value, boolean called) {
    SequenceDescriptor s = resolve(name);
    store.setval(s, value, called);
    if (called) {
      session.setval(s.id(), value);
    }
    return value;
  }

  @Override
  public long lastval() {
    OptionalInt id = session.lastUsed();
    if (id.isEmpty() || !store.exists(id.getAsInt())) {
      throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "lastval is not yet defined in this session");
    }
    return session.currval(id.getAsInt()).orElseThrow();
  }

  private SequenceDescriptor resolve(String name) {
    SequenceDescriptor s = resolved.get(name);
    if (s == null) {
      s = SequenceNames.sequence(catalog, databaseId, searchPath, name);
      resolved.put(name, s);
    }
    return s;
  }
}
