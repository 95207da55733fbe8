package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.txn.gc.VersionGc;
import io.phantomdb.sql.parser.stmt.SqlAnalyze;
import io.phantomdb.sql.parser.stmt.SqlVacuum;
import io.phantomdb.spi.storage.KeyRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * PostgreSQL's VACUUM: runs one version garbage collection pass now, over the tables named (rows
 * and index entries) or over every table, then ANALYZE if asked. Every PostgreSQL option is
 * accepted; FULL and FREEZE collect the same way (there are no pages to rewrite or transaction ids
 * to freeze). Views are skipped, as PostgreSQL skips them (with a warning).
 */
final class VacuumCommand {
  private static final Set<String> OPTIONS = Set.of("full", "freeze", "verbose", "analyze",
      "disable_page_skipping", "skip_locked", "index_cleanup", "process_toast", "truncate", "parallel",
      "skip_database_stats", "only_database_stats", "buffer_usage_limit");

  private VacuumCommand() {}

  /**
   * @param engine the engine
   * @param vacuum the statement
   * @param catalog the catalog now
   * @param databaseId the session's database
   * @param searchPath the session's schema search path
   * @param analyze runs ANALYZE of the same tables (VACUUM ANALYZE)
   * @return the result {@code VACUUM}
   * @throws SqlException 42601 for an unknown option, 0A000 for columns without ANALYZE, 42P01
   *     for an unknown table
   */
  static StatementResult execute(SqlEngine engine, SqlVacuum vacuum, CatalogSnapshot catalog, int databaseId,
      List<String> searchPath, Consumer<SqlAnalyze> analyze) {
    for (String option : vacuum.options().keySet()) {
      if (!OPTIONS.contains(option)) {
        throw new SqlException(SqlState.SYNTAX_ERROR, "unrecognized VACUUM option \"" + option + "\"");
      }
    }
    boolean analyzing = vacuum.isOn("analyze");
    if (!analyzing && vacuum.targets().stream().anyMatch(t -> !t.columns().isEmpty())) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "ANALYZE option must be specified when a column list is provided");
    }
    List<KeyRange> ranges = new ArrayList<>();
    if (vacuum.targets().isEmpty()) {
      ranges.add(VersionGc.VERSIONED_DATA);
    }
    for (SqlAnalyze.Target target : vacuum.targets()) {
      TableDescriptor t = findTable(target.table(), catalog, databaseId, searchPath);
      if (t != null) {
        ranges.add(VersionedKeys.tableRange(t.id()));
      }
    }
    if (!ranges.isEmpty()) {
      engine.collectGarbage(ranges);
    }
    if (analyzing) {
      analyze.accept(new SqlAnalyze(vacuum.getParserPosition(),
          vacuum.isOn("verbose") ? java.util.Map.of("verbose", "true") : java.util.Map.of(), vacuum.targets()));
    }
    return Results.command("VACUUM", 0);
  }

  /** The table a name means, null for a view, 42P01 if nothing has that name. */
  private static TableDescriptor findTable(SqlIdentifier name, CatalogSnapshot cat, int databaseId,
      List<String> searchPath) {
    String relation = name.names.get(name.names.size() - 1);
    List<String> schemas = name.names.size() > 1 ? List.of(name.names.get(name.names.size() - 2)) : searchPath;
    for (String s : schemas) {
      var schema = cat.schema(databaseId, s);
      if (schema.isPresent()) {
        var o = cat.relation(schema.get().id(), relation);
        if (o.isPresent()) {
          return o.get() instanceof TableDescriptor t ? t : null;
        }
      }
    }
    throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + String.join(".", name.names) + "\" does not exist");
  }
}
