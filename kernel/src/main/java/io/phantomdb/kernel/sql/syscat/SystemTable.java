package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.expr.SessionContext;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A read-only system table: fixed columns, rows computed when a statement reads it from the
 * catalog the statement runs against and its session ({@link SessionContext#catalog()}), so a
 * cached plan always reads current rows. Immutable and shared.
 */
public final class SystemTable extends AbstractTable {
  /** Fills the rows of one read. */
  @FunctionalInterface
  public interface RowSource extends BiConsumer<SessionContext, Rows> {}

  /** One column. @param name its name @param type its type */
  public record Column(String name, DataType type) {}

  private final String name;
  private final int oid;
  private final List<Column> columns;
  private final RowSource source;

  private SystemTable(String name, int oid, List<Column> columns, RowSource source) {
    this.name = name;
    this.oid = oid;
    this.columns = List.copyOf(columns);
    this.source = source;
  }

  /**
   * @param name the table's name
   * @param oid its OID in pg_class
   * @return a builder
   */
  public static Builder builder(String name, int oid) {
    return new Builder(name, oid);
  }

  /** @return the table's name */
  public String name() {
    return name;
  }

  /** @return its OID */
  public int oid() {
    return oid;
  }

  /** @return its columns */
  public List<Column> columns() {
    return columns;
  }

  /**
   * @param session the session reading it (with its catalog)
   * @return the rows, each value of its column's type
   */
  public List<Object[]> rows(SessionContext session) {
    Rows rows = new Rows(columns);
    source.accept(session, rows);
    return rows.list;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (Column c : columns) {
      b.add(c.name(), CalciteTypes.toRelDataType(typeFactory, c.type()));
    }
    return b.build();
  }

  /** The rows being produced: converts numbers to each column's kind. */
  public static final class Rows {
    private final List<Column> columns;
    private final List<Object[]> list = new ArrayList<>();

    Rows(List<Column> columns) {
      this.columns = columns;
    }

    /**
     * @param values one value per column (numbers of any class; converted)
     */
    public void add(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException("row of " + values.length + " values for " + columns.size() + " columns");
      }
      Object[] row = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        row[i] = convert(values[i], columns.get(i).type().kind());
      }
      list.add(row);
    }

    private static Object convert(Object v, TypeKind kind) {
      if (!(v instanceof Number n)) {
        return v;
      }
      return switch (kind) {
        case SMALLINT -> n.shortValue();
        case INTEGER -> n.intValue();
        case BIGINT -> n.longValue();
        case REAL -> n.floatValue();
        case DOUBLE -> n.doubleValue();
        case NUMERIC -> new java.math.BigDecimal(n.toString());
        default -> v;
      };
    }
  }

  /** Collects the columns of a system table. */
  public static final class Builder {
    private final String name;
    private final int oid;
    private final List<Column> columns = new ArrayList<>();

    private Builder(String name, int oid) {
      this.name = name;
      this.oid = oid;
    }

    /**
     * Adds columns of one kind.
     *
     * @param kind their kind
     * @param names their names
     * @return this
     */
    public Builder col(TypeKind kind, String... names) {
      for (String n : names) {
        columns.add(new Column(n, DataType.of(kind)));
      }
      return this;
    }

    /** @param names oid columns (int4 here) @return this */
    public Builder oid(String... names) {
      return col(TypeKind.INTEGER, names);
    }

    /** @param names name, "char" and array columns (text here) @return this */
    public Builder text(String... names) {
      return col(TypeKind.TEXT, names);
    }

    /** @param names boolean columns @return this */
    public Builder bool(String... names) {
      return col(TypeKind.BOOLEAN, names);
    }

    /**
     * @param source what fills the rows
     * @return the table
     */
    public SystemTable rows(RowSource source) {
      return new SystemTable(name, oid, columns, source);
    }
  }
}
