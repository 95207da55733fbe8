package io.phantomdb.kernel.sql.slt;

import static org.junit.jupiter.api.Assertions.fail;

import io.phantomdb.kernel.sql.slt.SltRecord.HashThreshold;
import io.phantomdb.kernel.sql.slt.SltRecord.Halt;
import io.phantomdb.kernel.sql.slt.SltRecord.Query;
import io.phantomdb.kernel.sql.slt.SltRecord.Statement;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * Runs the records of one sqllogictest file, in order, on one database opened at the first
 * record that needs it. A record passes, fails with an {@link AssertionError} saying what
 * differs, or is aborted (JUnit's "skipped") when it is not meant for this engine.
 *
 * <p>{@code statement error} passes only on an error ({@link SltDatabase.Failure}) whose SQLSTATE
 * is not of class XX (internal error): a crash is never the error a test expects. The database is
 * an {@link SltDatabase}: the SQL engine in process, or a server over the wire.
 */
final class SltFileRunner implements AutoCloseable {
  /** The engine name {@code skipif}/{@code onlyif} lines are matched against. */
  static final String ENGINE = "postgresql";

  private final Supplier<? extends SltDatabase> opener;
  private final SltChecker checker = new SltChecker();
  private String connection;
  private SltDatabase database;

  /** @param opener opens the file's database, when a record first needs it */
  SltFileRunner(Supplier<? extends SltDatabase> opener, int hashThreshold) {
    this(opener);
    checker.hashThreshold(hashThreshold);
  }

  SltFileRunner(Supplier<? extends SltDatabase> opener) {
    this.opener = opener;
  }

  /**
   * The records a run goes through: all of them, or those before the first {@code halt} meant for
   * this engine.
   *
   * @param records a file's records
   * @return the records to run
   */
  static List<SltRecord> untilHalt(List<SltRecord> records) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof Halt && !records.get(i).skippedFor(ENGINE)) {
        return records.subList(0, i);
      }
    }
    return records;
  }

  /**
   * Runs one record.
   *
   * @param record the record
   * @throws AssertionError if it fails
   * @throws TestAbortedException if it is not run for this engine
   */
  void run(SltRecord record) {
    if (record.skippedFor(ENGINE)) {
      if (record instanceof Query q) {
        String conflict = checker.skipped(q);
        if (conflict != null) {
          fail(conflict);
        }
      }
      throw new TestAbortedException("not for " + ENGINE + ": " + record.conditions());
    }
    if (record instanceof Statement s) {
      statement(s);
    } else if (record instanceof Query q) {
      query(q);
    } else if (record instanceof SltRecord.Connection c) {
      connection = c.name();
    } else if (record instanceof HashThreshold h) {
      checker.hashThreshold(h.threshold());
    } else if (record instanceof Halt) {
      throw new TestAbortedException("halt: the rest of the file is not run");
    }
  }

  private void statement(Statement s) {
    try {
      database().execute(takeConnection(), s.sql());
    } catch (SltDatabase.Failure e) {
      if (!s.expectError()) {
        throw new AssertionError("statement failed: " + describe(e), e);
      }
      if (e.sqlState().startsWith("XX")) {
        throw new AssertionError("expected an error, got an internal one: " + describe(e), e);
      }
      if (s.expectedState() != null && !s.expectedState().equals(e.sqlState())) {
        throw new AssertionError("expected SQLSTATE " + s.expectedState() + ", got " + describe(e), e);
      }
      return;
    }
    if (s.expectError()) {
      fail("statement succeeded, but an error was expected");
    }
  }

  private void query(Query q) {
    SltDatabase.Result result;
    try {
      result = database().query(takeConnection(), q.sql(), q.types());
    } catch (SltDatabase.Failure e) {
      throw new AssertionError("query failed: " + describe(e), e);
    }
    if (result.columns() != q.types().length()) {
      fail("wrong number of result columns: expected " + q.types().length() + " but got " + result.columns());
    }
    String failure = checker.check(q, result.values());
    if (failure != null) {
      fail(failure);
    }
  }

  private static String describe(SltDatabase.Failure e) {
    return e.sqlState() + " " + e.getMessage();
  }

  /** The session the next statement or query runs in: the one a {@code connection} named, once. */
  private String takeConnection() {
    String name = connection;
    connection = null;
    return name;
  }

  private SltDatabase database() {
    if (database == null) {
      database = opener.get();
    }
    return database;
  }

  /** Closes the database, if one was opened. Idempotent. */
  @Override
  public void close() {
    if (database != null) {
      SltDatabase d = database;
      database = null;
      d.close();
    }
  }
}
