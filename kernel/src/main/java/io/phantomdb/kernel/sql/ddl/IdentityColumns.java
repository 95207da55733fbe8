package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.sequence.SequenceNames;
import io.phantomdb.kernel.sql.sequence.SequenceParams;
import io.phantomdb.kernel.sql.sequence.SequenceRefs;
import io.phantomdb.kernel.sql.sequence.SequenceStore;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.ddl.SequenceOptions;
import io.phantomdb.sql.parser.ddl.SqlColumnConstraint;
import io.phantomdb.sql.parser.ddl.SqlColumnDeclaration;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;

/**
 * The sequences of a new table's serial and identity columns, as PostgreSQL makes them: one per
 * column, named {@code <table>_<column>_seq} (shortened to 63 bytes, then {@code seq1}, {@code
 * seq2}, ... until the name is free), owned by the column, of the column's type. The column
 * becomes NOT NULL with {@code DEFAULT nextval('<schema>.<sequence>')}; an identity column also
 * records ALWAYS / BY DEFAULT. Also qualifies the sequence names in the table's other DEFAULTs.
 */
final class IdentityColumns {
  private static final int MAX_NAME_BYTES = 63;

  private final DdlExecutor ddl;
  private final CatalogStore.Change change;
  private final SchemaDescriptor schema;
  private final String table;
  private final int tableId;
  private final List<SequenceParams.Result> sequences = new ArrayList<>();
  private final Set<String> names = new HashSet<>();

  IdentityColumns(DdlExecutor ddl, CatalogStore.Change change, SchemaDescriptor schema, String table, int tableId) {
    this.ddl = ddl;
    this.change = change;
    this.schema = schema;
    this.table = table;
    this.tableId = tableId;
  }

  /**
   * @param def a DEFAULT expression as written
   * @return its SQL text, sequence names qualified ({@link SequenceRefs#qualify})
   */
  String defaultText(SqlNode def) {
    return PhantomSqlParser.toSql(SequenceRefs.qualify(def, change.view(), ddl.databaseId(), ddl.searchPath()));
  }

  /**
   * Makes the sequence of a serial or identity column.
   *
   * @param col the column as declared
   * @param column the column as built so far (id, name, type)
   * @return the column with its DEFAULT, identity and sequence
   */
  ColumnDescriptor define(SqlColumnDeclaration col, ColumnDescriptor column) {
    SqlColumnConstraint identity = col.identity();
    if (col.defaultExpression() != null || (identity != null && col.isSerial())) {
      String what = identity != null ? "both default and identity specified" : "multiple default values specified";
      throw new SqlException(SqlState.SYNTAX_ERROR,
          what + " for column \"" + column.name() + "\" of table \"" + table + "\"");
    }
    TypeKind kind = column.type().kind();
    if (!kind.isInteger()) {
      throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
          "identity column type must be smallint, integer, or bigint");
    }
    SequenceOptions options = identity != null ? identity.identityOptions() : SequenceOptions.NONE;
    String name = chooseName(column.name());
    SequenceParams.Result r = SequenceParams.create(change.newId(), schema.id(), name, options, kind, identity != null);
    sequences.add(new SequenceParams.Result(r.sequence().withOwner(tableId, column.id()), r.state()));
    names.add(name);
    String kindText = identity == null ? null
        : identity.kind() == SqlColumnConstraint.Kind.IDENTITY_ALWAYS ? ColumnDescriptor.ALWAYS : ColumnDescriptor.BY_DEFAULT;
    String nextval = "nextval('" + SequenceNames.qualified(schema.name(), name).replace("'", "''") + "')";
    return new ColumnDescriptor(column.id(), column.name(), column.type().withNullable(false), nextval, kindText,
        r.sequence().id(), false, false, null);
  }

  /**
   * Adds the sequences to the change and their initial states to the statement's batch.
   *
   * @param batch the data changes committed with the table
   */
  void commitInto(WriteBatch batch) {
    for (SequenceParams.Result r : sequences) {
      change.put(r.sequence());
      SequenceStore.putState(batch, ddl.data(), r.sequence().id(), r.state());
    }
  }

  /** PostgreSQL's ChooseRelationName(table, column, "seq"). */
  private String chooseName(String column) {
    String label = "seq";
    for (int pass = 1; ; pass++) {
      String candidate = objectName(table, column, label);
      if (!names.contains(candidate) && !candidate.equals(table) && !change.view().nameTaken(schema.id(), candidate)) {
        return candidate;
      }
      label = "seq" + pass;
    }
  }

  /** PostgreSQL's makeObjectName: name1_name2_label, the longer name shortened to fit 63 bytes. */
  private static String objectName(String name1, String name2, String label) {
    int available = MAX_NAME_BYTES - label.length() - 2;
    int n1 = bytes(name1);
    int n2 = bytes(name2);
    while (n1 + n2 > available) {
      if (n1 > n2) {
        n1--;
      } else {
        n2--;
      }
    }
    return clip(name1, n1) + "_" + clip(name2, n2) + "_" + label;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The longest prefix of {@code s} of at most {@code max} UTF-8 bytes, whole characters only. */
  private static String clip(String s, int max) {
    int used = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + len > max) {
        break;
      }
      used += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
