package io.phantomdb.kernel.sql.sequence;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.sql.parser.PhantomSqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The sequences column DEFAULTs name: {@code nextval('s')}, {@code currval('s')} and {@code
 * setval('s', ...)} with a literal name. PostgreSQL binds such a name to the sequence when the
 * DEFAULT is stored (a regclass constant); here {@link #qualify} rewrites it to the sequence's
 * schema-qualified name instead, so the DEFAULT keeps meaning the same sequence whatever the
 * search path, and {@link #dependents} finds the DEFAULTs that would break if a sequence went.
 */
public final class SequenceRefs {
  private static final Set<String> FUNCTIONS = Set.of("nextval", "currval", "setval");

  private SequenceRefs() {}

  /**
   * A column whose DEFAULT uses a sequence.
   *
   * @param table the table
   * @param column the column
   */
  public record Dependent(TableDescriptor table, ColumnDescriptor column) {
    /**
     * @param seq the sequence depended on
     * @return PostgreSQL's description of the dependency, for error details
     */
    public String describe(SequenceDescriptor seq) {
      return "default value for column " + column.name() + " of table " + table.name()
          + " depends on sequence " + seq.name();
    }
  }

  /**
   * Rewrites the sequence names of a DEFAULT expression to qualified names, checking each names a
   * sequence (as PostgreSQL's regclass cast does).
   *
   * @param expr the expression, changed in place
   * @param catalog the catalog
   * @param databaseId the session's database
   * @param searchPath the session's search path
   * @return {@code expr}
   * @throws SqlException as {@link SequenceNames#sequence} for a name that is not a sequence
   */
  public static SqlNode qualify(SqlNode expr, CatalogSnapshot catalog, int databaseId, List<String> searchPath) {
    visit(expr, call -> {
      if (call.operand(0) instanceof SqlCharStringLiteral lit) {
        SequenceDescriptor s = SequenceNames.sequence(catalog, databaseId, searchPath, lit.getValueAs(String.class));
        SchemaDescriptor schema = (SchemaDescriptor) catalog.byId(s.schemaId()).orElseThrow();
        call.setOperand(0, SqlLiteral.createCharString(SequenceNames.qualified(schema.name(), s.name()),
            lit.getParserPosition()));
      }
    });
    return expr;
  }

  /**
   * The columns whose DEFAULT names a sequence.
   *
   * @param seq the sequence
   * @param catalog the catalog
   * @param databaseId the database
   * @param searchPath the search path unqualified names in DEFAULTs resolve in
   * @return the columns, in catalog order
   */
  public static List<Dependent> dependents(SequenceDescriptor seq, CatalogSnapshot catalog, int databaseId,
      List<String> searchPath) {
    List<Dependent> out = new ArrayList<>();
    for (CatalogObject o : catalog.objects()) {
      if (!(o instanceof TableDescriptor t)) {
        continue;
      }
      for (ColumnDescriptor c : t.visibleColumns()) {
        if (c.defaultSql() != null && names(c.defaultSql(), seq, catalog, databaseId, searchPath)) {
          out.add(new Dependent(t, c));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt((Dependent d) -> d.table().id()).thenComparingInt(d -> d.column().id()));
    return out;
  }

  private static boolean names(String defaultSql, SequenceDescriptor seq, CatalogSnapshot catalog, int databaseId,
      List<String> searchPath) {
    if (!defaultSql.toLowerCase(Locale.ROOT).contains("val")) {
      return false;
    }
    SqlNode expr;
    try {
      expr = SqlParser.create(defaultSql, PhantomSqlParser.config()).parseExpression();
    } catch (SqlParseException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR, "stored DEFAULT cannot be parsed: " + defaultSql, null, null, e);
    }
    boolean[] found = {false};
    visit(expr, call -> {
      if (call.operand(0) instanceof SqlCharStringLiteral lit) {
        try {
          CatalogObject o = SequenceNames.relation(catalog, databaseId, searchPath, lit.getValueAs(String.class));
          found[0] |= o.id() == seq.id();
        } catch (SqlException gone) {
          // a name that no longer resolves depends on nothing
        }
      }
    });
    return found[0];
  }

  /** Calls {@code f} on every nextval/currval/setval call with at least one operand. */
  private static void visit(SqlNode node, Consumer<SqlBasicCall> f) {
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call instanceof SqlBasicCall b && b.operandCount() > 0
        && FUNCTIONS.contains(b.getOperator().getName().toLowerCase(Locale.ROOT))) {
      f.accept(b);
    }
    for (SqlNode operand : call.getOperandList()) {
      visit(operand, f);
    }
  }
}
