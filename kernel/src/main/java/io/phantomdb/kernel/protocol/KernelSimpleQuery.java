package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.spi.protocol.QueryResult;
import io.phantomdb.spi.protocol.SimpleQuery;
import java.util.List;

/**
 * The statements of a simple query string. Several statements that may all run in a block, sent
 * while no block is open, run in an implicit one (BEGIN before the first, COMMIT after the last,
 * ROLLBACK at an error), as PostgreSQL runs a multi-statement query; otherwise (transaction
 * control or DDL among them) each commits on its own.
 */
final class KernelSimpleQuery implements SimpleQuery {
  private final Session session;
  private final List<String> statements;
  private final boolean implicitBlock;
  private int index;
  private QueryResult current;
  private boolean began;
  private boolean done;
  private final List<io.phantomdb.spi.protocol.Notice> notices;

  KernelSimpleQuery(Session session, String sql, List<io.phantomdb.spi.protocol.Notice> notices) {
    this.session = session;
    this.notices = notices;
    this.statements = StatementTexts.split(sql);
    this.implicitBlock = statements.size() > 1 && session.transactionStatus() == 'I'
        && StatementTexts.allTransactional(statements);
  }

  @Override
  public boolean isEmpty() {
    return statements.isEmpty();
  }

  @Override
  public QueryResult next() {
    if (done) {
      return null;
    }
    closeCurrent();
    if (index == statements.size()) {
      done = true;
      if (began) {
        run("COMMIT");
      }
      return null;
    }
    try {
      if (implicitBlock && !began) {
        run("BEGIN");
        began = true;
      }
      String statement = statements.get(index++);
      TransactionNotices.before(statement, session.transactionStatus(), notices);
      current = CopyStatement.isCopy(statement) ? copy(statement)
          : new KernelQueryResult(session.execute(statement), session.timeZone(), this::failed);
      return current;
    } catch (RuntimeException e) {
      failed();
      throw Errors.of(e);
    }
  }

  /** A COPY: its data comes (or goes) through the result's {@code copyIn()} / {@code copyOut()}. */
  private QueryResult copy(String statement) {
    CopyStatement copy;
    try {
      copy = CopyStatement.parse(statement);
      CopyOutQuery.checkDistinct(copy);
    } catch (RuntimeException e) {
      session.statementFailed(); // errors before any statement runs fail a block too
      throw e;
    }
    return copy.from() ? new KernelCopyIn(session, copy) : new KernelCopyOut(session, copy, this::failed);
  }

  private void run(String sql) {
    try {
      session.execute(sql).close();
    } catch (RuntimeException e) {
      throw Errors.of(e);
    }
  }

  /** A statement failed: the rest do not run, and the implicit block is rolled back. */
  private void failed() {
    done = true;
    if (began) {
      began = false;
      closeCurrent();
      run("ROLLBACK");
    }
  }

  private void closeCurrent() {
    if (current != null) {
      QueryResult r = current;
      current = null;
      r.close();
    }
  }

  @Override
  public void close() {
    closeCurrent();
    if (!done) {
      done = true;
      if (began) {
        began = false;
        run("ROLLBACK");
      }
    }
  }
}
