package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.plan.DmlPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlKind;

/**
 * Optimized plans of queries and DML, by statement text, parameter types, catalog version,
 * database, search path and time zone, so a repeated statement skips parsing, validation and Calcite's
 * rewrites (milliseconds) and only builds its operators (microseconds). A DDL change bumps the
 * catalog version, so stale plans are never found again; the least recently used plans are
 * evicted. Thread-safe.
 */
final class PlanCache {
  /**
   * What identifies a plan.
   *
   * @param sql the statement text (for statements whose literals became parameters, the text
   *     with {@code $n} in their place and their types: see {@code LiteralParameterizer})
   * @param parameterTypes the declared parameter types ({@code null} entries: inferred)
   * @param catalogVersion the catalog the plan was made against
   * @param databaseId the session's database
   * @param searchPath the session's search path
   * @param timeZone the session's time zone (constants such as {@code '2024-01-01'::timestamptz}
   *     fold in it)
   */
  record Key(String sql, List<DataType> parameterTypes, long catalogVersion, int databaseId,
      List<String> searchPath, java.time.ZoneId timeZone) {}

  /**
   * A cached plan.
   *
   * @param root the optimized logical plan (operators are built from it per execution)
   * @param columns its output columns (RETURNING's for DML; none for DML without it)
   * @param kind the statement kind
   * @param parameterTypes the type of each parameter, {@code $1} first
   * @param dml for INSERT, UPDATE and DELETE the whole {@link DmlPlan} (RETURNING, ON CONFLICT,
   *     ...), else null
   * @param locking for {@code SELECT ... FOR UPDATE} and the like, what to lock, else null
   */
  record Plan(RelRoot root, List<ColumnInfo> columns, SqlKind kind, List<DataType> parameterTypes, DmlPlan dml,
      io.phantomdb.kernel.sql.plan.LockingPlanner.Locking locking) {
    /** A plan without locking clause. */
    Plan(RelRoot root, List<ColumnInfo> columns, SqlKind kind, List<DataType> parameterTypes, DmlPlan dml) {
      this(root, columns, kind, parameterTypes, dml, null);
    }
  }

  /**
   * A cache entry.
   *
   * @param plan the plan, or null if the statement's literals cannot be parameters (it is planned
   *     with its literals instead)
   * @param values parameter values that come with the plan (the literals of a statement text), or
   *     null
   * @param literalOrder for a statement shape ({@code LiteralShape}), the parameter index of each
   *     literal in text order, else null
   */
  record Entry(Plan plan, Object[] values, int[] literalOrder) {
    static final Entry NOT_PARAMETERIZABLE = new Entry(null, null);

    Entry(Plan plan, Object[] values) {
      this(plan, values, null);
    }
  }

  private final Map<Key, Entry> plans;
  private long hits;
  private long misses;

  PlanCache(int capacity) {
    this.plans = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Entry get(Key key) {
    Entry p = plans.get(key);
    if (p == null) {
      misses++;
    } else {
      hits++;
    }
    return p;
  }

  synchronized void put(Key key, Entry entry) {
    plans.put(key, entry);
  }

  /** @return {hits, misses} since the engine started */
  synchronized long[] counters() {
    return new long[] {hits, misses};
  }
}
