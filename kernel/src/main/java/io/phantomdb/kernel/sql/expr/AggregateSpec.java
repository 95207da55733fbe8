package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * One aggregate call of a plan, compiled: its result type and a factory of {@link Accumulator}s.
 * Immutable; holds no Calcite objects.
 *
 * <p>Supported, with PostgreSQL's semantics and the result types {@link
 * io.phantomdb.kernel.sql.type.PhantomTypeSystem} gives them: {@code count(*)}, {@code count(x)}
 * (rows where every argument is non-null), {@code sum} (NULL for no rows; integer sums overflow
 * only past bigint or numeric), Calcite's {@code $SUM0} (0 for no rows), {@code avg} (numeric
 * division with PostgreSQL's scale for exact types, double for floats, interval for intervals),
 * {@code min}, {@code max}, {@code bool_and}/{@code every}, {@code bool_or}/{@code some}, {@code
 * string_agg} (with its ORDER BY), {@code any_value}, {@code single_value} (what scalar
 * sub-queries become: a second row is 21000); every one with DISTINCT and FILTER. Others fail
 * with 0A000 when compiled.
 */
public final class AggregateSpec {
  private final String name;
  private final DataType type;
  private final Supplier<Accumulator> factory;

  private AggregateSpec(String name, DataType type, Supplier<Accumulator> factory) {
    this.name = name;
    this.type = type;
    this.factory = factory;
  }

  /**
   * @param call an aggregate call of a Calcite Aggregate
   * @param inputRowType the row type of the Aggregate's input
   * @return the compiled aggregate
   * @throws SqlException 0A000 for an aggregate function PhantomDB does not have
   */
  public static AggregateSpec of(AggregateCall call, RelDataType inputRowType) {
    String name = call.getAggregation().getName().toUpperCase(Locale.ROOT);
    DataType type = CalciteTypes.toDataType(call.getType());
    if (name.equals("LITERAL_AGG")) {
      // Calcite's sub-query rewrite: the same constant for every group (e.g. TRUE as a marker)
      Object literal = ExprCompiler.compile(call.rexList.get(0)).eval(new Object[0], EvalContext.of());
      return new AggregateSpec(name, type, () -> new Accumulator() {
        @Override
        public void add(Object[] row) {}

        @Override
        public Object result() {
          return literal;
        }
      });
    }
    int[] args = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
    DataType[] argTypes = new DataType[args.length];
    for (int i = 0; i < args.length; i++) {
      argTypes[i] = CalciteTypes.toDataType(inputRowType.getFieldList().get(args[i]).getType());
    }
    int filter = call.filterArg;
    boolean distinct = call.isDistinct();
    Comparator<Object[]> order = order(call, inputRowType);
    Supplier<AggFunction> fn = switch (name) {
      case "COUNT" -> AggFunctions.Count::new;
      case "SUM" -> () -> new AggFunctions.Sum(type, false);
      case "$SUM0" -> () -> new AggFunctions.Sum(type, true);
      case "AVG" -> () -> new AggFunctions.Avg(type);
      case "MIN", "MAX" -> () -> new AggFunctions.MinMax(argTypes[0], type, name.equals("MAX"));
      case "BOOL_AND", "EVERY" -> () -> new AggFunctions.Bool(true);
      case "BOOL_OR", "SOME", "ANY" -> () -> new AggFunctions.Bool(false);
      case "STRING_AGG", "LISTAGG" -> () -> new AggFunctions.StringAgg(argTypes);
      case "ANY_VALUE" -> () -> new AggFunctions.AnyValue();
      case "SINGLE_VALUE" -> () -> new AggFunctions.SingleValue();
      case "ARRAY_AGG" -> AggFunctions.ArrayAgg::new;
      default -> throw Errors.unsupported("aggregate function " + call.getAggregation().getName());
    };
    if (args.length == 0 && !name.equals("COUNT")) {
      throw Errors.unsupported("aggregate function " + name + " without arguments");
    }
    NullRule nulls = name.equals("COUNT") ? NullRule.ANY_NULL
        : name.equals("SINGLE_VALUE") || name.equals("ARRAY_AGG") ? NullRule.KEEP : NullRule.FIRST_NULL;
    Supplier<Accumulator> factory = () -> new Acc(fn.get(), args, argTypes, filter, distinct, order, nulls);
    return new AggregateSpec(name, type, factory);
  }

