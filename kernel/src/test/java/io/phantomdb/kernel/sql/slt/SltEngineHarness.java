package io.phantomdb.kernel.sql.slt;

import io.phantomdb.kernel.cli.sql.EmbeddedSql;
import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The database one sqllogictest file runs against: a new storage engine in a temporary
 * directory, the SQL engine on it, and one session. The only part of the runner that needs the
 * SQL engine.
 *
 * <p>The storage engine is found by name among the {@link StorageEngineFactory} implementations
 * on the test class path: {@value #STORAGE_PROPERTY} (default {@code memory}, the TCK's reference
 * engine). To run the corpus on {@code lsm} or {@code btree}, put that plugin's classes on the
 * class path of a test run and set the property, or subclass {@link SqlLogicTest} per engine.
 */
final class SltEngineHarness implements SltDatabase {
  /** The system property naming the storage engine. */
  static final String STORAGE_PROPERTY = "phantomdb.slt.storage";

  private final Path directory;
  private final StorageEngine storage;
  private final EmbeddedSql sql;
  private final Session session;
  private final java.util.Map<String, Session> named = new java.util.HashMap<>();

  private SltEngineHarness(Path directory, StorageEngine storage, EmbeddedSql sql, Session session) {
    this.directory = directory;
    this.storage = storage;
    this.sql = sql;
    this.session = session;
  }


  /** @return the storage engine to run on */
  static String storageName() {
    return System.getProperty(STORAGE_PROPERTY, MemoryStorageEngineFactory.NAME);
  }

  /**
   * Opens a fresh database.
   *
   * @param storageName the storage engine's name
   * @return the database; the caller closes it
   */
  static SltEngineHarness open(String storageName) {
    List<StorageEngineFactory> factories = ServiceLoader.load(StorageEngineFactory.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    StorageEngineFactory factory = factories.stream().filter(f -> f.name().equals(storageName))
        .findFirst().orElseThrow(() -> new IllegalStateException("no storage engine '" + storageName
            + "' on the class path; there are: " + factories.stream().map(StorageEngineFactory::name).toList()));
    Path dir;
    try {
      dir = Files.createTempDirectory("phantomdb-slt-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StorageEngine storage = factory.open(StorageContext.of(dir.resolve("storage")));
    EmbeddedSql sql = null;
    try {
      sql = EmbeddedSql.open(storage);
      return new SltEngineHarness(dir, storage, sql, sql.newSession());
    } catch (RuntimeException e) {
      if (sql != null) {
        sql.close();
      }
      storage.close();
      delete(dir);
      throw e;
    }
  }

  @Override
  public void execute(String sessionName, String sql) {
    try (StatementResult result = session(sessionName).execute(sql)) {
      while (result.next() != null) {
        // a statement's rows are read and dropped
      }
    } catch (SqlException e) {
      throw failure(e);
    }
  }

  @Override
  public Result query(String sessionName, String sql, String types) {
    List<String> values = new ArrayList<>();
    try (StatementResult result = session(sessionName).execute(sql)) {
      List<ColumnInfo> columns = result.columns();
      if (columns.size() != types.length()) {
        return new Result(columns.size(), List.of());
      }
      for (Object[] row = result.next(); row != null; row = result.next()) {
        for (int i = 0; i < columns.size(); i++) {
          values.add(SltValues.render(row[i], columns.get(i).type(), types.charAt(i)));
        }
      }
      return new Result(columns.size(), values);
    } catch (SqlException e) {
      throw failure(e);
    }
  }

  private static Failure failure(SqlException e) {
    return new Failure(e.sqlState(), e.getMessage() + (e.hint() == null ? "" : " (hint: " + e.hint() + ")"), e);
  }

  /**
   * @param name a session's name from a {@code connection} line, or null for the default session
   * @return that session, opened on first use
   */
  private Session session(String name) {
    return name == null ? session : named.computeIfAbsent(name, n -> sql.newSession());
  }

  @Override
  public void close() {
    named.values().forEach(Session::close);
    try (StorageEngine s = storage; EmbeddedSql q = sql; Session ss = session) {
      // closes session, SQL engine, storage: in reverse order of opening
    } finally {
      delete(directory);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
