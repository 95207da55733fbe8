package io.phantomdb.kernel.sql.syscat;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.SequenceDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import io.phantomdb.kernel.sql.expr.SessionContext;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.List;

/**
 * information_schema's schemata, tables, columns, table_constraints, key_column_usage, views and
 * sequences with PostgreSQL's column names; {@code sql_identifier}, {@code character_data} and
 * {@code yes_or_no} columns are text, {@code cardinal_number} integer.
 */
final class InformationSchema {
  private InformationSchema() {}

  static List<SystemTable> all() {
    return List.of(schemata(), tables(), columns(), tableConstraints(), keyColumnUsage(), views(), sequences());
  }

  private static SystemTable schemata() {
    return SystemTable.builder("schemata", 13101).text("catalog_name", "schema_name", "schema_owner",
            "default_character_set_catalog", "default_character_set_schema", "default_character_set_name", "sql_path")
        .rows((s, rows) -> {
          for (SchemaDescriptor sd : SystemSchemas.schemas(s.catalog(), s.databaseId())) {
            rows.add(s.database(), sd.name(), PgFunctions.userById(s, 10), null, null, null, null);
          }
        });
  }

  private static SystemTable tables() {
    return SystemTable.builder("tables", 13102).text("table_catalog", "table_schema", "table_name", "table_type",
            "self_referencing_column_name", "reference_generation", "user_defined_type_catalog",
            "user_defined_type_schema", "user_defined_type_name", "is_insertable_into", "is_typed", "commit_action")
        .rows((s, rows) -> {
          for (SystemTable t : SystemSchemas.pgCatalogTables()) {
            rows.add(s.database(), SystemSchemas.PG_CATALOG, t.name(), "BASE TABLE", null, null, null, null, null, "NO", "NO", null);
          }
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.kind() == 'r' || r.kind() == 'v') {
              rows.add(s.database(), r.schema().name(), r.name(), r.kind() == 'r' ? "BASE TABLE" : "VIEW", null, null,
                  null, null, null, r.kind() == 'r' ? "YES" : "NO", "NO", null);
            }
          }
        });
  }

  private static SystemTable columns() {
    return SystemTable.builder("columns", 13103).text("table_catalog", "table_schema", "table_name", "column_name")
        .col(TypeKind.INTEGER, "ordinal_position").text("column_default", "is_nullable", "data_type")
        .col(TypeKind.INTEGER, "character_maximum_length", "character_octet_length", "numeric_precision",
            "numeric_precision_radix", "numeric_scale", "datetime_precision").text("interval_type", "udt_catalog",
            "udt_schema", "udt_name", "is_identity", "identity_generation", "is_generated", "generation_expression",
            "is_updatable")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.kind() == 'r') {
              int n = 0;
              for (ColumnDescriptor c : ((TableDescriptor) r.object()).columns()) {
                if (c.hidden()) {
                  continue;
                }
                n++;
                if (!c.dropped()) {
                  column(s, rows, r, c.name(), n, c.type(), c.identity() == null ? c.defaultSql() : null,
                      c.nullable(), c.identity(), true);
                }
              }
            } else if (r.kind() == 'v') {
              int n = 0;
              for (SystemTable.Column c : SystemSchemas.viewColumns(s, (ViewDescriptor) r.object())) {
                column(s, rows, r, c.name(), ++n, c.type(), null, true, null, false);
              }
            }
          }
        });
  }

  private static void column(SessionContext s, SystemTable.Rows rows, CatalogOids.Rel r, String name, int position,
      DataType type, String dflt, boolean nullable, String identity, boolean updatable) {
    TypeKind k = type.kind();
    Integer charMax = (k == TypeKind.CHAR || k == TypeKind.VARCHAR) && type.precision() > 0 ? type.precision() : null;
    Integer octets = k.isText() ? (charMax == null ? 1073741824 : charMax * 4) : null;
    Integer precision = switch (k) {
      case SMALLINT -> 16;
      case INTEGER -> 32;
      case BIGINT -> 64;
      case REAL -> 24;
      case DOUBLE -> 53;
      case NUMERIC -> type.precision() == 0 ? null : type.precision();
      default -> null;
    };
    Integer radix = precision == null ? null : k == TypeKind.NUMERIC ? 10 : 2;
    Integer scale = k.isInteger() ? Integer.valueOf(0) : k == TypeKind.NUMERIC && type.precision() > 0 ? type.scale() : null;
    Integer datetime = switch (k) {
      case DATE -> 0;
      case TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> k == TypeKind.INTERVAL ? 6 : type.precision();
      default -> null;
    };
    String dataType = switch (k) {
      case CHAR -> "character";
      case VARCHAR -> "character varying";
      case NUMERIC -> "numeric";
      default -> PgTypes.format(k.pgOid(), -1);
    };
    PgTypes.PgType pt = PgTypes.byOid(k.pgOid());
    rows.add(s.database(), r.schema().name(), r.name(), name, position, dflt, nullable ? "YES" : "NO", dataType, charMax,
        octets, precision, radix, scale, datetime, null, s.database(), SystemSchemas.PG_CATALOG,
        pt == null ? "unknown" : pt.name(), identity == null ? "NO" : "YES", identity, "NEVER", null,
        updatable ? "YES" : "NO");
  }

  private static SystemTable tableConstraints() {
    return SystemTable.builder("table_constraints", 13104).text("constraint_catalog", "constraint_schema",
            "constraint_name", "table_catalog", "table_schema", "table_name", "constraint_type", "is_deferrable",
            "initially_deferred", "enforced", "nulls_distinct")
        .rows((s, rows) -> {
          for (CatalogOids.Con c : CatalogOids.of(s.catalog()).constraints(s.databaseId())) {
            String schema = CatalogOids.of(s.catalog()).relation(c.table().id()).schema().name();
            String type = c.type() == 'p' ? "PRIMARY KEY" : c.type() == 'u' ? "UNIQUE" : "CHECK";
            rows.add(s.database(), schema, c.name(), s.database(), schema, c.table().name(), type, "NO", "NO", "YES",
                c.type() == 'u' ? "YES" : null);
          }
        });
  }

  private static SystemTable keyColumnUsage() {
    return SystemTable.builder("key_column_usage", 13105).text("constraint_catalog", "constraint_schema",
            "constraint_name", "table_catalog", "table_schema", "table_name", "column_name")
        .col(TypeKind.INTEGER, "ordinal_position", "position_in_unique_constraint")
        .rows((s, rows) -> {
          for (CatalogOids.Con c : CatalogOids.of(s.catalog()).constraints(s.databaseId())) {
            if (c.index() == null) {
              continue;
            }
            String schema = CatalogOids.of(s.catalog()).relation(c.table().id()).schema().name();
            int n = 0;
            for (IndexColumn ic : c.index().columns()) {
              rows.add(s.database(), schema, c.name(), s.database(), schema, c.table().name(),
                  PgFunctions.columnName(c.table(), ic.columnId()), ++n, null);
            }
          }
        });
  }

  private static SystemTable views() {
    return SystemTable.builder("views", 13106).text("table_catalog", "table_schema", "table_name", "view_definition",
            "check_option", "is_updatable", "is_insertable_into", "is_trigger_updatable", "is_trigger_deletable",
            "is_trigger_insertable_into")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.kind() == 'v') {
              rows.add(s.database(), r.schema().name(), r.name(), ((ViewDescriptor) r.object()).sql(), "NONE", "NO",
                  "NO", "NO", "NO", "NO");
            }
          }
        });
  }

  private static SystemTable sequences() {
    return SystemTable.builder("sequences", 13107).text("sequence_catalog", "sequence_schema", "sequence_name",
            "data_type").col(TypeKind.INTEGER, "numeric_precision", "numeric_precision_radix", "numeric_scale")
        .text("start_value", "minimum_value", "maximum_value", "increment", "cycle_option")
        .rows((s, rows) -> {
          for (CatalogOids.Rel r : CatalogOids.of(s.catalog()).relations(s.databaseId())) {
            if (r.object() instanceof SequenceDescriptor q) {
              int bits = q.type() == TypeKind.SMALLINT ? 16 : q.type() == TypeKind.INTEGER ? 32 : 64;
              rows.add(s.database(), r.schema().name(), r.name(), PgTypes.format(q.type().pgOid(), -1), bits, 2, 0,
                  String.valueOf(q.start()), String.valueOf(q.minValue()), String.valueOf(q.maxValue()),
                  String.valueOf(q.increment()), q.cycle() ? "YES" : "NO");
            }
          }
        });
  }
}
