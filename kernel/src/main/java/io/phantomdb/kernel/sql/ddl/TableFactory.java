package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.ddl.SqlColumnConstraint;
import io.phantomdb.sql.parser.ddl.SqlColumnDeclaration;
import io.phantomdb.sql.parser.ddl.SqlCreateTable;
import io.phantomdb.sql.parser.ddl.SqlTableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Builds a table descriptor from CREATE TABLE: column types and NOT NULL, DEFAULT, serial and
 * identity columns ({@link IdentityColumns}), the primary key (or a hidden row id), UNIQUE
 * constraints as unique indexes and CHECK constraints, with PostgreSQL's constraint names ({@code
 * t_pkey}, {@code t_c_key}, {@code t_c_check}).
 */
final class TableFactory {
  private TableFactory() {}

  static TableDescriptor build(SqlCreateTable create, int tableId, int schemaId, String name, SqlPlanner planner,
      IdentityColumns identities) {
    if (create.query() != null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "CREATE TABLE AS is not supported yet");
    }
    List<ColumnDescriptor> columns = new ArrayList<>();
    List<String> pk = new ArrayList<>();
    List<List<String>> uniques = new ArrayList<>();
    List<String> uniqueNames = new ArrayList<>(); // the CONSTRAINT name of each of uniques, or null
    String pkName = null;
    List<CheckDescriptor> checks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int nextId = 1;
    for (SqlColumnDeclaration col : create.columns()) {
      String colName = col.name().getSimple();
      if (!names.add(colName)) {
        throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + colName + "\" specified more than once");
      }
      DataType type = CalciteTypes.toColumnType(col.type().deriveType(planner.validator()));
      boolean notNull = col.isNotNull() || col.isPrimaryKey();
      SqlNode def = col.defaultExpression();
      ColumnDescriptor column = ColumnDescriptor.of(nextId++, colName, type.withNullable(!notNull),
          def == null ? null : identities.defaultText(def));
      columns.add(col.isSerial() || col.identity() != null ? identities.define(col, column) : column);
      if (col.isPrimaryKey()) {
        pk.add(colName);
        pkName = constraintName(col.constraints(SqlColumnConstraint.Kind.PRIMARY_KEY).get(0).name());
      }
      if (col.isUnique()) {
        uniques.add(List.of(colName));
        uniqueNames.add(constraintName(col.constraints(SqlColumnConstraint.Kind.UNIQUE).get(0).name()));
      }
      for (SqlColumnConstraint c : col.constraints(SqlColumnConstraint.Kind.CHECK)) {
        String cname = c.name() != null ? c.name().getSimple()
            : ConstraintNames.choose(name, colName, "check", n -> checks.stream().anyMatch(x -> x.name().equals(n)));
        checks.add(new CheckDescriptor(cname, PhantomSqlParser.toSql(c.expression())));
      }
    }
    for (SqlTableConstraint tc : create.constraints()) {
      switch (tc.kind()) {
        case PRIMARY_KEY -> {
          if (!pk.isEmpty()) {
            throw new SqlException(SqlState.INVALID_TABLE_DEFINITION,
                "multiple primary keys for table \"" + name + "\" are not allowed");
          }
          pk.addAll(identifiers(tc));
          pkName = constraintName(tc.name());
        }
        case UNIQUE -> {
          uniques.add(identifiers(tc));
          uniqueNames.add(constraintName(tc.name()));
        }
        case CHECK -> checks.add(new CheckDescriptor(tc.name() != null ? tc.name().getSimple()
            : checkName(name, tc.check(), names, checks), PhantomSqlParser.toSql(tc.check())));
        default -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, tc.kind() + " constraints are not supported yet");
      }
    }
    List<IndexDescriptor> indexes = new ArrayList<>();
    if (pk.isEmpty()) {
      columns.add(new ColumnDescriptor(nextId, "rowid", DataType.of(TypeKind.BIGINT).withNullable(false),
          null, null, 0, true, false, null));
      indexes.add(new IndexDescriptor(1, name + "_rowid", List.of(IndexColumn.asc(nextId)), true, true, true));
      nextId++;
    } else {
      List<ColumnDescriptor> withNotNull = new ArrayList<>();
      for (ColumnDescriptor c : columns) {
        withNotNull.add(pk.contains(c.name()) ? c.withType(c.type().withNullable(false)) : c);
      }
      columns = withNotNull;
      indexes.add(new IndexDescriptor(1, pkName != null ? pkName : name + "_pkey",
          indexColumns(columns, pk, name), true, true, true));
    }
    int indexId = 2;
    for (int i = 0; i < uniques.size(); i++) {
      List<String> u = uniques.get(i);
      String iname = uniqueNames.get(i) != null ? uniqueNames.get(i) : ConstraintNames.choose(name,
          String.join("_", u), "key", n -> indexes.stream().anyMatch(x -> x.name().equals(n)));
      indexes.add(new IndexDescriptor(indexId++, iname, indexColumns(columns, u, name), true, false, true));
    }
    return new TableDescriptor(tableId, schemaId, name, columns, indexes, checks, nextId, indexId);
  }

  private static String constraintName(SqlIdentifier name) {
    return name == null ? null : name.getSimple();
  }

  /** PostgreSQL's name of an unnamed table CHECK: {@code t_c_check} if it uses one column c. */
  private static String checkName(String table, SqlNode check, Set<String> columns, List<CheckDescriptor> checks) {
    Set<String> used = new java.util.LinkedHashSet<>();
    check.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlIdentifier id) {
        String n = id.names.get(id.names.size() - 1);
        if (columns.contains(n)) {
          used.add(n);
        }
        return null;
      }
    });
    return ConstraintNames.choose(table, used.size() == 1 ? used.iterator().next() : null, "check",
        n -> checks.stream().anyMatch(x -> x.name().equals(n)));
  }

  private static List<String> identifiers(SqlTableConstraint tc) {
    List<String> out = new ArrayList<>();
    for (SqlNode n : tc.columns()) {
      out.add(((SqlIdentifier) n).getSimple());
    }
    return out;
  }

  static List<IndexColumn> indexColumns(List<ColumnDescriptor> columns, List<String> names, String table) {
    List<IndexColumn> out = new ArrayList<>();
    for (String n : names) {
      ColumnDescriptor c = columns.stream().filter(x -> x.name().equals(n) && !x.hidden()).findFirst()
          .orElseThrow(() -> new SqlException(SqlState.UNDEFINED_COLUMN,
              "column \"" + n + "\" named in key does not exist"));
      out.add(IndexColumn.asc(c.id()));
    }
    return out;
  }
}
