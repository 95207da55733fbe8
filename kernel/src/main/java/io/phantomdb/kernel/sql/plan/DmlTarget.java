package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The table an INSERT, UPDATE or DELETE changes, found as the statement names it, with the name
 * its columns are qualified by in the statement (its alias, else its own name).
 *
 * @param table the table
 * @param schema its schema's name
 * @param alias the alias the statement gave it, or null
 */
record DmlTarget(TableDescriptor table, String schema, String alias) {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  /**
   * @param catalog the catalog
   * @param databaseId the session's database
   * @param searchPath the schemas unqualified names are looked up in
   * @param id the target as written
   * @param alias its alias, or null
   * @param verb "insert into", "update" or "delete from", for errors
   * @return the target
   * @throws SqlException 42P01 if there is no such relation, 0A000 for a view, 42809 for a sequence
   */
  static DmlTarget resolve(CatalogSnapshot catalog, int databaseId, List<String> searchPath, SqlIdentifier id,
      SqlIdentifier alias, String verb) {
    String name = id.names.get(id.names.size() - 1);
    List<String> schemas = id.names.size() > 1 ? List.of(id.names.get(id.names.size() - 2)) : searchPath;
    for (String s : schemas) {
      Optional<SchemaDescriptor> schema = catalog.schema(databaseId, s);
      Optional<CatalogObject> rel = schema.flatMap(d -> catalog.relation(d.id(), name));
      if (rel.isEmpty()) {
        continue;
      }
      if (rel.get() instanceof TableDescriptor t) {
        return new DmlTarget(t, s, alias == null ? null : alias.getSimple());
      }
      if (rel.get() instanceof ViewDescriptor) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot " + verb + " view \"" + name + "\"",
            "Views are read-only in this version of PhantomDB.", "Change the view's underlying table instead.", null);
      }
      throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "cannot change relation \"" + name + "\"");
    }
    throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + String.join(".", id.names) + "\" does not exist");
  }

  /** @return the name the statement qualifies the table's columns with */
  String reference() {
    return alias != null ? alias : table.name();
  }

  /** @return the table as a FROM item: {@code "schema"."table" [AS alias]} */
  SqlNode fromItem() {
    return as(alias);
  }

  /**
   * @param name an alias, or null
   * @return the table as a FROM item with that alias
   */
  SqlNode as(String name) {
    SqlIdentifier table = new SqlIdentifier(List.of(schema, table().name()), POS);
    return name == null ? table : SqlStdOperatorTable.AS.createCall(POS, table, new SqlIdentifier(name, POS));
  }
}
