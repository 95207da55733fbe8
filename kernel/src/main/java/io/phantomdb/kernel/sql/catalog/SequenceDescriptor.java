package io.phantomdb.kernel.sql.catalog;

import io.phantomdb.kernel.sql.type.TypeKind;

/**
 * A sequence and its options, as PostgreSQL's {@code pg_sequence}. Its current value is not part
 * of the descriptor: it lives in the data keyspace and changes outside transactions, as in
 * PostgreSQL (see {@code io.phantomdb.kernel.sql.sequence.SequenceStore}).
 *
 * @param id its id
 * @param schemaId its schema
 * @param name its name
 * @param type SMALLINT, INTEGER or BIGINT ({@code AS type}); bounds the default MINVALUE/MAXVALUE
 * @param start the first value ({@code START WITH}), also what RESTART goes back to
 * @param increment the step, non-zero ({@code INCREMENT BY})
 * @param minValue the lowest value ({@code MINVALUE})
 * @param maxValue the highest value ({@code MAXVALUE})
 * @param cache {@code CACHE}: values handed out between two writes of the state are at least this many
 * @param cycle whether it wraps around at its limit ({@code CYCLE})
 * @param ownerTableId the table of the column that owns it ({@code OWNED BY}, serial and identity
 *     columns): dropped with that table; 0 if none
 * @param ownerColumnId the owning column's id in that table, or 0
 * @param identity true if it is the sequence of an identity column (it can be neither dropped nor
 *     given another owner on its own)
 */
public record SequenceDescriptor(
    int id,
    int schemaId,
    String name,
    TypeKind type,
    long start,
    long increment,
    long minValue,
    long maxValue,
    long cache,
    boolean cycle,
    int ownerTableId,
    int ownerColumnId,
    boolean identity)
    implements CatalogObject {

  @Override
  public ObjectKind kind() {
    return ObjectKind.SEQUENCE;
  }

  /**
   * @param tableId the owning table, or 0 for none
   * @param columnId the owning column, or 0
   * @return a copy with that owner
   */
  public SequenceDescriptor withOwner(int tableId, int columnId) {
    return new SequenceDescriptor(id, schemaId, name, type, start, increment, minValue, maxValue,
        cache, cycle, tableId, columnId, identity);
  }
}
