package io.phantomdb.kernel.sql.catalog;

import java.util.List;

/**
 * A view.
 *
 * @param id its id
 * @param schemaId its schema
 * @param name its name
 * @param columnNames explicit column names, or empty to use the query's
 * @param sql the defining query
 */
public record ViewDescriptor(int id, int schemaId, String name, List<String> columnNames, String sql)
    implements CatalogObject {
  /** Copies the list. */
  public ViewDescriptor {
    columnNames = List.copyOf(columnNames);
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.VIEW;
  }
}
