package io.phantomdb.kernel.sql.sequence;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.dml.SqlPgInsert;
import io.phantomdb.sql.parser.dml.SqlPgOverridingInsert;
import io.phantomdb.sql.parser.dml.SqlPgUpdate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's rules for identity columns in INSERT and UPDATE, and UPDATE ... SET c = DEFAULT,
 * applied to the parsed statement before planning:
 *
 * <ul>
 *   <li>a {@code GENERATED ALWAYS} identity column takes only {@code DEFAULT} (428C9 "cannot
 *       insert a non-DEFAULT value into column"), unless the INSERT says {@code OVERRIDING SYSTEM
 *       VALUE}; an UPDATE may set it only to {@code DEFAULT} (428C9);
 *   <li>{@code OVERRIDING USER VALUE} ignores the values given for identity columns (ALWAYS and
 *       BY DEFAULT): they become {@code DEFAULT} in a VALUES list, and are dropped from the
 *       target columns of an INSERT ... SELECT;
 *   <li>{@code UPDATE ... SET c = DEFAULT} assigns the column's DEFAULT expression (NULL if it has
 *       none): Calcite's validator takes DEFAULT only in INSERT.
 * </ul>
 *
 * Names that do not resolve are left for the validator to report.
 */
public final class IdentityRules {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private IdentityRules() {}

  /**
   * Checks an INSERT or UPDATE against the identity columns of its table, rewriting in place an
   * INSERT with OVERRIDING USER VALUE and the DEFAULTs of an UPDATE. Other statements pass
   * unchanged.
   *
   * @param node a parsed statement
   * @param catalog the catalog
   * @param databaseId the session's database
   * @param searchPath the session's search path
   * @throws SqlException 428C9 for a value an ALWAYS identity column refuses
   */
  public static void apply(SqlNode node, CatalogSnapshot catalog, int databaseId, List<String> searchPath) {
    if (node instanceof SqlPgInsert pg) {
      if (!pg.isDefaultValues()) {
        insert(pg.insert(), catalog, databaseId, searchPath);
      }
    } else if (node instanceof SqlInsert insert) {
      insert(insert, catalog, databaseId, searchPath);
    } else if (node instanceof SqlPgUpdate pg) {
      update(pg.update(), catalog, databaseId, searchPath);
    } else if (node instanceof SqlUpdate update) {
      update(update, catalog, databaseId, searchPath);
    }
  }

  private static void insert(SqlInsert insert, CatalogSnapshot catalog, int databaseId, List<String> searchPath) {
    TableDescriptor table = table(insert.getTargetTable(), catalog, databaseId, searchPath);
    if (table == null || table.visibleColumns().stream().allMatch(c -> c.identity() == null)) {
      return;
    }
    List<ColumnDescriptor> targets = new ArrayList<>();
    if (insert.getTargetColumnList() == null) {
      targets.addAll(table.visibleColumns());
    } else {
      for (SqlNode n : insert.getTargetColumnList()) {
        ColumnDescriptor c = table.column(last((SqlIdentifier) n)).orElse(null);
        if (c == null) {
          return;
        }
        targets.add(c);
      }
    }
    SqlPgOverridingInsert.Overriding overriding = SqlPgOverridingInsert.of(insert);
    if (overriding == SqlPgOverridingInsert.Overriding.SYSTEM_VALUE) {
      return;
    }
    SqlNode source = insert.getSource();
    List<SqlBasicCall> rows = source.getKind() == SqlKind.VALUES ? rows((SqlBasicCall) source) : null;
    for (int i = 0; i < targets.size(); i++) {
      ColumnDescriptor c = targets.get(i);
      if (c.identity() == null) {
        continue;
      }
      if (overriding == SqlPgOverridingInsert.Overriding.USER_VALUE) {
        if (rows != null) {
          for (SqlBasicCall row : rows) {
            if (i < row.operandCount()) {
              row.setOperand(i, SqlStdOperatorTable.DEFAULT.createCall(POS));
            }
          }
        }
      } else if (ColumnDescriptor.ALWAYS.equals(c.identity())) {
        int at = i;
        boolean allDefault = rows != null && rows.stream()
            .allMatch(r -> at < r.operandCount() && r.operand(at).getKind() == SqlKind.DEFAULT);
        if (!allDefault) {
          throw new SqlException(SqlState.GENERATED_ALWAYS,
              "cannot insert a non-DEFAULT value into column \"" + c.name() + "\"",
              "Column \"" + c.name() + "\" is an identity column defined as GENERATED ALWAYS.",
              "Use OVERRIDING SYSTEM VALUE to override.", null);
        }
      }
    }
    if (overriding == SqlPgOverridingInsert.Overriding.USER_VALUE && rows == null) {
      dropIdentityTargets(insert, targets);
    }
  }

