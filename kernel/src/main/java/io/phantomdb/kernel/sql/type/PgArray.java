package io.phantomdb.kernel.sql.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A one-dimensional SQL array value (lower bound 1), as PostgreSQL's {@code int4[]} or
 * {@code text[]}: the elements in order, each a value of the element kind or null.
 *
 * @param elements the elements (unmodifiable; may hold nulls)
 */
public record PgArray(List<Object> elements) implements Comparable<PgArray> {
  /** The empty array, {@code '{}'}. */
  public static final PgArray EMPTY = new PgArray(List.of());

  /** Copies the list (which may hold nulls). */
  public PgArray {
    elements = Collections.unmodifiableList(new ArrayList<>(elements));
  }

  /** @return the number of elements */
  public int length() {
    return elements.size();
  }

  /**
   * @param index a 1-based subscript
   * @return the element, or null when the subscript is out of range (as PostgreSQL)
   */
  public Object get(long index) {
    return index < 1 || index > elements.size() ? null : elements.get((int) index - 1);
  }

  /**
   * Compares element by element, then by length, as PostgreSQL's btree order of arrays; a null
   * element sorts after every value.
   */
  @Override
  public int compareTo(PgArray o) {
    int n = Math.min(length(), o.length());
    for (int i = 0; i < n; i++) {
      Object a = elements.get(i);
      Object b = o.elements.get(i);
      int c;
      if (a == null || b == null) {
        c = a == null ? (b == null ? 0 : 1) : -1;
      } else {
        c = Values.compare(kindOf(a), a, b);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(length(), o.length());
  }

  private static TypeKind kindOf(Object v) {
    if (v instanceof String) {
      return TypeKind.TEXT;
    }
    for (TypeKind k : new TypeKind[] {TypeKind.BOOLEAN, TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT}) {
      if (k.javaClass().isInstance(v)) {
        return k;
      }
    }
    throw new IllegalArgumentException("not an array element: " + v.getClass());
  }
}
