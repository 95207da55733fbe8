package io.phantomdb.kernel.sql.catalog;

/**
 * A sequence. Its current value is not part of the descriptor: it lives in the data keyspace and
 * changes outside transactions, as in PostgreSQL.
 *
 * @param id its id
 * @param schemaId its schema
 * @param name its name
 * @param start the first value
 * @param increment the step (non-zero)
 * @param ownerTableId the table whose serial/identity column owns it (dropped with it), or 0
 */
public record SequenceDescriptor(
    int id, int schemaId, String name, long start, long increment, int ownerTableId)
    implements CatalogObject {
  @Override
  public ObjectKind kind() {
    return ObjectKind.SEQUENCE;
  }
}
