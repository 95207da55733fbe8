package io.phantomdb.kernel.sql.catalog;

/**
 * A schema within a database.
 *
 * @param id its id
 * @param databaseId the database it belongs to
 * @param name its name
 */
public record SchemaDescriptor(int id, int databaseId, String name) implements CatalogObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.SCHEMA;
  }
}
