package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15's built-in types as {@code pg_type} lists them (the ones PhantomDB has and those
 * catalog queries name), with their real OIDs; type modifiers ({@code atttypmod}) and {@code
 * format_type}.
 */
public final class PgTypes {
  /**
   * One type.
   *
   * @param oid its OID
   * @param name typname
   * @param length typlen (-1 variable, -2 C string)
   * @param category typcategory
   * @param arrayOid typarray, 0 if none
   * @param elementOid typelem, 0 if not an array
   * @param type 'b' base, 'p' pseudo
   */
  public record PgType(int oid, String name, int length, char category, int arrayOid, int elementOid, char type) {
    /** @return typbyval */
    public boolean byValue() {
      return length == 1 || length == 2 || length == 4 || length == 8;
    }

    /** @return typalign */
    public String align() {
      return length == 1 || length == 64 ? "c" : length == 2 ? "s" : length == 8 || oid == 1186 ? "d" : "i";
    }
  }

  private static final List<PgType> ALL = new ArrayList<>();
  private static final Map<Integer, PgType> BY_OID = new HashMap<>();

  static {
    base(16, "bool", 1, 'B', 1000);
    base(17, "bytea", -1, 'U', 1001);
    base(18, "char", 1, 'Z', 1002);
    base(19, "name", 64, 'S', 1003);
    base(20, "int8", 8, 'N', 1016);
    base(21, "int2", 2, 'N', 1005);
    base(22, "int2vector", -1, 'A', 1006);
    base(23, "int4", 4, 'N', 1007);
    base(24, "regproc", 4, 'N', 1008);
    base(25, "text", -1, 'S', 1009);
    base(26, "oid", 4, 'N', 1028);
    base(30, "oidvector", -1, 'A', 1013);
    base(114, "json", -1, 'U', 199);
    base(700, "float4", 4, 'N', 1021);
    base(701, "float8", 8, 'N', 1022);
    base(705, "unknown", -2, 'X', 0);
    base(1042, "bpchar", -1, 'S', 1014);
    base(1043, "varchar", -1, 'S', 1015);
    base(1082, "date", 4, 'D', 1182);
    base(1083, "time", 8, 'D', 1183);
    base(1114, "timestamp", 8, 'D', 1115);
    base(1184, "timestamptz", 8, 'D', 1185);
    base(1186, "interval", 16, 'T', 1187);
    base(1700, "numeric", -1, 'N', 1231);
    base(2205, "regclass", 4, 'N', 2210);
    base(2206, "regtype", 4, 'N', 2211);
    base(2950, "uuid", 16, 'U', 2951);
    base(3802, "jsonb", -1, 'U', 3807);
    base(4089, "regnamespace", 4, 'N', 4090);
    base(4096, "regrole", 4, 'N', 4097);
    add(new PgType(2249, "record", -1, 'P', 2287, 0, 'p'));
    add(new PgType(2278, "void", 4, 'P', 0, 0, 'p'));
    for (PgType t : List.copyOf(ALL)) {
      if (t.arrayOid() != 0) {
        add(new PgType(t.arrayOid(), "_" + t.name(), -1, 'A', 0, t.oid(), 'b'));
      }
    }
  }

  private PgTypes() {}

  private static void base(int oid, String name, int length, char category, int arrayOid) {
    add(new PgType(oid, name, length, category, arrayOid, 0, 'b'));
  }

  private static void add(PgType t) {
    ALL.add(t);
    BY_OID.put(t.oid(), t);
  }

  /** @return every type */
  public static List<PgType> all() {
    return ALL;
  }

  /**
   * @param oid a type OID
   * @return the type, or null
   */
  public static PgType byOid(int oid) {
    return BY_OID.get(oid);
  }

  /**
   * @param name a typname
   * @return its OID, or 0
   */
  public static int oidOf(String name) {
    for (PgType t : ALL) {
      if (t.name().equals(name)) {
        return t.oid();
      }
    }
    return 0;
  }

  /**
   * @param type a column type
   * @return its {@code atttypmod}: -1, or PostgreSQL's encoding of its length / precision
   */
  public static int typmod(DataType type) {
    return switch (type.kind()) {
      case CHAR -> type.precision() + 4;
      case VARCHAR -> type.precision() == 0 ? -1 : type.precision() + 4;
      case NUMERIC -> type.precision() == 0 ? -1 : ((type.precision() << 16) | type.scale()) + 4;
      case TIME, TIMESTAMP, TIMESTAMPTZ -> type.precision() == DataType.DEFAULT_TIME_PRECISION ? -1 : type.precision();
      default -> -1;
    };
  }

  /**
   * PostgreSQL's {@code format_type(oid, typmod)}.
   *
   * @param oid a type OID
   * @param typmod its modifier, or -1 (null too)
   * @return the SQL name, {@code ???} for an unknown OID
   */
  public static String format(int oid, Integer typmod) {
    int mod = typmod == null ? -1 : typmod;
    PgType t = BY_OID.get(oid);
    if (t == null) {
      return "???";
    }
    if (t.elementOid() != 0) {
      return format(t.elementOid(), mod) + "[]";
    }
    for (TypeKind k : TypeKind.values()) {
      if (k.pgOid() == oid && k != TypeKind.UNKNOWN) {
        if (mod < 0) {
          return switch (k) {
            case CHAR -> "bpchar";
            default -> DataType.of(k, k == TypeKind.TIME || k == TypeKind.TIMESTAMP || k == TypeKind.TIMESTAMPTZ
                ? DataType.DEFAULT_TIME_PRECISION : 0, 0).sqlName();
          };
        }
        return switch (k) {
          case CHAR, VARCHAR -> DataType.of(k, mod - 4, 0).sqlName();
          case NUMERIC -> DataType.of(k, ((mod - 4) >> 16) & 0xffff, (mod - 4) & 0xffff).sqlName();
          case TIME, TIMESTAMP, TIMESTAMPTZ -> DataType.of(k, mod, 0).sqlName();
          default -> DataType.of(k).sqlName();
        };
      }
    }
    return t.name().equals("char") ? "\"char\"" : t.name();
  }
}
