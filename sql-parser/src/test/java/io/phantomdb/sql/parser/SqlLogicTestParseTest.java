package io.phantomdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Parses every statement of the sqllogictest corpus PostgreSQL runs (see {@link
 * SqlLogicTestCorpus}). Every record PostgreSQL accepts must parse; the few that test SQLite-only
 * syntax are listed in {@link #SQLITE_ONLY} with the reason and must fail.
 */
class SqlLogicTestParseTest {
  /**
   * Records PostgreSQL rejects as a syntax error although the corpus runs them for it (the
   * corpus README: "a few in evidence/ test SQLite-only syntax"). Keyed by file (relative to the
   * corpus root) and line of the SQL.
   */
  private static final Map<String, String> SQLITE_ONLY = new LinkedHashMap<>();

  static {
    final String emptyIn = "empty IN list: SQLite-only (PostgreSQL: syntax error at or near \")\")";
    for (int line : new int[] {81, 88, 95, 102, 109, 119, 129, 139}) {
      SQLITE_ONLY.put("evidence/in2.test:" + line, emptyIn);
    }
  }

  @Test
  void everyStatementPostgresqlAcceptsParses() throws Exception {
    final Path root = SqlLogicTestCorpus.root();
    Assertions.assertTrue(Files.isDirectory(root),
        "no sqllogictest corpus at " + root + " (../shared/sqllogictest beside the checkout, or -Dphantomdb.sqllogictest.dir)");
    int records = 0;
    int errorRecords = 0;
    int errorRecordsRejected = 0;
    final List<String> failures = new ArrayList<>();
    final List<String> unexpectedPasses = new ArrayList<>();
    for (Path file : SqlLogicTestCorpus.files(root)) {
      for (SqlLogicTestCorpus.Record r : SqlLogicTestCorpus.records(file)) {
        records++;
        final String key = root.relativize(r.file()) + ":" + r.line();
        String error = null;
        try {
          PhantomSqlParser.parseStatement(r.sql());
        } catch (PhantomSqlParseException e) {
          error = e.pgMessage();
        }
        if (r.expectsError()) {
          errorRecords++;
          errorRecordsRejected += error != null ? 1 : 0;
          continue; // PostgreSQL rejects these too, at parse time or later
        }
        if (SQLITE_ONLY.containsKey(key)) {
          if (error == null) {
            unexpectedPasses.add(key + " " + r.sql());
          }
        } else if (error != null) {
          failures.add(key + " [" + error + "] " + r.sql().replace('\n', ' '));
        }
      }
    }
    System.out.printf("sqllogictest: %d records; %d 'statement error' records (%d of them rejected"
        + " by the parser); %d unexpected parse failures; %d expected SQLite-only failures%n",
        records, errorRecords, errorRecordsRejected, failures.size(), SQLITE_ONLY.size());
    failures.stream().limit(200).forEach(System.out::println);
    assertThat(records).isGreaterThan(1000);
    assertThat(failures).isEmpty();
    assertThat(unexpectedPasses).isEmpty();
  }
}
