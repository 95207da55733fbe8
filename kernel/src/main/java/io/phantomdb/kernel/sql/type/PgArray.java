package io.phantomdb.kernel.sql.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A one-dimensional SQL array value (lower bound 1), as PostgreSQL's {@code int4[]} or
 * {@code text[]}: the elements in order, each a value of the element kind or null. A
 * <em>vector</em> is PostgreSQL's {@code int2vector} (as {@code pg_index.indkey}): lower bound 0
 * (so {@code indkey[0]} is the first element) and the text form {@code 1 2}.
 *
 * @param elements the elements (unmodifiable; may hold nulls)
 * @param vector true for an int2vector
 */
public record PgArray(List<Object> elements, boolean vector) implements Comparable<PgArray> {
  /** The empty array, {@code '{}'}. */
  public static final PgArray EMPTY = new PgArray(List.of());

  /** Copies the list (which may hold nulls). */
  public PgArray {
    elements = Collections.unmodifiableList(new ArrayList<>(elements));
  }

  /**
   * An array (not a vector).
   *
   * @param elements the elements (may hold nulls)
   */
  public PgArray(List<Object> elements) {
    this(elements, false);
  }

  /**
   * An int2vector.
   *
   * @param elements the elements
   * @return the vector
   */
  public static PgArray vector(List<Object> elements) {
    return new PgArray(elements, true);
  }

  /** @return the subscript of the first element: 0 for a vector, else 1 */
  public int lowerBound() {
    return vector ? 0 : 1;
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
    long i = index - lowerBound();
    return i < 0 || i >= elements.size() ? null : elements.get((int) i);
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
