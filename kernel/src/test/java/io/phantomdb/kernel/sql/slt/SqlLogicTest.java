package io.phantomdb.kernel.sql.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.phantomdb.kernel.sql.slt.SltRecord.HashThreshold;
import io.phantomdb.kernel.sql.slt.SltRecord.Query;
import io.phantomdb.kernel.sql.slt.SltRecord.Statement;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SQLite's sqllogictest corpus against PhantomDB's SQL engine: one container per {@code .test}
 * file, one test per record, each file on a fresh database ({@link SltEngineHarness}) as the
 * engine named {@code postgresql}.
 *
 * <p>System properties (set in {@code kernel/pom.xml}, overridable with {@code -D}):
 *
 * <ul>
 *   <li>{@value #DIR_PROPERTY}: the corpus directory, searched recursively for {@code *.test};
 *   <li>{@value #OWN_DIR_PROPERTY}: PhantomDB's own {@code *.slt} files, default {@code
 *       src/test/sql};
 *   <li>{@value #INCLUDE_PROPERTY}: a regular expression the path (relative to the corpus, with
 *       {@code /}) must match somewhere, such as {@code evidence/};
 *   <li>{@value SltEngineHarness#STORAGE_PROPERTY}: the storage engine, default {@code memory}.
 * </ul>
 *
 * <p>Only records that run for {@code postgresql} become tests. Records listed in {@code
 * slt/expected-failures.txt} must fail (see {@link ExpectedFailures}). Without the corpus the
 * suite fails.
 *
 * <p>Subclasses choose the database a file runs against ({@link #open()}: the pgwire plugin's
 * tests run the same files through pgjdbc over a real server), the corpus files run by default
 * ({@link #corpusInclude()}) and the lists of expected failures ({@link #expectedFailureLists()}).
 * The kernel publishes its test classes as a test-jar for that.
 */
public class SqlLogicTest {
  /**
   * The storage engine the corpus runs on: {@value SltEngineHarness#STORAGE_PROPERTY} if set,
   * else the reference engine. Subclasses run it on the real engines.
   *
   * @return a storage engine name on the test class path
   */
  protected String storage() {
    return SltEngineHarness.storageName();
  }

  /**
   * Opens the database one file runs against; called once per file, when its first record runs.
   *
   * @return a fresh database: the SQL engine on {@link #storage()}, in process
   */
  protected SltDatabase open() {
    return SltEngineHarness.open(storage());
  }

  /**
   * The corpus files run when {@value #INCLUDE_PROPERTY} is not set.
   *
   * @return a regular expression a file's path relative to the corpus must match somewhere
   */
  protected String corpusInclude() {
    return "";
  }

  /**
   * The class path resources listing records expected to fail (see {@link ExpectedFailures}).
   *
   * @return resource names; the lists are merged
   */
  protected List<String> expectedFailureLists() {
    return List.of(ExpectedFailures.KERNEL_LIST);
  }

  static final String DIR_PROPERTY = "phantomdb.slt.dir";
  static final String INCLUDE_PROPERTY = "phantomdb.slt.include";
  static final String OWN_DIR_PROPERTY = "phantomdb.sql.dir";
  private static final int NAME_LENGTH = 100;

  /** SQLite's corpus ({@code *.test} under {@value #DIR_PROPERTY}). */
  @TestFactory
  Stream<DynamicNode> sqllogictest() throws IOException {
    Path dir = Path.of(System.getProperty(DIR_PROPERTY, "../../shared/sqllogictest"));
    assertTrue(Files.isDirectory(dir), "no sqllogictest corpus at " + dir.toAbsolutePath()
        + " (../shared/sqllogictest beside the checkout, or -D" + DIR_PROPERTY + ")");
    return files(dir, ".test", SltChecker.DEFAULT_HASH_THRESHOLD, corpusInclude());
  }

  /**
   * PhantomDB's own SQL feature tests ({@code kernel/src/test/sql/*.slt}, the same format plus
   * {@code statement error <SQLSTATE>}; results are compared value by value unless a {@code
   * hash-threshold} record says otherwise), on the same storage engine as the corpus.
   */
  @TestFactory
  Stream<DynamicNode> phantomdbSql() throws IOException {
    Path dir = Path.of(System.getProperty(OWN_DIR_PROPERTY, "src/test/sql"));
    assertTrue(Files.isDirectory(dir), "no SQL tests at " + dir.toAbsolutePath());
    return files(dir, ".slt", 0, "");
  }

  private Stream<DynamicNode> files(Path dir, String suffix, int hashThreshold, String defaultInclude)
      throws IOException {
    Pattern include = Pattern.compile(System.getProperty(INCLUDE_PROPERTY, defaultInclude));
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p))
          .filter(p -> include.matcher(relative(dir, p)).find())
          .sorted().toList();
    }
    assertTrue(!files.isEmpty() || !System.getProperty(INCLUDE_PROPERTY, "").isEmpty(),
        "no *" + suffix + " files under " + dir.toAbsolutePath());
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expectedFailureLists().forEach(list -> expected.putAll(ExpectedFailures.load(list)));
    return files.stream().map(f -> file(dir, f, expected, hashThreshold));
  }

  private DynamicNode file(Path dir, Path file, Map<String, String> expectedFailures, int hashThreshold) {
    String name = relative(dir, file);
    List<SltRecord> records;
    try {
      records = SltParser.parse(Files.readString(file, StandardCharsets.UTF_8), name);
    } catch (IOException | RuntimeException e) {
      return dynamicTest(name, file.toUri(), () -> {
        throw new AssertionError("cannot read " + name + ": " + e.getMessage(), e);
      });
    }
    SltFileRunner runner = new SltFileRunner(this::open, hashThreshold);
    List<SltRecord> run = SltFileRunner.untilHalt(records).stream()
        .filter(r -> !r.skippedFor(SltFileRunner.ENGINE))
        .toList();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < run.size(); i++) {
      SltRecord r = run.get(i);
      boolean last = i == run.size() - 1;
      String why = expectedFailures.get(name + ":" + r.line());
      tests.add(dynamicTest(displayName(r), URI.create(file.toUri() + "?line=" + r.line()), () -> {
        try {
          if (why == null) {
            runner.run(r);
          } else {
            ExpectedFailures.assertFails(name + ":" + r.line(), why, () -> runner.run(r));
          }
        } finally {
          if (last) {
            runner.close();
          }
        }
      }));
    }
    return dynamicContainer(name, file.toUri(), tests.stream().onClose(runner::close));
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  static String displayName(SltRecord r) {
    String head;
    String sql = "";
    if (r instanceof Statement s) {
      head = s.expectError() ? "statement error" : "statement ok";
      sql = s.sql();
    } else if (r instanceof Query q) {
      head = "query " + q.types() + " " + q.sort().name().toLowerCase(Locale.ROOT)
          + (q.label() == null ? "" : " " + q.label());
      sql = q.sql();
    } else if (r instanceof SltRecord.Connection c) {
      head = "connection " + c.name();
    } else if (r instanceof HashThreshold h) {
      head = "hash-threshold " + h.threshold();
    } else {
      head = "halt";
    }
    String name = r.line() + ": " + head + (sql.isEmpty() ? "" : ": " + sql.replaceAll("\\s+", " ").strip());
    return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH - 3) + "...";
  }
}
