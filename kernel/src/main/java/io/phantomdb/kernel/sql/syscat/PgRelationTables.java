package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.TableStatistics;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import io.phantomdb.kernel.sql.expr.SessionContext;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgArray;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The pg_catalog tables about relations of the session's database: pg_namespace, pg_class,
 * pg_attribute, pg_attrdef, pg_index, pg_constraint, pg_sequence. Owners are the bootstrap
 * superuser (PhantomDB keeps no owners).
 */
final class PgRelationTables {
  private static final int OWNER = 10;
  private static final int HEAP = 2;
  private static final int BTREE = 403;

  private PgRelationTables() {}

  static List<SystemTable> all() {
    return List.of(namespace(), pgClass(), attribute(), attrdef(), index(), constraint(), sequence());
  }

  private static SystemTable namespace() {
    return SystemTable.builder("pg_namespace", 2615).oid("oid").text("nspname").oid("nspowner").col(TypeKind.TEXT_ARRAY, "nspacl")
        .rows((s, rows) -> {
          for (SchemaDescriptor sd : SystemSchemas.schemas(s.catalog(), s.databaseId())) {
            rows.add(sd.id(), sd.name(), OWNER, null);
          }
        });
  }

  private static SystemTable pgClass() {
    return SystemTable.builder("pg_class", 1259).oid("oid").text("relname").oid("relnamespace", "reltype", "reloftype",
            "relowner", "relam", "relfilenode", "reltablespace").col(TypeKind.INTEGER, "relpages")
        .col(TypeKind.REAL, "reltuples").col(TypeKind.INTEGER, "relallvisible").oid("reltoastrelid")
        .bool("relhasindex", "relisshared").text("relpersistence", "relkind").col(TypeKind.SMALLINT, "relnatts", "relchecks")
        .bool("relhasrules", "relhastriggers", "relhassubclass", "relrowsecurity", "relforcerowsecurity", "relispopulated")
        .text("relreplident").bool("relispartition").oid("relrewrite").col(TypeKind.TEXT_ARRAY, "relacl", "reloptions").text("relpartbound")
        .rows(PgRelationTables::classRows);
  }

  private static void classRows(SessionContext s, SystemTable.Rows rows) {
    CatalogSnapshot cat = s.catalog();
    for (SystemTable t : SystemSchemas.pgCatalogTables()) {
      rows.add(t.oid(), t.name(), CatalogOids.PG_CATALOG, 0, 0, OWNER, HEAP, 0, 0, 0, -1f, 0, 0, false, false, "p", "r",
          t.columns().size(), 0, false, false, false, false, false, true, "n", false, 0, null, null, null);
    }
    for (CatalogOids.Rel r : CatalogOids.of(cat).relations(s.databaseId())) {
      int natts = 0;
      int checks = 0;
      boolean hasIndex = false;
      float tuples = -1;
      int pages = 0;
      int am = 0;
      if (r.kind() == 'r') {
        TableDescriptor t = (TableDescriptor) r.object();
        natts = t.visibleColumns().size();
        checks = t.checks().size();
        hasIndex = !t.hasHiddenRowId() || !t.secondaryIndexes().isEmpty();
        tuples = cat.statistics(t.id()).map(TableStatistics::rowCount).map(Long::floatValue).orElse(-1f);
        am = HEAP;
      } else if (r.kind() == 'i') {
        natts = r.index().columns().size();
        am = BTREE;
        tuples = cat.statistics(r.object().id()).map(TableStatistics::rowCount).map(Long::floatValue).orElse(0f);
        pages = 1; // PostgreSQL's btree has its meta page from CREATE INDEX on; reltuples is 0 until ANALYZE
      } else if (r.kind() == 'v') {
        natts = SystemSchemas.viewColumns(s, (ViewDescriptor) r.object()).size();
      } else if (r.kind() == 'S') {
        natts = 3;
        tuples = 1;
        am = HEAP;
      }
      rows.add(r.oid(), r.name(), r.schema().id(), 0, 0, OWNER, am, r.oid(), 0, pages, tuples, 0, 0, hasIndex, false,
          "p", String.valueOf(r.kind()), natts, checks, false, false, false, false, false, true,
          r.kind() == 'r' || r.kind() == 'S' ? "d" : "n", false, 0, null, null, null);
    }
  }

