package io.phantomdb.kernel.sql.catalog;

/**
 * A database: the top-level namespace a session connects to.
 *
 * @param id its id
 * @param name its name
 */
public record DatabaseDescriptor(int id, String name) implements CatalogObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.DATABASE;
  }
}
