package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * PostgreSQL's names for unnamed constraints ({@code ChooseConstraintName} and {@code
 * makeObjectName}): {@code table_column[_column...]_label}, the parts shortened to fit 63 bytes,
 * and a number appended to the label ({@code t_a_key1}) while the name is taken.
 */
final class ConstraintNames {
  /** PostgreSQL's NAMEDATALEN - 1. */
  private static final int MAX_LENGTH = 63;

  private ConstraintNames() {}

  /**
   * @param table the table name
   * @param columns the column part ({@code a_b}), or null
   * @param label {@code pkey}, {@code key} or {@code check}
   * @param taken whether a name is in use
   * @return the first free name
   */
  static String choose(String table, String columns, String label, Predicate<String> taken) {
    for (int pass = 0; ; pass++) {
      String name = make(table, columns, pass == 0 ? label : label + pass);
      if (!taken.test(name)) {
        return name;
      }
    }
  }

  /**
   * @param cat the catalog
   * @param table the table the constraint is on
   * @return whether a name is taken for a constraint of {@code table}: by a relation or index of
   *     its schema, or by a CHECK constraint of a table there
   */
  static Predicate<String> takenIn(CatalogSnapshot cat, TableDescriptor table) {
    Collection<CatalogObject> relations = cat.relations(table.schemaId());
    return name -> cat.nameTaken(table.schemaId(), name)
        || table.checks().stream().anyMatch(c -> c.name().equals(name))
        || relations.stream().anyMatch(o -> o instanceof TableDescriptor t
            && t.checks().stream().map(CheckDescriptor::name).anyMatch(name::equals));
  }

  /**
   * @param table a table
   * @param name a name
   * @return true if a constraint of the table (CHECK, PRIMARY KEY or UNIQUE) has this name
   */
  static boolean isConstraintOf(TableDescriptor table, String name) {
    return table.checks().stream().anyMatch(c -> c.name().equals(name))
        || table.indexes().stream().anyMatch(i -> i.constraint() && i.name().equals(name)
            && !(i.primary() && table.hasHiddenRowId()));
  }

  private static String make(String name1, String name2, String label) {
    int overhead = (name2 == null ? 0 : name2.length() + 1) + (label == null ? 0 : label.length() + 1);
    int avail = MAX_LENGTH - overhead;
    int n1 = name1.length();
    int n2 = name2 == null ? 0 : name2.length();
    while (n1 + n2 > avail) {
      if (n1 > n2) {
        n1--;
      } else {
        n2--;
      }
    }
    StringBuilder b = new StringBuilder(name1.substring(0, n1));
    if (name2 != null) {
      b.append('_').append(name2, 0, n2);
    }
    if (label != null) {
      b.append('_').append(label);
    }
    return b.toString();
  }
}
