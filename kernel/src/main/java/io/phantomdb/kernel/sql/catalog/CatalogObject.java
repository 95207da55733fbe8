package io.phantomdb.kernel.sql.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A stored catalog object: has an id unique across all kinds, and a kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DatabaseDescriptor.class, name = "database"),
  @JsonSubTypes.Type(value = SchemaDescriptor.class, name = "schema"),
  @JsonSubTypes.Type(value = TableDescriptor.class, name = "table"),
  @JsonSubTypes.Type(value = ViewDescriptor.class, name = "view"),
  @JsonSubTypes.Type(value = SequenceDescriptor.class, name = "sequence"),
  @JsonSubTypes.Type(value = RoleDescriptor.class, name = "role")
})
public sealed interface CatalogObject
    permits DatabaseDescriptor, SchemaDescriptor, TableDescriptor, ViewDescriptor, SequenceDescriptor,
        RoleDescriptor {

  /** @return the object's id, unique across every kind */
  int id();

  /** @return the object's name */
  String name();

  /** @return the object's kind */
  ObjectKind kind();
}
