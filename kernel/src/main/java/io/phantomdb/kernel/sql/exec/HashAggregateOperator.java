package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.expr.Accumulator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GROUP BY with a hash table: output rows are the group key columns followed by one value per
 * aggregate. Without group keys it returns exactly one row, also for empty input (SQL's rule for
 * {@code SELECT count(*) FROM empty}). Also serves DISTINCT (keys, no aggregates).
 */
public final class HashAggregateOperator implements Operator {
  private final Operator input;
  private final int[] groupKeys;
  private final KeyEquivalence keyEquivalence;
  private final List<AggregateFunction> aggregates;
  private final String description;
  private Iterator<Map.Entry<Key, Accumulator[]>> results;

  /**
   * @param input the input
   * @param groupKeys positions of the grouping columns in an input row
   * @param keyEquivalence equality of group keys (NULLs group together)
   * @param aggregates the aggregate functions, each reading what it needs from the input row
   * @param description the grouping and aggregates as text, for EXPLAIN
   */
  public HashAggregateOperator(Operator input, int[] groupKeys, KeyEquivalence keyEquivalence,
      List<AggregateFunction> aggregates, String description) {
    this.input = input;
    this.groupKeys = groupKeys.clone();
    this.keyEquivalence = keyEquivalence;
    this.aggregates = List.copyOf(aggregates);
    this.description = description;
  }

  @Override
  public void open(ExecContext ctx) {
    Map<Key, Accumulator[]> groups = new LinkedHashMap<>();
    input.open(ctx);
    try {
      Object[] row;
      long n = 0;
      while ((row = input.next()) != null) {
        Object[] k = new Object[groupKeys.length];
        for (int i = 0; i < k.length; i++) {
          k[i] = row[groupKeys[i]];
        }
        Accumulator[] accs = groups.computeIfAbsent(new Key(k, keyEquivalence), x -> newAccumulators());
        for (Accumulator a : accs) {
          a.add(row);
        }
        if (++n % 4096 == 0) {
          ctx.checkCancelled();
        }
      }
    } finally {
      input.close();
    }
    if (groups.isEmpty() && groupKeys.length == 0) {
      groups.put(new Key(new Object[0], keyEquivalence), newAccumulators());
    }
    results = new ArrayList<>(groups.entrySet()).iterator();
  }

  private Accumulator[] newAccumulators() {
    Accumulator[] accs = new Accumulator[aggregates.size()];
    for (int i = 0; i < accs.length; i++) {
      accs[i] = aggregates.get(i).newAccumulator();
    }
    return accs;
  }

  @Override
  public Object[] next() {
    if (!results.hasNext()) {
      return null;
    }
    Map.Entry<Key, Accumulator[]> e = results.next();
    Object[] key = e.getKey().values;
    Accumulator[] accs = e.getValue();
    Object[] out = new Object[key.length + accs.length];
    System.arraycopy(key, 0, out, 0, key.length);
    for (int i = 0; i < accs.length; i++) {
      out[key.length + i] = accs[i].result();
    }
    return out;
  }

  @Override
  public void close() {
    results = null;
  }

  @Override
  public String describe() {
    return "Hash Aggregate: " + description;
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
