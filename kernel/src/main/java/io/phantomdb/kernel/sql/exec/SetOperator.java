package io.phantomdb.kernel.sql.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UNION, INTERSECT and EXCEPT, each DISTINCT or ALL, over inputs of the same row shape. Rows are
 * compared whole, NULLs equal to each other (as SQL set operations do). UNION ALL streams;
 * the others count occurrences per input in a hash table.
 */
public final class SetOperator implements Operator {
  /** The set operation. */
  public enum Kind { UNION, INTERSECT, EXCEPT }

  private final Kind kind;
  private final boolean all;
  private final List<Operator> inputs;
  private final KeyEquivalence rowEquivalence;
  private ExecContext ctx;
  private int streaming;
  private Iterator<Object[]> results;

  /**
   * @param kind the operation
   * @param all true for the ALL variant (keep duplicates by count)
   * @param inputs two or more inputs
   * @param rowEquivalence equality of whole rows
   */
  public SetOperator(Kind kind, boolean all, List<Operator> inputs, KeyEquivalence rowEquivalence) {
    this.kind = kind;
    this.all = all;
    this.inputs = List.copyOf(inputs);
    this.rowEquivalence = rowEquivalence;
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    results = null;
    streaming = 0;
    if (kind == Kind.UNION && all) {
      inputs.get(0).open(context);
      return;
    }
    // counts[i] = occurrences of the row in input i
    Map<Key, long[]> counts = new LinkedHashMap<>();
    Map<Key, Object[]> firstRow = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Operator in = inputs.get(i);
      in.open(context);
      try {
        Object[] row;
        while ((row = in.next()) != null) {
          Key k = new Key(row, rowEquivalence);
          counts.computeIfAbsent(k, x -> new long[inputs.size()])[i]++;
          firstRow.putIfAbsent(k, row);
        }
      } finally {
        in.close();
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (Map.Entry<Key, long[]> e : counts.entrySet()) {
      long n = occurrences(e.getValue());
      for (long j = 0; j < n; j++) {
        out.add(firstRow.get(e.getKey()));
      }
    }
    results = out.iterator();
  }

  /** How often a row is output, from how often it occurs in each input. */
  private long occurrences(long[] counts) {
    long[] c = counts;
    if (!all) { // DISTINCT variants work on presence, not multiplicity
      c = new long[counts.length];
      for (int i = 0; i < c.length; i++) {
        c[i] = Math.min(counts[i], 1);
      }
    }
    long result = c[0];
    for (int i = 1; i < c.length; i++) {
      result = switch (kind) {
        case UNION -> result + c[i];
        case INTERSECT -> Math.min(result, c[i]);
        case EXCEPT -> Math.max(0, result - c[i]);
      };
    }
    return all ? result : Math.min(result, 1);
  }

  @Override
  public Object[] next() {
    if (results != null) {
      return results.hasNext() ? results.next() : null;
    }
    while (streaming < inputs.size()) {
      Object[] row = inputs.get(streaming).next();
      if (row != null) {
        return row;
      }
      inputs.get(streaming).close();
      if (++streaming < inputs.size()) {
        inputs.get(streaming).open(ctx);
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (results == null && streaming < inputs.size()) {
      inputs.get(streaming).close();
    }
    results = null;
  }

  @Override
  public String describe() {
    return kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + (all ? " All" : "");
  }

  @Override
  public List<Operator> children() {
    return inputs;
  }
}
