package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.exec.KeyEquivalence;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.kernel.sql.type.Values;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/** Equality, hashing and ordering of rows by typed columns, with SQL semantics ({@link Values}). */
final class RowKeys {
  private RowKeys() {}

  /** Equality of key tuples whose columns have the given kinds; NULL equals NULL. */
  static KeyEquivalence equivalence(TypeKind[] kinds) {
    return new KeyEquivalence() {
      @Override
      public int hash(Object[] key) {
        int h = 1;
        for (int i = 0; i < key.length; i++) {
          h = 31 * h + (key[i] == null ? 0 : Values.hash(kinds[i], key[i]));
        }
        return h;
      }

      @Override
      public boolean equal(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
          if (a[i] == null || b[i] == null) {
            if (a[i] != b[i]) {
              return false;
            }
          } else if (!Values.equals(kinds[i], a[i], b[i])) {
            return false;
          }
        }
        return true;
      }
    };
  }

  /** The order of an ORDER BY: each field's direction and NULL placement. */
  static Comparator<Object[]> order(List<RelFieldCollation> fields, TypeKind[] kindsOfRow) {
    return (a, b) -> {
      for (RelFieldCollation f : fields) {
        int i = f.getFieldIndex();
        Object x = a[i];
        Object y = b[i];
        boolean desc = f.getDirection().isDescending();
        int c;
        if (x == null || y == null) {
          if (x == y) {
            continue;
          }
          boolean nullsFirst = f.nullDirection == RelFieldCollation.NullDirection.FIRST
              || (f.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && desc);
          c = (x == null) == nullsFirst ? -1 : 1;
          return c;
        }
        c = Values.compare(kindsOfRow[i], x, y);
        if (c != 0) {
          return desc ? -c : c;
        }
      }
      return 0;
    };
  }
}
