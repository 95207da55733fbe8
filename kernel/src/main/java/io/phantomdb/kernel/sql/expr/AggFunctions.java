package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;

/** The aggregate functions behind {@link AggregateSpec}. */
final class AggFunctions {
  private AggFunctions() {}

  /** array_agg(x [ORDER BY ...]): the values in order, NULLs kept; NULL for no rows. */
  static final class ArrayAgg implements AggregateSpec.AggFunction {
    private final java.util.List<Object> values = new java.util.ArrayList<>();

    @Override
    public void add(Object[] args) {
      values.add(args[0]);
    }

    @Override
    public Object result() {
      return values.isEmpty() ? null : new io.phantomdb.kernel.sql.type.PgArray(values);
    }
  }

  /** count(*) and count(x, ...). */
  static final class Count implements AggregateSpec.AggFunction {
    private long n;

    @Override
    public void add(Object[] args) {
      n++;
    }

    @Override
    public Object result() {
      return n;
    }
  }

  /** sum and $SUM0, accumulated in the result's kind (bigint for sum(int), numeric for sum(bigint)). */
  static final class Sum implements AggregateSpec.AggFunction {
    private final DataType type;
    private final boolean zeroIfEmpty;
    private long longSum;
    private Object sum;

    Sum(DataType type, boolean zeroIfEmpty) {
      this.type = type;
      this.zeroIfEmpty = zeroIfEmpty;
    }

    @Override
    public void add(Object[] args) {
      Object v = args[0];
      TypeKind k = type.kind();
      if (k == TypeKind.INTERVAL) {
        sum = sum == null ? v : DateTimeArithmetic.add((PgInterval) sum, (PgInterval) v);
      } else if (k.isInteger() && !(v instanceof BigDecimal) && !(v instanceof Double) && !(v instanceof Float)) {
        try {
          longSum = Math.addExact(longSum, Conv.toLong(v));
        } catch (ArithmeticException e) {
          throw Errors.outOfRange(TypeKind.BIGINT);
        }
        sum = Boolean.TRUE;
      } else {
        sum = sum == null ? Casts.convert(v, Conv.typeOfValue(v), DataType.of(k), true)
            : Arithmetic.apply(Arithmetic.Op.ADD, sum, v, k);
      }
    }

    @Override
    public Object result() {
      TypeKind k = type.kind();
      if (sum == null) {
        if (!zeroIfEmpty) {
          return null;
        }
        return k == TypeKind.INTERVAL ? PgInterval.ZERO : Casts.convert(0L, DataType.of(TypeKind.BIGINT), DataType.of(k), true);
      }
      if (sum == Boolean.TRUE) {
        return Conv.intOfKind(longSum, k);
      }
      return sum;
    }
  }

  /** avg: exact types as numeric with PostgreSQL's division scale, floats as double, intervals. */
  static final class Avg implements AggregateSpec.AggFunction {
    private final DataType type;
    private long count;
    private BigDecimal exact;
    private double dbl;
    private PgInterval interval;
    private boolean floating;

    Avg(DataType type) {
      this.type = type;
    }

    @Override
    public void add(Object[] args) {
      Object v = args[0];
      count++;
      if (v instanceof PgInterval iv) {
        interval = interval == null ? iv : DateTimeArithmetic.add(interval, iv);
      } else if (v instanceof Double || v instanceof Float) {
        floating = true;
        dbl += Conv.toDouble(v);
      } else {
        BigDecimal b = Conv.toBigDecimal(v);
        exact = exact == null ? b : exact.add(b);
      }
    }

    @Override
    public Object result() {
      if (count == 0) {
        return null;
      }
      Object r;
      DataType from;
      if (interval != null) {
        r = DateTimeArithmetic.multiply(interval, count, true);
        from = DataType.of(TypeKind.INTERVAL);
      } else if (floating) {
        r = dbl / count;
        from = DataType.of(TypeKind.DOUBLE);
      } else {
        r = Arithmetic.divide(exact, BigDecimal.valueOf(count));
        from = DataType.of(TypeKind.NUMERIC);
      }
      return from.kind() == type.kind() ? r : Casts.convert(r, from, type, true);
    }
  }

  /** min and max in PostgreSQL's order. */
  static final class MinMax implements AggregateSpec.AggFunction {
    private final TypeKind kind;
    private final DataType argType;
    private final DataType type;
    private final boolean max;
    private Object best;

    MinMax(DataType argType, DataType type, boolean max) {
      this.argType = argType;
      this.kind = argType.kind();
      this.type = type;
      this.max = max;
    }

    @Override
    public void add(Object[] args) {
      Object v = args[0];
      if (best == null) {
        best = v;
      } else {
        int c = ValueComparator.compare(kind, v, best);
        if (max ? c > 0 : c < 0) {
          best = v;
        }
      }
    }

    @Override
    public Object result() {
      if (best == null || type.kind() == kind || (kind.isText() && type.kind().isText())) {
        return best;
      }
      return Casts.convert(best, argType, type, true);
    }
  }

  /** bool_and / every and bool_or / some. */
  static final class Bool implements AggregateSpec.AggFunction {
    private final boolean and;
    private Boolean value;

    Bool(boolean and) {
      this.and = and;
    }

    @Override
    public void add(Object[] args) {
      boolean b = (Boolean) args[0];
      value = value == null ? b : and ? value && b : value || b;
    }

    @Override
    public Object result() {
      return value;
    }
  }

  /** string_agg(value, delimiter): the delimiter of each row goes before its value. */
  static final class StringAgg implements AggregateSpec.AggFunction {
    private final DataType[] argTypes;
    private StringBuilder sb;

    StringAgg(DataType[] argTypes) {
      this.argTypes = argTypes;
    }

    @Override
    public void add(Object[] args) {
      String s = Casts.toText(args[0], argTypes[0]);
      if (sb == null) {
        sb = new StringBuilder(s);
        return;
      }
      if (args.length > 1 && args[1] != null) {
        sb.append(Casts.toText(args[1], argTypes[1]));
      } else if (args.length == 1) {
        sb.append(',');
      }
      sb.append(s);
    }

    @Override
    public Object result() {
      return sb == null ? null : sb.toString();
    }
  }

  /** any_value: the first non-null value. */
  static final class AnyValue implements AggregateSpec.AggFunction {
    private Object value;

    @Override
    public void add(Object[] args) {
      if (value == null) {
        value = args[0];
      }
    }

    @Override
    public Object result() {
      return value;
    }
  }

  /** single_value: the value of the only row; a second row is an error. */
  static final class SingleValue implements AggregateSpec.AggFunction {
    private Object value;
    private int rows;

    @Override
    public void add(Object[] args) {
      if (++rows > 1) {
        throw AggregateSpec.moreThanOneRow();
      }
      value = args[0];
    }

    @Override
    public Object result() {
      return value;
    }
  }
}
