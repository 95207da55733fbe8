package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.plan.DmlPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlKind;

/**
 * Optimized plans of queries and DML, by statement text, catalog version, database and search
 * path, so a repeated statement skips parsing, validation and Calcite's rewrites (milliseconds)
 * and only builds its operators (microseconds). A DDL change bumps the catalog version, so stale
 * plans are never found again; the least recently used plans are evicted. Thread-safe.
 */
final class PlanCache {
  /** What identifies a plan. */
  record Key(String sql, long catalogVersion, int databaseId, List<String> searchPath) {}

  /**
   * A cached plan: the optimized logical plan, its output columns and its statement kind; for
   * INSERT, UPDATE and DELETE the whole {@link DmlPlan} (RETURNING, ON CONFLICT, ...), else null.
   */
  record Plan(RelRoot root, List<ColumnInfo> columns, SqlKind kind, DmlPlan dml) {
    /** A query's plan. */
    Plan(RelRoot root, List<ColumnInfo> columns, SqlKind kind) {
      this(root, columns, kind, null);
    }
  }

  private final Map<Key, Plan> plans;
  private long hits;
  private long misses;

  PlanCache(int capacity) {
    this.plans = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Plan> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Plan get(Key key) {
    Plan p = plans.get(key);
    if (p == null) {
      misses++;
    } else {
      hits++;
    }
    return p;
  }

  synchronized void put(Key key, Plan plan) {
    plans.put(key, plan);
  }

  /** @return {hits, misses} since the engine started */
  synchronized long[] counters() {
    return new long[] {hits, misses};
  }
}
