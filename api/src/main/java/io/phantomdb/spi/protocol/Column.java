package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.Objects;

/**
 * One result column, with what PostgreSQL's RowDescription carries.
 *
 * <p>{@link QueryResult#value(int)} gives these Java classes per type OID: bool (16) {@link
 * Boolean}; int2 (21) {@link Short}; int4 (23) {@link Integer}; int8 (20) {@link Long}; numeric
 * (1700) {@link java.math.BigDecimal}; float4 (700) {@link Float}; float8 (701) {@link Double};
 * text (25), varchar (1043), bpchar (1042), name (19) {@link String}; bytea (17) {@code byte[]};
 * date (1082) {@link java.time.LocalDate}; time (1083) {@link java.time.LocalTime}; timestamp
 * (1114) {@link java.time.LocalDateTime}; timestamptz (1184) {@link java.time.Instant}; interval
 * (1186) {@link Interval}; uuid (2950) {@link java.util.UUID}; for any other OID the value is its
 * text ({@link String}), and a server should send it in text format. The same classes are
 * accepted as parameter values ({@link PreparedQuery#bind}).
 *
 * @param name the column label (an alias, the column name, or {@code ?column?})
 * @param typeOid the PostgreSQL type OID
 * @param typeModifier the type modifier ({@code atttypmod}): {@code n + 4} for {@code varchar(n)}
 *     and {@code char(n)}, {@code ((p << 16) | s) + 4} for {@code numeric(p,s)}, the precision for
 *     time types with one; -1 for none
 * @param typeSize the type's size in bytes ({@code typlen}): 4 for int4, -1 for variable length
 * @param tableOid the OID of the table the column comes from, or 0
 * @param columnNumber its attribute number in that table, or 0
 */
@Experimental
public record Column(String name, int typeOid, int typeModifier, int typeSize, int tableOid, int columnNumber) {

  /** Checks the components. */
  public Column {
    Objects.requireNonNull(name, "name");
  }

  /**
   * A column not traced to a table.
   *
   * @param name the label
   * @param typeOid the type OID
   * @param typeModifier the type modifier, or -1
   * @param typeSize the size, or -1
   * @return the column
   */
  public static Column of(String name, int typeOid, int typeModifier, int typeSize) {
    return new Column(name, typeOid, typeModifier, typeSize, 0, 0);
  }
}
