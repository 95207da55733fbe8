package io.phantomdb.kernel.sql.encoding;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.Objects;

/**
 * One column of an encoded key: its type, direction and where NULL sorts.
 *
 * <p>The type's modifiers matter only when decoding: a CHAR(n) value comes back blank-padded to
 * n, a NUMERIC(p,s) value with scale s (see {@link KeyDecoder#decodesExactly(DataType)}).
 *
 * @param type the column's type (not UNKNOWN)
 * @param descending whether the column sorts in descending order
 * @param nullsFirst whether NULL sorts before every value (otherwise after)
 */
public record KeyColumn(DataType type, boolean descending, boolean nullsFirst) {
  /** Checks the type. */
  public KeyColumn {
    Objects.requireNonNull(type, "type");
    if (type.kind() == TypeKind.UNKNOWN) {
      throw new IllegalArgumentException("a key column cannot have type unknown");
    }
  }

  /**
   * An ascending column, NULLs last (PostgreSQL's default).
   *
   * @param type the type
   * @return the column
   */
  public static KeyColumn asc(DataType type) {
    return new KeyColumn(type, false, false);
  }

  /**
   * An ascending column of a type without modifiers, NULLs last.
   *
   * @param kind the kind
   * @return the column
   */
  public static KeyColumn asc(TypeKind kind) {
    return asc(DataType.of(kind));
  }

  /**
   * A descending column, NULLs first (PostgreSQL's default for DESC).
   *
   * @param type the type
   * @return the column
   */
  public static KeyColumn desc(DataType type) {
    return new KeyColumn(type, true, true);
  }

  /**
   * A descending column of a type without modifiers, NULLs first.
   *
   * @param kind the kind
   * @return the column
   */
  public static KeyColumn desc(TypeKind kind) {
    return desc(DataType.of(kind));
  }

  /** @return the type's kind */
  public TypeKind kind() {
    return type.kind();
  }
}