  private static Comparator<Object[]> order(AggregateCall call, RelDataType inputRowType) {
    if (call.getCollation().getFieldCollations().isEmpty()) {
      return null;
    }
    Comparator<Object[]> c = null;
    for (RelFieldCollation fc : call.getCollation().getFieldCollations()) {
      int i = fc.getFieldIndex();
      TypeKind k = CalciteTypes.toDataType(inputRowType.getFieldList().get(i).getType()).kind();
      boolean desc = fc.getDirection().isDescending();
      boolean nullsFirst = fc.nullDirection == RelFieldCollation.NullDirection.FIRST
          || (fc.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && desc);
      Comparator<Object[]> one = (a, b) -> {
        Object x = a[i];
        Object y = b[i];
        if (x == null || y == null) {
          return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
        }
        int r = ValueComparator.compare(k, x, y);
        return desc ? -r : r;
      };
      c = c == null ? one : c.thenComparing(one);
    }
    return c;
  }

  /** @return the aggregate function's name, upper case */
  public String name() {
    return name;
  }

  /** @return the type of the result */
  public DataType type() {
    return type;
  }

  /** @return a fresh accumulator for one group */
  public Accumulator newAccumulator() {
    return factory.get();
  }

  /** The state of one aggregate function, fed argument values. */
  interface AggFunction {
    /**
     * @param args the argument values of one row (COUNT gets rows with NULLs too; the others
     *     only rows whose first argument is non-null)
     */
    void add(Object[] args);

    Object result();
  }

  /** Which rows with NULL arguments an aggregate skips. */
  private enum NullRule {
    /** count(x, y): rows where any argument is NULL. */
    ANY_NULL,
    /** the others: rows whose (first) argument is NULL. */
    FIRST_NULL,
    /** single_value: none. */
    KEEP
  }

  /** Filter, DISTINCT, ORDER BY and NULL skipping around an aggregate function. */
  private static final class Acc implements Accumulator {
    private final AggFunction fn;
    private final int[] args;
    private final DataType[] argTypes;
    private final int filter;
    private final Set<List<Object>> seen;
    private final Comparator<Object[]> order;
    private final List<Object[]> buffered;
    private final NullRule nulls;

    Acc(AggFunction fn, int[] args, DataType[] argTypes, int filter, boolean distinct,
        Comparator<Object[]> order, NullRule nulls) {
      this.fn = fn;
      this.args = args;
      this.argTypes = argTypes;
      this.filter = filter;
      this.seen = distinct ? new HashSet<>() : null;
      this.order = order;
      this.buffered = order != null ? new ArrayList<>() : null;
      this.nulls = nulls;
    }

    @Override
    public void add(Object[] row) {
      if (filter >= 0 && row[filter] != Boolean.TRUE) {
        return;
      }
      Object[] v = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        v[i] = row[args[i]];
        if (v[i] == null && (nulls == NullRule.ANY_NULL || (i == 0 && nulls == NullRule.FIRST_NULL))) {
          return;
        }
      }
      if (seen != null) {
        List<Object> key = new ArrayList<>(v.length);
        for (int i = 0; i < v.length; i++) {
          key.add(ValueComparator.hashKey(argTypes[i].kind(), v[i]));
        }
        if (!seen.add(key)) {
          return;
        }
      }
      if (buffered != null) {
        buffered.add(row.clone());
        return;
      }
      fn.add(v);
    }

    @Override
    public Object result() {
      if (buffered != null) {
        buffered.sort(order);
        for (Object[] row : buffered) {
          Object[] v = new Object[args.length];
          for (int i = 0; i < args.length; i++) {
            v[i] = row[args[i]];
          }
          fn.add(v);
        }
        buffered.clear();
      }
      return fn.result();
    }
  }

  static SqlException moreThanOneRow() {
    return new SqlException(SqlState.CARDINALITY_VIOLATION,
        "more than one row returned by a subquery used as an expression");
  }
}