  /**
   * INSERT INTO t (id, a) OVERRIDING USER VALUE query becomes INSERT INTO t (a) SELECT c1 FROM
   * (query) AS o(c0, c1).
   */
  private static void dropIdentityTargets(SqlInsert insert, List<ColumnDescriptor> targets) {
    List<SqlNode> columns = new ArrayList<>();
    List<SqlNode> aliases = new ArrayList<>();
    List<SqlNode> select = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      SqlIdentifier alias = new SqlIdentifier("c" + i, POS);
      aliases.add(alias);
      if (targets.get(i).identity() == null) {
        columns.add(new SqlIdentifier(targets.get(i).name(), POS));
        select.add(alias);
      }
    }
    if (columns.isEmpty()) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "OVERRIDING USER VALUE with a query that gives only identity columns is not supported yet");
    }
    List<SqlNode> asOperands = new ArrayList<>();
    asOperands.add(insert.getSource());
    asOperands.add(new SqlIdentifier("overriding", POS));
    asOperands.addAll(aliases);
    SqlNode from = SqlStdOperatorTable.AS.createCall(POS, asOperands);
    SqlSelect query = new SqlSelect(POS, null, new SqlNodeList(select, POS), from,
        null, null, null, null, null, null, null, null, null);
    insert.setOperand(2, query);
    insert.setOperand(3, new SqlNodeList(columns, POS));
  }

  private static void update(SqlUpdate update, CatalogSnapshot catalog, int databaseId, List<String> searchPath) {
    TableDescriptor table = table(update.getTargetTable(), catalog, databaseId, searchPath);
    if (table == null) {
      return;
    }
    SqlNodeList targets = update.getTargetColumnList();
    SqlNodeList values = update.getSourceExpressionList();
    for (int i = 0; i < targets.size(); i++) {
      ColumnDescriptor c = table.column(last((SqlIdentifier) targets.get(i))).orElse(null);
      if (c == null) {
        continue;
      }
      if (values.get(i).getKind() == SqlKind.DEFAULT) {
        values.set(i, defaultOf(c));
      } else if (ColumnDescriptor.ALWAYS.equals(c.identity())) {
        throw new SqlException(SqlState.GENERATED_ALWAYS,
            "column \"" + c.name() + "\" can only be updated to DEFAULT",
            "Column \"" + c.name() + "\" is an identity column defined as GENERATED ALWAYS.", null, null);
      }
    }
  }

  /** A column's DEFAULT as an expression (NULL if it has none), for UPDATE ... SET c = DEFAULT. */
  private static SqlNode defaultOf(ColumnDescriptor c) {
    if (c.defaultSql() == null) {
      return SqlLiteral.createNull(POS);
    }
    try {
      return SqlParser.create(c.defaultSql(), PhantomSqlParser.config()).parseExpression();
    } catch (SqlParseException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR, "stored DEFAULT cannot be parsed: " + c.defaultSql(), null, null, e);
    }
  }

  private static List<SqlBasicCall> rows(SqlBasicCall values) {
    List<SqlBasicCall> rows = new ArrayList<>();
    for (SqlNode row : values.getOperandList()) {
      if (!(row instanceof SqlBasicCall call) || call.getKind() != SqlKind.ROW) {
        return null;
      }
      rows.add(call);
    }
    return rows;
  }

  private static TableDescriptor table(SqlNode target, CatalogSnapshot catalog, int databaseId, List<String> searchPath) {
    if (target.getKind() == SqlKind.AS) {
      target = ((SqlBasicCall) target).operand(0);
    }
    if (!(target instanceof SqlIdentifier id)) {
      return null;
    }
    String name = last(id);
    List<String> schemas = id.names.size() > 1 ? List.of(id.names.get(id.names.size() - 2)) : searchPath;
    for (String s : schemas) {
      var schema = catalog.schema(databaseId, s);
      if (schema.isPresent()) {
        var rel = catalog.relation(schema.get().id(), name);
        if (rel.isPresent()) {
          return rel.get() instanceof TableDescriptor t ? t : null;
        }
      }
    }
    return null;
  }

  private static String last(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }
}
