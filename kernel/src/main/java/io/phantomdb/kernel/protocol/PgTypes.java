package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgInterval;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.protocol.Column;
import io.phantomdb.spi.protocol.Interval;

/** Kernel types as PostgreSQL's type OIDs, modifiers and sizes; values between the two sides. */
final class PgTypes {
  /** PostgreSQL's {@code text}: what an untyped column (a bare NULL) is sent as. */
  static final int TEXT_OID = 25;
  private static final int UNKNOWN_OID = 705;

  private PgTypes() {}

  /** The RowDescription of a kernel column. */
  static Column column(ColumnInfo c) {
    DataType t = c.type();
    int oid = t.kind() == TypeKind.UNKNOWN ? TEXT_OID : t.kind().pgOid();
    return Column.of(c.name(), oid, modifier(t), size(t.kind()));
  }

  /** The OID a parameter of a kernel type is described with. */
  static int oid(DataType t) {
    return t.kind() == TypeKind.UNKNOWN ? TEXT_OID : t.kind().pgOid();
  }

  /**
   * The kernel type of a declared parameter type OID.
   *
   * @return the type, or null to let the kernel infer it (0, {@code unknown}, or a type the
   *     kernel does not have)
   */
  static DataType declared(Integer oid) {
    if (oid == null || oid == 0 || oid == UNKNOWN_OID) {
      return null;
    }
    for (TypeKind k : TypeKind.values()) {
      if (k != TypeKind.UNKNOWN && k.pgOid() == oid) {
        return DataType.of(k);
      }
    }
    return null;
  }

  private static int modifier(DataType t) {
    return switch (t.kind()) {
      case CHAR, VARCHAR -> t.precision() > 0 ? t.precision() + 4 : -1;
      case NUMERIC -> t.precision() > 0 ? ((t.precision() << 16) | t.scale()) + 4 : -1;
      case TIME, TIMESTAMP, TIMESTAMPTZ -> t.precision() == DataType.DEFAULT_TIME_PRECISION ? -1 : t.precision();
      default -> -1;
    };
  }

  private static int size(TypeKind k) {
    return switch (k) {
      case BOOLEAN -> 1;
      case SMALLINT -> 2;
      case INTEGER, REAL, DATE -> 4;
      case BIGINT, DOUBLE, TIME, TIMESTAMP, TIMESTAMPTZ -> 8;
      case INTERVAL, UUID -> 16;
      default -> -1;
    };
  }

  /** A kernel value as the SPI hands it out ({@link Column} lists the classes). */
  static Object toSpi(Object v) {
    return v instanceof PgInterval i ? new Interval(i.months(), i.days(), i.micros()) : v;
  }

  /** An SPI parameter value as the kernel takes it. */
  static Object fromSpi(Object v) {
    return v instanceof Interval i ? new PgInterval(i.months(), i.days(), i.micros()) : v;
  }
}