  private static SystemTable attribute() {
    return SystemTable.builder("pg_attribute", 1249).oid("attrelid").text("attname").oid("atttypid")
        .col(TypeKind.INTEGER, "attstattarget").col(TypeKind.SMALLINT, "attlen", "attnum")
        .col(TypeKind.INTEGER, "attndims", "attcacheoff", "atttypmod").bool("attbyval").text("attalign", "attstorage",
            "attcompression").bool("attnotnull", "atthasdef", "atthasmissing").text("attidentity", "attgenerated")
        .bool("attisdropped", "attislocal").col(TypeKind.INTEGER, "attinhcount").oid("attcollation")
        .text("attacl", "attoptions", "attfdwoptions", "attmissingval")
        .rows(PgRelationTables::attributeRows);
  }

  private static void attributeRows(SessionContext s, SystemTable.Rows rows) {
    for (SystemTable t : SystemSchemas.pgCatalogTables()) {
      int n = 1;
      for (SystemTable.Column c : t.columns()) {
        attribute(rows, t.oid(), c.name(), c.type(), n++, false, false, "", false);
      }
    }
    for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
      if (r.kind() == 'r') {
        TableDescriptor t = (TableDescriptor) r.object();
        int n = 1;
        for (ColumnDescriptor c : t.columns()) {
          if (c.hidden()) {
            continue;
          }
          String identity = c.identity() == null ? "" : c.identity().equals(ColumnDescriptor.ALWAYS) ? "a" : "d";
          boolean hasDef = c.defaultSql() != null && c.identity() == null;
          attribute(rows, r.oid(), c.dropped() ? "........pg.dropped." + n + "........" : c.name(), c.type(), n++,
              !c.nullable(), hasDef, identity, c.dropped());
        }
      } else if (r.kind() == 'i') {
        TableDescriptor t = (TableDescriptor) r.object();
        int n = 1;
        for (IndexColumn ic : r.index().columns()) {
          ColumnDescriptor c = t.columns().stream().filter(x -> x.id() == ic.columnId()).findFirst().orElseThrow();
          attribute(rows, r.oid(), c.name(), c.type(), n++, false, false, "", false);
        }
      } else if (r.kind() == 'S') {
        attribute(rows, r.oid(), "last_value", DataType.of(TypeKind.BIGINT), 1, true, false, "", false);
        attribute(rows, r.oid(), "log_cnt", DataType.of(TypeKind.BIGINT), 2, true, false, "", false);
        attribute(rows, r.oid(), "is_called", DataType.of(TypeKind.BOOLEAN), 3, true, false, "", false);
      } else if (r.kind() == 'v') {
        int n = 1;
        for (SystemTable.Column c : SystemSchemas.viewColumns(s, (ViewDescriptor) r.object())) {
          attribute(rows, r.oid(), c.name(), c.type(), n++, false, false, "", false);
        }
      }
    }
  }

  private static void attribute(SystemTable.Rows rows, int rel, String name, DataType type, int num, boolean notNull,
      boolean hasDef, String identity, boolean dropped) {
    int typeOid = dropped ? 0 : type.kind().pgOid();
    PgTypes.PgType pt = PgTypes.byOid(typeOid);
    int len = pt == null ? -1 : pt.length();
    int collation = type.kind().isText() ? 100 : 0;
    rows.add(rel, name, typeOid, -1, len, num, 0, -1, PgTypes.typmod(type), pt != null && pt.byValue(),
        pt == null ? "i" : pt.align(), len == -1 ? "x" : "p", "", notNull, hasDef, false, identity, "", dropped, true, 0,
        collation, null, null, null, null);
  }

  private static SystemTable attrdef() {
    return SystemTable.builder("pg_attrdef", 2604).oid("oid", "adrelid").col(TypeKind.SMALLINT, "adnum").text("adbin")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.kind() != 'r') {
              continue;
            }
            int n = 1;
            for (ColumnDescriptor c : ((TableDescriptor) r.object()).columns()) {
              if (c.hidden()) {
                continue;
              }
              if (c.defaultSql() != null && c.identity() == null && !c.dropped()) {
                rows.add((r.oid() << 8) + n, r.oid(), n, defaultExpr(c.defaultSql(), c.type()));
              }
              n++;
            }
          }
        });
  }

  private static SystemTable index() {
    return SystemTable.builder("pg_index", 2610).oid("indexrelid", "indrelid").col(TypeKind.SMALLINT, "indnatts",
            "indnkeyatts").bool("indisunique", "indnullsnotdistinct", "indisprimary", "indisexclusion", "indimmediate",
            "indisclustered", "indisvalid", "indcheckxmin", "indisready", "indislive", "indisreplident")
        .col(TypeKind.INT2_ARRAY, "indkey").text("indcollation", "indclass").col(TypeKind.INT2_ARRAY, "indoption")
        .text("indexprs", "indpred")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.kind() != 'i') {
              continue;
            }
            TableDescriptor t = (TableDescriptor) r.object();
            List<Object> keys = new ArrayList<>();
            List<Object> options = new ArrayList<>();
            List<String> zeros = new ArrayList<>();
            for (IndexColumn ic : r.index().columns()) {
              keys.add((short) attnum(t, ic.columnId()));
              options.add((short) ((ic.descending() ? 1 : 0) | (ic.nullsFirst() ? 2 : 0)));
              zeros.add("0");
            }
            int n = keys.size();
            rows.add(r.oid(), t.id(), n, n, r.index().unique(), false, r.index().primary(), false, true, false, true,
                false, true, true, false, PgArray.vector(keys), String.join(" ", zeros), String.join(" ", zeros),
                PgArray.vector(options), null, null);
          }
        });
  }

  /**
   * A DEFAULT as PostgreSQL's pg_get_expr shows it: a string literal carries a cast to the column's
   * type ({@code 'x'::text}, {@code 'a'::character varying}); anything else is the stored text.
   */
  static String defaultExpr(String sql, DataType type) {
    if (!sql.matches("'(?:[^']|'')*'")) {
      return sql;
    }
    String name = type.kind() == TypeKind.CHAR ? "bpchar" : DataType.of(type.kind()).sqlName();
    return sql + "::" + name;
  }

  /** The column's attnum: its position among the table's columns that are not hidden, from 1. */
  static int attnum(TableDescriptor t, int columnId) {
    int n = 1;
    for (ColumnDescriptor c : t.columns()) {
      if (c.hidden()) {
        continue;
      }
      if (c.id() == columnId) {
        return n;
      }
      n++;
    }
    return 0;
  }

  private static SystemTable constraint() {
    return SystemTable.builder("pg_constraint", 2606).oid("oid").text("conname").oid("connamespace").text("contype")
        .bool("condeferrable", "condeferred", "convalidated").oid("conrelid", "contypid", "conindid", "conparentid",
            "confrelid").text("confupdtype", "confdeltype", "confmatchtype").bool("conislocal")
        .col(TypeKind.INTEGER, "coninhcount").bool("connoinherit").col(TypeKind.INT2_ARRAY, "conkey", "confkey").text("conbin")
        .rows((s, rows) -> {
          for (CatalogOids.Con c : CatalogOids.of(s.catalog()).constraints(s.databaseId())) {
            PgArray key;
            if (c.index() != null) {
              List<Object> cols = new ArrayList<>();
              for (IndexColumn ic : c.index().columns()) {
                cols.add((short) attnum(c.table(), ic.columnId()));
              }
              key = new PgArray(cols);
            } else {
              key = null;
            }
            rows.add(c.oid(), c.name(), c.table().schemaId(), String.valueOf(c.type()), false, false, true,
                c.table().id(), 0, c.index() != null ? c.index().oid() : 0, 0, 0, " ", " ", " ", true, 0, false, key,
                null, c.check() != null ? c.check().sql() : null);
          }
        });
  }

  private static SystemTable sequence() {
    return SystemTable.builder("pg_sequence", 2224).oid("seqrelid", "seqtypid").col(TypeKind.BIGINT, "seqstart",
            "seqincrement", "seqmax", "seqmin", "seqcache").bool("seqcycle")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.object() instanceof SequenceDescriptor q) {
              rows.add(q.id(), q.type().pgOid(), q.start(), q.increment(), q.maxValue(), q.minValue(), q.cache(), q.cycle());
            }
          }
        });
  }
}
