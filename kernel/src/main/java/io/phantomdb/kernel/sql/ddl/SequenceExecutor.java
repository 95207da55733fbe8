package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.plan.CatalogSchemas;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.sequence.SequenceParams;
import io.phantomdb.kernel.sql.sequence.SequenceRefs;
import io.phantomdb.kernel.sql.sequence.SequenceStore;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.sql.parser.ddl.DropBehavior;
import io.phantomdb.sql.parser.ddl.SequenceOptions;
import io.phantomdb.sql.parser.ddl.SqlAlterSequence;
import io.phantomdb.sql.parser.ddl.SqlCreateSequence;
import io.phantomdb.sql.parser.ddl.SqlDropSequence;
import io.phantomdb.sql.parser.ddl.SqlTruncateTable;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE, ALTER and DROP SEQUENCE, and what other DDL does to sequences: DROP TABLE and ALTER
 * TABLE ... DROP COLUMN drop the sequences the columns own, TRUNCATE ... RESTART IDENTITY restarts
 * them. A sequence shares its
 * schema's namespace with tables, views and indexes. Its state is written with the catalog change
 * ({@link SequenceStore#putState}); ALTER holds the sequence's lock while it commits.
 */
final class SequenceExecutor {
  private static final String CASCADE_HINT = "Use DROP ... CASCADE to drop the dependent objects too.";

  private final DdlExecutor ddl;
  private final CatalogStore.Change change;

  SequenceExecutor(DdlExecutor ddl, CatalogStore.Change change) {
    this.ddl = ddl;
    this.change = change;
  }

  String create(SqlCreateSequence create) {
    CatalogSnapshot cat = change.view();
    SchemaDescriptor schema = ddl.schemaFor(create.name(), cat);
    String name = last(create.name());
    if (cat.nameTaken(schema.id(), name)) {
      if (create.ifNotExists()) {
        return "CREATE SEQUENCE";
      }
      throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }
    SequenceOptions options = create.options();
    SequenceParams.Result r = SequenceParams.create(change.newId(), schema.id(), name, options,
        type(options, cat), false);
    SequenceDescriptor seq = r.sequence();
    if (options.ownedBy() != null) {
      seq = owner(seq, options.ownedBy(), cat);
    }
    change.put(seq);
    WriteBatch batch = new WriteBatch();
    SequenceStore.putState(batch, ddl.data(), seq.id(), r.state());
    change.commit(batch);
    return "CREATE SEQUENCE";
  }

  String alter(SqlAlterSequence alter) {
    CatalogSnapshot cat = change.view();
    SequenceDescriptor current = find(alter.name(), cat, alter.ifExists(), "relation");
    if (current == null) {
      return "ALTER SEQUENCE";
    }
    SequenceOptions options = alter.options();
    TypeKind type = type(options, cat);
    SequenceStore store = ddl.sequences();
    return store.locked(List.of(current.id()), () -> {
      SequenceParams.Result r = SequenceParams.alter(current, store.value(current), options, type);
      SequenceDescriptor seq = r.sequence();
      if (options.ownedBy() != null || options.ownedByNone()) {
        if (seq.identity()) {
          TableDescriptor t = (TableDescriptor) cat.byId(seq.ownerTableId()).orElseThrow();
          throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot change ownership of identity sequence",
              "Sequence \"" + seq.name() + "\" is linked to table \"" + t.name() + "\".", null, null);
        }
        seq = options.ownedByNone() ? seq.withOwner(0, 0) : owner(seq, options.ownedBy(), cat);
      }
      change.put(seq);
      WriteBatch batch = new WriteBatch();
      SequenceStore.putState(batch, ddl.data(), seq.id(), r.state());
      change.commit(batch);
      return "ALTER SEQUENCE";
    });
  }

  String drop(SqlDropSequence drop) {
    WriteBatch batch = new WriteBatch();
    boolean cascade = drop.behavior() == DropBehavior.CASCADE;
    for (SqlNode n : drop.names()) {
      CatalogSnapshot cat = change.view();
      SequenceDescriptor seq = find((SqlIdentifier) n, cat, drop.ifExists(), "sequence");
      if (seq == null) {
        continue;
      }
      if (seq.identity() && cat.byId(seq.ownerTableId()).orElse(null) instanceof TableDescriptor t) {
        String column = columnName(t, seq.ownerColumnId());
        throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence " + seq.name()
            + " because column " + column + " of table " + t.name() + " requires it", null,
            "You can drop column " + column + " of table " + t.name() + " instead.", null);
      }
      List<SequenceRefs.Dependent> deps = SequenceRefs.dependents(seq, cat, ddl.databaseId(), ddl.searchPath());
      if (!deps.isEmpty() && !cascade) {
        throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop sequence " + seq.name() + " because other objects depend on it",
            deps.stream().map(d -> d.describe(seq)).collect(Collectors.joining("\n")), CASCADE_HINT, null);
      }
      dropDefaults(deps, seq);
      change.delete(seq);
      SequenceStore.deleteState(batch, ddl.data(), seq.id());
    }
    change.commit(batch);
    return "DROP SEQUENCE";
  }

  /**
   * DROP TABLE: drops the sequences the tables' columns own (their state deletions go into {@code
   * batch}). DEFAULTs of other tables that use them block the drop, unless CASCADE drops them.
   *
   * @param tables the tables dropped, already deleted from the change
   * @param behavior the statement's CASCADE / RESTRICT
   * @param batch the statement's data changes
   */
  void dropOwned(List<TableDescriptor> tables, DropBehavior behavior, WriteBatch batch) {
    Set<Integer> ids = tables.stream().map(TableDescriptor::id).collect(Collectors.toSet());
    for (CatalogObject o : List.copyOf(change.view().objects())) {
      if (o instanceof SequenceDescriptor seq && ids.contains(seq.ownerTableId())) {
        List<SequenceRefs.Dependent> deps =
            SequenceRefs.dependents(seq, change.view(), ddl.databaseId(), ddl.searchPath());
        if (!deps.isEmpty() && behavior != DropBehavior.CASCADE) {
          TableDescriptor owner = tables.stream().filter(t -> t.id() == seq.ownerTableId()).findFirst().orElseThrow();
          throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
              "cannot drop table " + owner.name() + " because other objects depend on it",
              deps.stream().map(d -> d.describe(seq)).collect(Collectors.joining("\n")), CASCADE_HINT, null);
        }
        dropDefaults(deps, seq);
        change.delete(seq);
        SequenceStore.deleteState(batch, ddl.data(), seq.id());
      }
    }
  }

  /**
   * ALTER TABLE ... DROP COLUMN: drops the sequences the column owns (its serial or identity
   * sequence). DEFAULTs of other columns that use them block the drop, unless CASCADE drops them.
   *
   * @param table the table, before the column is dropped
   * @param column the column dropped
   * @param behavior the action's CASCADE / RESTRICT
   * @param batch the statement's data changes
   * @return {@code table}, with the DEFAULTs CASCADE dropped from its other columns
   */
  TableDescriptor dropOwnedByColumn(TableDescriptor table, ColumnDescriptor column, DropBehavior behavior,
      WriteBatch batch) {
    TableDescriptor out = table;
    for (CatalogObject o : List.copyOf(change.view().objects())) {
      if (!(o instanceof SequenceDescriptor seq) || seq.ownerTableId() != table.id()
          || seq.ownerColumnId() != column.id()) {
        continue;
      }
      List<SequenceRefs.Dependent> deps = new ArrayList<>();
      for (SequenceRefs.Dependent d : SequenceRefs.dependents(seq, change.view(), ddl.databaseId(), ddl.searchPath())) {
        if (d.table().id() != table.id() || d.column().id() != column.id()) {
          deps.add(d);
        }
      }
      if (!deps.isEmpty() && behavior != DropBehavior.CASCADE) {
        throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop column " + column.name() + " of table " + table.name() + " because other objects depend on it",
            deps.stream().map(d -> d.describe(seq)).collect(Collectors.joining("\n")), CASCADE_HINT, null);
      }
      List<SequenceRefs.Dependent> others = new ArrayList<>();
      for (SequenceRefs.Dependent d : deps) {
        if (d.table().id() == table.id()) {
          out = withoutDefault(out, d.column().id(), seq);
        } else {
          others.add(d);
        }
      }
      dropDefaults(others, seq);
      change.delete(seq);
      SequenceStore.deleteState(batch, ddl.data(), seq.id());
    }
    return out;
  }

  /**
   * TRUNCATE ... RESTART IDENTITY: restarts the sequences the truncated tables' columns own, after
   * the truncation committed (sequences are not transactional).
   *
   * @param truncate the statement
   */
  void restartIdentity(SqlTruncateTable truncate) {
    CatalogSnapshot cat = change.view();
    Set<Integer> tables = new HashSet<>();
    for (SqlNode n : truncate.names()) {
      TableDescriptor t = ddl.findTable((SqlIdentifier) n, cat, true);
      if (t != null) {
        tables.add(t.id());
      }
    }
    List<SequenceDescriptor> owned = new ArrayList<>();
    for (CatalogObject o : cat.objects()) {
      if (o instanceof SequenceDescriptor seq && tables.contains(seq.ownerTableId())) {
        owned.add(seq);
      }
    }
    ddl.sequences().restart(owned);
  }

  /** CASCADE: the DEFAULTs that use {@code seq} go (the columns stay). */
  private void dropDefaults(List<SequenceRefs.Dependent> deps, SequenceDescriptor seq) {
    for (SequenceRefs.Dependent d : deps) {
      TableDescriptor t = (TableDescriptor) change.view().byId(d.table().id()).orElseThrow();
      change.put(withoutDefault(t, d.column().id(), seq));
    }
  }

  /** {@code t} with column {@code columnId}'s DEFAULT (and its link to {@code seq}) gone. */
  private static TableDescriptor withoutDefault(TableDescriptor t, int columnId, SequenceDescriptor seq) {
    List<ColumnDescriptor> columns = new ArrayList<>();
    for (ColumnDescriptor c : t.columns()) {
      columns.add(c.id() != columnId ? c : new ColumnDescriptor(c.id(), c.name(), c.type(), null,
          c.identity(), c.sequenceId() == seq.id() ? 0 : c.sequenceId(), c.hidden(), c.dropped(), c.missingText()));
    }
    return t.withColumns(columns, t.nextColumnId());
  }

  /** OWNED BY table.column: a table's column in the sequence's schema. */
  private SequenceDescriptor owner(SequenceDescriptor seq, SqlIdentifier column, CatalogSnapshot cat) {
    if (column.names.size() < 2) {
      throw new SqlException(SqlState.SYNTAX_ERROR, "invalid OWNED BY option", null,
          "Specify OWNED BY table.column or OWNED BY NONE.", null);
    }
    SqlIdentifier tableName = column.getComponent(0, column.names.size() - 1);
    String simple = last(tableName);
    CatalogObject rel = null;
    List<String> schemas = tableName.names.size() > 1
        ? List.of(tableName.names.get(tableName.names.size() - 2)) : ddl.searchPath();
    for (String s : schemas) {
      var schema = cat.schema(ddl.databaseId(), s);
      if (schema.isPresent() && (rel = cat.relation(schema.get().id(), simple).orElse(null)) != null) {
        break;
      }
    }
    if (rel == null) {
      throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + simple + "\" does not exist");
    }
    if (!(rel instanceof TableDescriptor t)) {
      throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "sequence cannot be owned by relation \"" + simple + "\"");
    }
    if (t.schemaId() != seq.schemaId()) {
      throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "sequence must be in same schema as table it is linked to");
    }
    String col = last(column);
    ColumnDescriptor c = t.column(col).orElseThrow(() -> new SqlException(SqlState.UNDEFINED_COLUMN,
        "column \"" + col + "\" of relation \"" + t.name() + "\" does not exist"));
    return seq.withOwner(t.id(), c.id());
  }

  /** The sequence a name means, null if absent and {@code ifExists}. */
  private SequenceDescriptor find(SqlIdentifier id, CatalogSnapshot cat, boolean ifExists, String missingWord) {
    String name = last(id);
    List<String> schemas = id.names.size() > 1 ? List.of(id.names.get(id.names.size() - 2)) : ddl.searchPath();
    for (String s : schemas) {
      var schema = cat.schema(ddl.databaseId(), s);
      if (schema.isEmpty() && id.names.size() > 1 && !ifExists) {
        throw new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + s + "\" does not exist");
      }
      if (schema.isPresent()) {
        var rel = cat.relation(schema.get().id(), name);
        if (rel.isPresent()) {
          if (rel.get() instanceof SequenceDescriptor seq) {
            return seq;
          }
          throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a sequence");
        }
      }
    }
    if (ifExists) {
      return null;
    }
    throw new SqlException(SqlState.UNDEFINED_TABLE, missingWord + " \"" + name + "\" does not exist");
  }

  private TypeKind type(SequenceOptions options, CatalogSnapshot cat) {
    if (options.type() == null) {
      return null;
    }
    SqlPlanner planner = new SqlPlanner(CatalogSchemas.rootOf(cat, ddl.databaseId()), ddl.searchPath());
    return CalciteTypes.toDataType(options.type().deriveType(planner.validator())).kind();
  }

  private static String columnName(TableDescriptor t, int columnId) {
    return t.columns().stream().filter(c -> c.id() == columnId).map(ColumnDescriptor::name).findFirst().orElse("?");
  }

  private static String last(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }
}
