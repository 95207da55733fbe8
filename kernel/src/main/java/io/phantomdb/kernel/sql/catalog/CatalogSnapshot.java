package io.phantomdb.kernel.sql.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of the whole catalog at one moment, with lookups by id and by name. Tables,
 * views, sequences and indexes share one namespace per schema, as in PostgreSQL's pg_class.
 * Thread-safe.
 */
public final class CatalogSnapshot {
  private final long version;
  private final Map<Integer, CatalogObject> byId;
  private final Map<String, DatabaseDescriptor> databases = new HashMap<>();
  private final Map<String, SchemaDescriptor> schemas = new HashMap<>();
  private final Map<String, CatalogObject> relations = new HashMap<>();
  private final Map<String, TableDescriptor> indexOwners = new HashMap<>();
  private final Map<Integer, TableStatistics> statistics = new HashMap<>();
  private final Map<String, RoleDescriptor> roles = new HashMap<>();

  CatalogSnapshot(long version, Map<Integer, CatalogObject> objects) {
    this(version, objects, Map.of());
  }

  CatalogSnapshot(long version, Map<Integer, CatalogObject> objects, Map<Integer, TableStatistics> tableStatistics) {
    this.version = version;
    this.byId = Map.copyOf(objects);
    for (TableStatistics s : tableStatistics.values()) {
      if (objects.get(s.tableId()) instanceof TableDescriptor) {
        statistics.put(s.tableId(), s);
      }
    }
    for (CatalogObject o : objects.values()) {
      switch (o.kind()) {
        case DATABASE -> databases.put(o.name(), (DatabaseDescriptor) o);
        case SCHEMA -> {
          SchemaDescriptor s = (SchemaDescriptor) o;
          schemas.put(s.databaseId() + "/" + s.name(), s);
        }
        case TABLE -> {
          TableDescriptor t = (TableDescriptor) o;
          relations.put(t.schemaId() + "/" + t.name(), t);
          for (IndexDescriptor i : t.indexes()) {
            indexOwners.put(t.schemaId() + "/" + i.name(), t);
          }
        }
        case VIEW -> relations.put(((ViewDescriptor) o).schemaId() + "/" + o.name(), o);
        case SEQUENCE -> relations.put(((SequenceDescriptor) o).schemaId() + "/" + o.name(), o);
        case ROLE -> roles.put(o.name(), (RoleDescriptor) o);
        default -> throw new IllegalStateException(o.kind().toString());
      }
    }
  }

  /**
   * A hypothetical catalog, for checking what a change would do (planning against it) without
   * making it.
   *
   * @param o an object to add, or to replace the object of the same id with
   * @return this catalog with {@code o} in it, at the same version
   */
  public CatalogSnapshot with(CatalogObject o) {
    Map<Integer, CatalogObject> objects = new HashMap<>(byId);
    objects.put(o.id(), o);
    return new CatalogSnapshot(version, objects);
  }

  /** @return a number that grows with every DDL change; plans cached against it */
  public long version() {
    return version;
  }

  Map<Integer, CatalogObject> objectsById() {
    return byId;
  }

  Map<Integer, TableStatistics> statisticsByTable() {
    return statistics;
  }

  /**
   * @param tableId a table's id
   * @return what the table's last ANALYZE found, if it was analyzed
   */
  public Optional<TableStatistics> statistics(int tableId) {
    return Optional.ofNullable(statistics.get(tableId));
  }

  /** @return every object */
  public Collection<CatalogObject> objects() {
    return byId.values();
  }

  /**
   * @param id an object id
   * @return the object, if it exists
   */
  public Optional<CatalogObject> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * @param name a database name
   * @return the database
   */
  public Optional<DatabaseDescriptor> database(String name) {
    return Optional.ofNullable(databases.get(name));
  }

  /** @return every database */
  public List<DatabaseDescriptor> databases() {
    return List.copyOf(databases.values());
  }

  /**
   * @param name a role name (case-sensitive)
   * @return the role
   */
  public Optional<RoleDescriptor> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  /** @return every role */
  public List<RoleDescriptor> roles() {
    return List.copyOf(roles.values());
  }

  /**
   * @param databaseId a database
   * @param name a schema name
   * @return the schema
   */
  public Optional<SchemaDescriptor> schema(int databaseId, String name) {
    return Optional.ofNullable(schemas.get(databaseId + "/" + name));
  }

  /**
   * @param databaseId a database
   * @return its schemas
   */
  public List<SchemaDescriptor> schemas(int databaseId) {
    return schemas.values().stream().filter(s -> s.databaseId() == databaseId).toList();
  }

  /**
   * @param schemaId a schema
   * @param name a table, view or sequence name
   * @return the relation of that name
   */
  public Optional<CatalogObject> relation(int schemaId, String name) {
    return Optional.ofNullable(relations.get(schemaId + "/" + name));
  }

  /**
   * @param schemaId a schema
   * @param name a table name
   * @return the table, if a table (not a view or sequence) has that name
   */
  public Optional<TableDescriptor> table(int schemaId, String name) {
    CatalogObject o = relations.get(schemaId + "/" + name);
    return o instanceof TableDescriptor t ? Optional.of(t) : Optional.empty();
  }

  /**
   * @param schemaId a schema
   * @param indexName an index name
   * @return the table owning that index
   */
  public Optional<TableDescriptor> indexOwner(int schemaId, String indexName) {
    return Optional.ofNullable(indexOwners.get(schemaId + "/" + indexName));
  }

  /**
   * @param schemaId a schema
   * @return every table, view and sequence in it
   */
  public List<CatalogObject> relations(int schemaId) {
    return relations.entrySet().stream()
        .filter(e -> e.getKey().startsWith(schemaId + "/"))
        .map(Map.Entry::getValue)
        .toList();
  }

  /**
   * @param schemaId a schema
   * @param name a name
   * @return true if a table, view, sequence or index of that name exists in the schema
   */
  public boolean nameTaken(int schemaId, String name) {
    return relations.containsKey(schemaId + "/" + name) || indexOwners.containsKey(schemaId + "/" + name);
  }
}
